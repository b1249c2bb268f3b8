/* fuzz_dict_agents.c — fuzz harness: the fuzz input is the agents file of a small
 * fixed dictionary, which is loaded and, when it loads, used to code sentences. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_dict_harness("fz/fz.agents", data, size);
    return 0;
}
