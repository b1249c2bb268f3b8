/* fuzz_record.c — fuzz harness: TABARI records (src/io/record.c) and the
 * validation expectations in their comments (src/io/expect.c, expect_match.c). */
#include <string.h>

#include "fuzz.h"
#include "io/expect.h"
#include "io/record.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fz_stream(data, size);
    if (!f)
        return 0;
    dy_record_reader rr;
    dy_record_reader_init(&rr, f, "fuzz-input");
    dy_record rec;
    dyad_error err;
    static const dyad_event ev = {.sentence = 1, .date = 20240101, .source = "QLL",
                                  .target = "BRS", .code = "042"};
    while (dy_record_next(&rr, &rec, &err) == 1) {
        dy_expect e;
        if (dy_expect_parse(rec.comment, rec.comment_len, &e, "fuzz-input", rec.line,
                            &err) != DYAD_OK)
            continue;
        dyad_result res;
        memset(&res, 0, sizeof res);
        (void)dy_expect_is_option_only(&e);
        (void)dy_expect_matches(&e, &res, 1);
        res.events = &ev;
        res.n_events = 1;
        (void)dy_expect_matches(&e, &res, 1);
    }
    dy_record_reader_free(&rr);
    fclose(f);
    return 0;
}
