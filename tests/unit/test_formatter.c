/* test_formatter.c — dyad_formatter, the public event formatter: the lines
 * it gives are those the command's writer writes, identical events folded. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "dyad.h"
#include "event/dedup.h"
#include "io/writer.h"

static dyad_dict *dict;
static dyad_coder *coder;

static void setup(void)
{
    dyad_error err = {0};
    cr_assert_eq(dyad_dict_load("tests/fixtures/cli/mini.project", &dict, &err), DYAD_OK,
                 "%s", err.message);
    cr_assert_eq(dyad_coder_new(dict, &coder, &err), DYAD_OK);
}

static void teardown(void)
{
    dyad_coder_free(coder);
    dyad_dict_free(dict);
}

static dyad_story story_of(const char *id, const char *text)
{
    dyad_story st;
    memset(&st, 0, sizeof st);
    st.id = id;
    st.date = 20260102;
    st.text = text;
    st.text_len = strlen(text);
    return st;
}

/* What the command's writer writes for the story, without its header. */
static char *writer_lines(dy_out_format fmt, const dyad_story *st, const dyad_result *res)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    cr_assert_not_null(f);
    dy_writer w;
    dy_writer_init(&w, f, "mem", fmt);
    w.header_done = 1;
    dy_story_dedup dd;
    dy_story_dedup_init(&dd);
    dy_strbuf b;
    dy_strbuf_init(&b);
    long n = 0;
    dyad_error err = {0};
    cr_assert_eq(dy_format_story(&b, fmt, &w.opt, &dd, st, res, &n), DYAD_OK);
    cr_assert_eq(dy_writer_lines(&w, b.s ? b.s : "", b.len, n, &err), DYAD_OK);
    dy_writer_free(&w);
    dy_strbuf_free(&b);
    dy_story_dedup_free(&dd);
    fclose(f);
    return buf;
}

TestSuite(formatter, .init = setup, .fini = teardown);

Test(formatter, lines_as_the_writer_writes_them)
{
    static const char *names[] = {"tsv", "jsonl", "csv", "petrarch", "tabari", "gdelt"};
    static const dy_out_format outs[] = {DY_OUT_TSV, DY_OUT_JSONL, DY_OUT_CSV,
                                         DY_OUT_PETRARCH, DY_OUT_TABARI, DY_OUT_GDELT};
    /* the same event twice in one story: one line, mentions 2 */
    dyad_story st = story_of("f1", "France praised Germany for its new energy plan. France praised Germany for its new energy plan.");
    dyad_result res;
    dyad_error err = {0};
    cr_assert_eq(dyad_code(coder, &st, &res, &err), DYAD_OK);
    cr_assert_eq(res.n_events, 2);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        dyad_format fmt;
        cr_assert_eq(dyad_format_parse(names[i], &fmt, &err), DYAD_OK);
        dyad_formatter *f = NULL;
        cr_assert_eq(dyad_formatter_new(fmt, &f, &err), DYAD_OK);
        const char *text;
        size_t len, lines;
        cr_assert_eq(dyad_format_story(f, &st, &res, &text, &len, &lines, &err), DYAD_OK);
        cr_expect_eq(lines, 1, "%s: %zu lines", names[i], lines);
        cr_expect_eq(strlen(text), len);
        char *want = writer_lines(outs[i], &st, &res);
        cr_expect_str_eq(text, want, "%s", names[i]);
        free(want);
        dyad_formatter_free(f);
    }
}

Test(formatter, folded_count_in_jsonl)
{
    dyad_story st = story_of("f2", "France praised Germany for its new energy plan. France praised Germany for its new energy plan.");
    dyad_result res;
    dyad_error err = {0};
    cr_assert_eq(dyad_code(coder, &st, &res, &err), DYAD_OK);
    dyad_formatter *f = NULL;
    cr_assert_eq(dyad_formatter_new(DYAD_FORMAT_JSONL, &f, &err), DYAD_OK);
    const char *text;
    size_t len, lines;
    cr_assert_eq(dyad_format_story(f, &st, &res, &text, &len, &lines, &err), DYAD_OK);
    cr_expect(strstr(text, "\"mentions\":2") != NULL, "%s", text);
    cr_expect(strstr(text, "\"sentence_ids\":\"f2_1;f2_2\"") != NULL, "%s", text);
    cr_expect_str_eq(dyad_formatter_header(f), "");
    dyad_formatter_free(f);
}

Test(formatter, no_event_headers_and_errors)
{
    dyad_story st = story_of("f3", "Nothing happened here.");
    dyad_result res;
    dyad_error err = {0};
    cr_assert_eq(dyad_code(coder, &st, &res, &err), DYAD_OK);
    dyad_formatter *f = NULL;
    cr_assert_eq(dyad_formatter_new(DYAD_FORMAT_TSV, &f, &err), DYAD_OK);
    const char *text;
    size_t len, lines;
    cr_assert_eq(dyad_format_story(f, &st, &res, &text, &len, &lines, &err), DYAD_OK);
    cr_expect_str_eq(text, "");
    cr_expect_eq(lines, 0);
    const char *h = dyad_formatter_header(f);
    cr_expect(strncmp(h, "story_id\t", 9) == 0, "%s", h);
    cr_expect_eq(h[strlen(h) - 1], '\n');
    cr_expect_eq(dyad_formatter_set(f, (dyad_format_option)99, 1, &err), DYAD_ERR_ARG);
    cr_expect_eq(dyad_formatter_set(f, DYAD_FORMAT_QUAD_PHOENIX, 1, &err), DYAD_OK);
    dyad_formatter_free(f);
    dyad_format fmt;
    cr_expect_eq(dyad_format_parse("xml", &fmt, &err), DYAD_ERR_ARG);
    cr_expect(strstr(err.message, "jsonl") != NULL, "%s", err.message);
    cr_expect_eq(dyad_formatter_new((dyad_format)0, &f, &err), DYAD_ERR_ARG);
    cr_expect_null(f);
}
