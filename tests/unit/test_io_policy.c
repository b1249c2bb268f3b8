/* test_io_policy.c — the input policy of the story readers: sanitizing
 * (UTF-8, NUL, HTML), BOM and CR line ends, skip reasons, duplicate ids and
 * the rejects file. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/idset.h"
#include "dyad_io.h"
#include "io/reader.h"
#include "io/rejects.h"
#include "io/sanitize.h"

static char *clean(const char *s, size_t n, int what, dy_fixes *fx)
{
    dy_strbuf b;
    dy_strbuf_init(&b);
    dy_sanitize(s, n, what, &b, fx);
    return dy_strbuf_take(&b);
}

Test(sanitize, utf8)
{
    dy_fixes fx = {0};
    char *s = clean("a\xff" "b\xc3" "c\xe2\x82" "d\xc3\xa9\xed\xa0\x80\xc0\xaf", 15, DY_SAN_UTF8,
                    &fx);
    /* stray, truncated (x2), then é kept, a surrogate and an overlong replaced */
    cr_expect_str_eq(s, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD"
                        "d\xc3\xa9\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    cr_expect_eq(fx.bad_utf8, 9);
    free(s);
    memset(&fx, 0, sizeof fx);
    s = clean("x\0y\0", 4, DY_SAN_UTF8, &fx);
    cr_expect_str_eq(s, "x y ");
    cr_expect_eq(fx.nuls, 2);
    free(s);
    s = clean("\xf0\x9f\x98\x80 ok", 7, DY_SAN_UTF8, &fx);
    cr_expect_str_eq(s, "\xf0\x9f\x98\x80 ok");
    free(s);
}

Test(sanitize, html)
{
    dy_fixes fx = {0};
    const char *in = "<p>AT&amp;T &lt;b&gt; a < b, x<5%, &copy; &#39;q&#x27; &nbsp;"
                     "&#0; &#99999999; <!-- c --></p>";
    char *s = clean(in, strlen(in), DY_SAN_UTF8 | DY_SAN_HTML, &fx);
    cr_expect_str_eq(s, " AT&T <b> a < b, x<5%, &copy; 'q'  \xEF\xBF\xBD \xEF\xBF\xBD   ");
    cr_expect_eq(fx.tags, 3);
    cr_expect_eq(fx.entities, 8);
    free(s);
    /* without DY_SAN_HTML the text stays as it is */
    s = clean("<b>&amp;", 8, DY_SAN_UTF8, &fx);
    cr_expect_str_eq(s, "<b>&amp;");
    free(s);
    cr_expect_eq(dy_bom_len("\xEF\xBB\xBFx", 4), 3);
    cr_expect_eq(dy_bom_len("xyz", 3), 0);
}

/* Plain text is scanned in blocks (io/sanitize.c): a byte to repair is found
 * at every offset of every length, the first and last block included. */
Test(sanitize, every_offset)
{
    static const struct { const char *bad, *fixed; int what; } cases[] = {
        {"\xff", "\xEF\xBF\xBD", DY_SAN_UTF8},
        {"\0", " ", DY_SAN_UTF8},
        {"&amp;", "&", DY_SAN_UTF8 | DY_SAN_HTML},
        {"<b>", " ", DY_SAN_UTF8 | DY_SAN_HTML},
    };
    char in[64], want[64];
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        size_t bl = c == 1 ? 1 : strlen(cases[c].bad), fl = strlen(cases[c].fixed);
        for (size_t n = bl; n < 48; n++) {
            for (size_t at = 0; at + bl <= n; at++) {
                memset(in, 'a', n);
                memcpy(in + at, cases[c].bad, bl);
                memset(want, 'a', n - bl + fl);
                memcpy(want + at, cases[c].fixed, fl);
                want[n - bl + fl] = '\0';
                dy_fixes fx = {0};
                char *s = clean(in, n, cases[c].what, &fx);
                cr_assert_str_eq(s, want, "case %zu, length %zu, at %zu", c, n, at);
                free(s);
            }
        }
    }
}

