/* fuzz_read_jsonl.c — fuzz harness: the fuzz input is a stream read with the
 * jsonl story reader (src/io/read_jsonl.c), story by story to the end. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_read_all(DY_IN_JSONL, data, size);
    return 0;
}
