/* fuzz_dict_discards.c — fuzz harness: the fuzz input is the discards file of a small
 * fixed dictionary, which is loaded and, when it loads, used to code sentences. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_dict_harness("fz/fz_discards.txt", data, size);
    return 0;
}
