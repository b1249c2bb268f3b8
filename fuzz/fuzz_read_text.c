/* fuzz_read_text.c — fuzz harness: the fuzz input is a stream read with the
 * text story reader (src/io/read_text.c), story by story to the end. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_read_all(DY_IN_TEXT, data, size);
    return 0;
}
