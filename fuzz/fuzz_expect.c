/* fuzz_expect.c — fuzz harness: the input is one record comment, parsed as
 * validation expectations (src/io/expect.c) and matched against results. */
#include <string.h>

#include "fuzz.h"
#include "io/expect.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const dyad_event ev[2] = {
        {.sentence = 1, .date = 20240101, .source = "QLL", .target = "BRS", .code = "042"},
        {.sentence = 1, .date = 20240102, .date_shift = 1, .source = "BRSGOV",
         .target = "QLL", .code = "***"},
    };
    dy_expect e;
    dyad_error err;
    if (dy_expect_parse((const char *)data, size, &e, "fuzz-input", 1, &err) != DYAD_OK)
        return 0;
    dyad_result res;
    memset(&res, 0, sizeof res);
    for (size_t n = 0; n <= 2; n++) {
        res.events = ev;
        res.n_events = n;
        (void)dy_expect_matches(&e, &res, 0);
        (void)dy_expect_matches(&e, &res, 1);
        res.discarded = 1;
        (void)dy_expect_matches(&e, &res, 0);
        res.discarded = 0;
    }
    return 0;
}
