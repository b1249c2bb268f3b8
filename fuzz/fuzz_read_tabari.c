/* fuzz_read_tabari.c — fuzz harness: the fuzz input is a stream read with the
 * tabari story reader (src/io/read_tabari.c), story by story to the end. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_read_all(DY_IN_TABARI, data, size);
    return 0;
}