Test(idset, duplicates)
{
    dy_idset s;
    dy_idset_init(&s, 0);
    cr_expect_eq(s.window, DY_IDSET_WINDOW);
    char id[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(id, sizeof id, "story-%d", i);
        cr_assert_eq(dy_idset_add(&s, id, strlen(id)), 1);
    }
    for (int i = 0; i < 5000; i += 7) {
        snprintf(id, sizeof id, "story-%d", i);
        cr_expect_eq(dy_idset_add(&s, id, strlen(id)), 0);
    }
    cr_expect_eq(dy_idset_add(&s, "", 0), 1);
    cr_expect_eq(dy_idset_add(&s, "", 0), 0);
    dy_idset_free(&s);
}

/* An endless stream: only the last `window` distinct ids are remembered, the
 * table never grows past them, and eviction keeps every probe run intact. */
Test(idset, window)
{
    dy_idset s;
    dy_idset_init(&s, 1000);
    char id[32];
    for (int i = 0; i < 100000; i++) {
        snprintf(id, sizeof id, "story-%d", i);
        cr_assert_eq(dy_idset_add(&s, id, strlen(id)), 1, "%s", id);
        if (i % 97 == 0)   /* a repeat inside the window is found */
            cr_assert_eq(dy_idset_add(&s, id, strlen(id)), 0, "%s", id);
    }
    cr_expect_eq(s.n, 1000);
    cr_expect_leq(s.cap, 2048);
    cr_expect_eq(s.ring_cap, 1000);
    size_t used = 0;
    for (size_t i = 0; i < s.cap; i++)
        used += s.slot[i] != 0;
    cr_expect_eq(used, 1000);
    for (int i = 99000; i < 100000; i++) {   /* the last 1000: all still there */
        snprintf(id, sizeof id, "story-%d", i);
        cr_assert_eq(dy_idset_add(&s, id, strlen(id)), 0, "%s", id);
    }
    snprintf(id, sizeof id, "story-%d", 98999);   /* just out of the window */
    cr_expect_eq(dy_idset_add(&s, id, strlen(id)), 1);
    snprintf(id, sizeof id, "story-%d", 99000);   /* ... which pushed this one out */
    cr_expect_eq(dy_idset_add(&s, id, strlen(id)), 1);
    snprintf(id, sizeof id, "story-%d", 99999);
    cr_expect_eq(dy_idset_add(&s, id, strlen(id)), 0);
    dy_idset_free(&s);
}

/* Reads every item of text in fmt; returns "id" or "!reason@line" per item. */
static void read_all(const char *text, size_t len, dy_in_format fmt, char *out, size_t cap)
{
    FILE *f = fmemopen((void *)text, len, "rb");
    cr_assert(f);
    dy_reader r;
    dyad_story st;
    dyad_error err = {0};
    int got;
    out[0] = '\0';
    dy_reader_init(&r, f, "t", fmt, 0);
    for (int i = 0; i < 20; i++) {
        dyad_status rc = dy_reader_next(&r, &st, &got, &err);
        char one[128];
        if (rc == DYAD_ERR_PARSE)
            snprintf(one, sizeof one, "!%s@%ld ", dy_skip_key(r.skip), err.line);
        else if (rc != DYAD_OK || !got)
            break;
        else
            snprintf(one, sizeof one, "%s@%ld ", st.id, r.line);
        strncat(out, one, cap - strlen(out) - 1);
    }
    dy_reader_free(&r);
    fclose(f);
}

