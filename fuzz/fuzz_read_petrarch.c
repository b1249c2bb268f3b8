/* fuzz_read_petrarch.c — fuzz harness: the fuzz input is a PETRARCH XML
 * stream read with the petrarch story reader (src/io/read_petrarch*.c). */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_read_all(DY_IN_PETRARCH, data, size);
    return 0;
}
