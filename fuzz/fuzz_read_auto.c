/* fuzz_read_auto.c — fuzz harness: the fuzz input is a stream whose format is
 * sniffed from its first bytes (src/io/sniff.c), then read story by story. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_read_all(DY_IN_AUTO, data, size);
    return 0;
}
