/* fuzz_dict_options.c — fuzz harness: the fuzz input is the options file of a small
 * fixed dictionary, which is loaded and, when it loads, used to code sentences. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_dict_harness("fz/fz.options", data, size);
    return 0;
}
