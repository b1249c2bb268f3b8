/* fuzz_read_lines.c — fuzz harness: the fuzz input is a stream read with the
 * lines story reader (src/io/read_lines.c), story by story to the end. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_read_all(DY_IN_LINES, data, size);
    return 0;
}
