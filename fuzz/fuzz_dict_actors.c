/* fuzz_dict_actors.c — fuzz harness: the fuzz input is the actors file of a small
 * fixed dictionary, which is loaded and, when it loads, used to code sentences. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_dict_harness("fz/fz.actors", data, size);
    return 0;
}