Test(reader_policy, jsonl)
{
    static const char in[] =
        "\xEF\xBB\xBF{\"id\":\"a\",\"date\":\"2026-01-02\",\"text\":\"x y\"}\r"
        "{\"id\":\"b\",\"date\":\"2026-01-02\",\"text\":\" \"}\r\n"
        "{\"id\":\"c\",\"text\":\"x\"}\n"
        "{\"id\":\"d\",\"date\":\"2026-02-30\",\"text\":\"x\"}\n"
        "{\"id\":\"e\",\"date\":\"2026-01-02\",\"text\":\"\xff\"}\n"
        "{\"id\":\n";
    char out[256];
    read_all(in, sizeof in - 1, DY_IN_JSONL, out, sizeof out);
    cr_expect_str_eq(out, "a@1 !empty@2 !no_date@3 !bad_date@4 e@5 !bad_input@6 ");
}

Test(reader_policy, repairs_counted)
{
    static const char in[] = "{\"id\":\"a\",\"date\":\"2026-01-02\",\"text\":\"x\xff\\u0000y\"}\n";
    FILE *f = fmemopen((void *)in, sizeof in - 1, "rb");
    dyad_reader *r;
    dyad_story st;
    dyad_error err = {0};
    int got;
    cr_assert_eq(dyad_reader_new(f, "t", DYAD_INPUT_JSONL, &r, &err), DYAD_OK);
    cr_assert_eq(dyad_reader_next(r, &st, &got, &err), DYAD_OK);
    cr_assert(got);
    const dyad_item *it = dyad_reader_item(r);
    cr_expect_eq(dyad_item_repairs(it, DYAD_REPAIR_BAD_UTF8), 1);
    cr_expect_eq(dyad_item_repairs(it, DYAD_REPAIR_NUL), 1);
    cr_expect_eq(dyad_item_line(it), 1);
    cr_expect_eq(st.text_len, 6);
    cr_expect(!memcmp(st.text, "x\xEF\xBF\xBD y", 6));
    dyad_reader_free(r);
    fclose(f);
}

Test(reader_policy, skip_classify)
{
    dyad_error e = {0};
    e.status = DYAD_ERR_PARSE;
    strcpy(e.message, "story x: missing \"date\"");
    cr_expect_eq(dy_skip_classify(&e), DY_SKIP_NO_DATE);
    strcpy(e.message, "bad date '2026x1' in record header");
    cr_expect_eq(dy_skip_classify(&e), DY_SKIP_BAD_DATE);
    strcpy(e.message, "story x has no text");
    cr_expect_eq(dy_skip_classify(&e), DY_SKIP_EMPTY);
    strcpy(e.message, "bad JSON: x");
    cr_expect_eq(dy_skip_classify(&e), DY_SKIP_BAD_INPUT);
    e.status = DYAD_ERR_LIMIT;
    cr_expect_eq(dy_skip_classify(&e), DY_SKIP_TOO_LONG);
    cr_expect_str_eq(dy_skip_name(DY_SKIP_DUPLICATE), "duplicate id");
    cr_expect_str_eq(dy_skip_key(DY_SKIP_CODING), "coding_error");
}

Test(rejects, line)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    dyad_story st = {.id = "s1", .date = 20260102, .text = "t\"x", .text_len = 3};
    dy_reject rj = {.story = &st, .reason = "bad_date", .file = "in.jsonl", .line = 4,
                    .message = "m"};
    dyad_error err = {0};
    cr_assert_eq(dy_reject_write(f, "rejects", &rj, &err), DYAD_OK);
    dy_reject none = {.raw = "{x", .raw_len = 2, .reason = "bad_input", .file = "f"};
    cr_assert_eq(dy_reject_write(f, "rejects", &none, &err), DYAD_OK);
    fclose(f);
    cr_expect_str_eq(buf,
        "{\"id\":\"s1\",\"date\":\"2026-01-02\",\"text\":\"t\\\"x\",\"source\":null,\"url\":null,"
        "\"reason\":\"bad_date\",\"where\":\"in.jsonl:4\",\"message\":\"m\",\"raw\":null}\n"
        "{\"id\":null,\"date\":null,\"text\":null,\"source\":null,\"url\":null,"
        "\"reason\":\"bad_input\",\"where\":\"f\",\"message\":null,\"raw\":\"{x\"}\n");
    free(buf);
}
