/* test_io_reader.c — story readers: format names and detection, jsonl with
 * bad lines reported and skipped, lines, text and tabari streams. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "io/reader.h"

#define DIR "tests/fixtures/stories/"

Test(reader, formats)
{
    cr_expect_eq(dy_in_format_detect("a/b.jsonl"), DY_IN_JSONL);
    cr_expect_eq(dy_in_format_detect("b.json"), DY_IN_JSONL);
    cr_expect_eq(dy_in_format_detect("Validate.text"), DY_IN_TABARI);
    cr_expect_eq(dy_in_format_detect("x.tabari"), DY_IN_TABARI);
    cr_expect_eq(dy_in_format_detect("x.records"), DY_IN_TABARI);
    cr_expect_eq(dy_in_format_detect("story.txt"), DY_IN_TEXT);
    cr_expect_eq(dy_in_format_detect("-"), DY_IN_AUTO);
    cr_expect_eq(dy_in_format_detect("stories"), DY_IN_AUTO);
    cr_expect(!dy_in_format_known_suffix("notes.dat"));
    cr_expect_eq(dy_in_format_parse("lines"), DY_IN_LINES);
    cr_expect_eq(dy_in_format_parse("xml"), DY_IN_AUTO);
    cr_expect_str_eq(dy_in_format_name(DY_IN_TABARI), "tabari");
}

typedef struct step {
    dyad_status status;
    const char *id_or_message;
    long line;
    int date;
} step;

static void expect_steps(FILE *f, const char *name, dy_in_format fmt, int date, const step *s,
                         int n)
{
    dy_reader r;
    dyad_story st;
    dyad_error err = {0};
    int got;
    dy_reader_init(&r, f, name, fmt, date);
    for (int i = 0; i < n; i++) {
        dyad_status rc = dy_reader_next(&r, &st, &got, &err);
        cr_assert_eq(rc, s[i].status, "step %d: status %d, message %s", i, rc, err.message);
        if (rc == DYAD_OK) {
            cr_assert(got, "step %d: expected a story", i);
            cr_expect_str_eq(st.id, s[i].id_or_message, "step %d", i);
            cr_expect_eq(st.date, s[i].date, "step %d", i);
        } else {
            cr_expect_str_eq(err.message, s[i].id_or_message, "step %d: %s", i, err.message);
            cr_expect_eq(err.line, s[i].line, "step %d: line %ld", i, err.line);
            cr_expect_str_eq(err.where, name);
        }
    }
    cr_expect_eq(dy_reader_next(&r, &st, &got, &err), DYAD_OK);
    cr_expect_eq(got, 0, "expected the end");
    dy_reader_free(&r);
}

Test(reader, jsonl)
{
    FILE *f = fopen(DIR "stories.jsonl", "rb");
    cr_assert_not_null(f);
    step s[] = {
        {DYAD_OK, "j1", 0, 20261120},
        {DYAD_OK, "j2", 0, 20261121},
        {DYAD_ERR_PARSE, "bad JSON at column 1: '{' expected, found 'this'", 3, 0},
        {DYAD_ERR_PARSE, "story j3: missing \"date\"", 4, 0},
        {DYAD_ERR_PARSE, "not a JSON object", 5, 0},
        {DYAD_ERR_PARSE, "story j4: bad \"date\" \"2026-13-40\" (want YYYY-MM-DD, YYYYMMDD or an ISO 8601 time)", 7, 0},
        {DYAD_ERR_PARSE, "story j5: missing \"text\"", 8, 0},
        {DYAD_OK, "7", 0, 20261123},
    };
    expect_steps(f, "stories.jsonl", DY_IN_JSONL, 0, s, 8);
    fclose(f);
}

Test(reader, jsonl_fields)
{
    FILE *f = fopen(DIR "stories.jsonl", "rb");
    cr_assert_not_null(f);
    dy_reader r;
    dyad_story st;
    dyad_error err = {0};
    int got;
    dy_reader_init(&r, f, "stories.jsonl", DY_IN_JSONL, 0);
    cr_assert_eq(dy_reader_next(&r, &st, &got, &err), DYAD_OK);
    cr_expect_str_eq(st.source, "Example Wire");
    cr_expect_str_eq(st.url, "https://example.org/j1");
    cr_expect_eq(st.text_len, strlen("France praised Germany for its new energy plan."));
    cr_expect_eq(memcmp(st.text, "France praised", 14), 0);
    cr_expect_eq(st.one_sentence, 0);
    cr_assert_eq(dy_reader_next(&r, &st, &got, &err), DYAD_OK);
    cr_expect_null(st.source);
    cr_expect_null(st.url);
    dy_reader_free(&r);
    fclose(f);
}

Test(reader, jsonl_default_date)
{
    /* --date fills in a missing date, never a bad one. */
    FILE *f = fopen(DIR "stories.jsonl", "rb");
    cr_assert_not_null(f);
    step s[] = {
        {DYAD_OK, "j1", 0, 20261120},
        {DYAD_OK, "j2", 0, 20261121},
        {DYAD_ERR_PARSE, "bad JSON at column 1: '{' expected, found 'this'", 3, 0},
        {DYAD_OK, "j3", 0, 20260101},
        {DYAD_ERR_PARSE, "not a JSON object", 5, 0},
        {DYAD_ERR_PARSE, "story j4: bad \"date\" \"2026-13-40\" (want YYYY-MM-DD, YYYYMMDD or an ISO 8601 time)", 7, 0},
        {DYAD_ERR_PARSE, "story j5: missing \"text\"", 8, 0},
        {DYAD_OK, "7", 0, 20261123},
    };
    expect_steps(f, "stories.jsonl", DY_IN_JSONL, 20260101, s, 8);
    fclose(f);
}

Test(reader, lines)
{
    FILE *f = fopen(DIR "sentences.txt", "rb");
    cr_assert_not_null(f);
    step s[] = {
        {DYAD_OK, "sentences.txt:1", 0, 0},
        {DYAD_OK, "sentences.txt:3", 0, 0},
    };
    expect_steps(f, "sentences.txt", DY_IN_LINES, 0, s, 2);
    fclose(f);
}

Test(reader, text)
{
    FILE *f = fopen(DIR "sentences.txt", "rb");
    cr_assert_not_null(f);
    dy_reader r;
    dyad_story st;
    dyad_error err = {0};
    int got;
    dy_reader_init(&r, f, "sentences.txt", DY_IN_TEXT, 20261120);
    cr_assert_eq(dy_reader_next(&r, &st, &got, &err), DYAD_OK);
    cr_assert(got);
    cr_expect_str_eq(st.id, "sentences.txt");
    cr_expect_eq(st.text_len, 97);
    cr_expect_eq(dy_reader_next(&r, &st, &got, &err), DYAD_OK);
    cr_expect_eq(got, 0);
    dy_reader_free(&r);
    fclose(f);
}

Test(reader, text_needs_a_date)
{
    FILE *f = fopen(DIR "sentences.txt", "rb");
    cr_assert_not_null(f);
    step s[] = {{DYAD_ERR_PARSE, "no date for a text story (use --date YYYY-MM-DD)", 0, 0}};
    expect_steps(f, "sentences.txt", DY_IN_TEXT, 0, s, 1);
    fclose(f);
}

Test(reader, tabari)
{
    FILE *f = fopen(DIR "records.tabari", "rb");
    cr_assert_not_null(f);
    step s[] = {
        {DYAD_OK, "DEMO-A-1", 0, 20261120},
        {DYAD_OK, "DEMO-A-2", 0, 20261121},
        {DYAD_ERR_PARSE, "bad date '2026x1' in record header (want YYMMDD or YYYYMMDD)", 13, 0},
        {DYAD_OK, "DEMO-A-3", 0, 20261122},
    };
    expect_steps(f, "records.tabari", DY_IN_TABARI, 0, s, 4);
    fclose(f);
}

/* The JSON scanner's decisions, as the reader applies them (docs/architecture.md,
 * "Reading JSON Lines"): the last of a repeated member, numbers of any size,
 * strict JSON, bad dates quoted as written in ASCII. */
Test(reader, jsonl_strict)
{
    static const char in[] =
        "{\"id\":\"a\",\"id\":\"b\",\"date\":\"2026-01-01\",\"text\":\"x\"}\n"
        "{\"id\":\"c\",\"date\":\"2026-01-01\",\"text\":\"\\uD800\"}\n"
        "{\"id\":123456789012345678901234567890,\"date\":20260102,\"text\":\"x\"}\n"
        "{\"id\":\"d\",\"date\":\"2026-01-01\",\"text\":\"x\",}\n"
        "{\"id\":\"e\",\"date\":1.5,\"text\":\"x\"}\n"
        "{\"id\":\"f\",\"date\":{\"y\": \"\xc3\xa9\"},\"text\":\"x\"}\n"
        "{\"id\":\"\xc3\xa9\",\"date\":\"2026-01-01\",\"text\":\"x\"} \xc3\xa9\n"
        "{\"id\":\"g\",\"date\":\"2026-01-03\",\"text\":\"x\\u00e9\\uD83D\\uDE00\\t\"}\n";
    FILE *f = fmemopen((void *)in, sizeof in - 1, "r");
    cr_assert_not_null(f);
    step s[] = {
        {DYAD_OK, "b", 0, 20260101},
        {DYAD_ERR_PARSE, "bad JSON at column 39: unpaired UTF-16 surrogate '\\uD800'", 2, 0},
        {DYAD_OK, "123456789012345678901234567890", 0, 20260102},
        {DYAD_ERR_PARSE, "bad JSON at column 42: a member name expected, found '}'", 4, 0},
        {DYAD_ERR_PARSE, "story e: bad \"date\" 1.5 (want YYYY-MM-DD, YYYYMMDD or an ISO 8601 time)",
         5, 0},
        {DYAD_ERR_PARSE, "story f: bad \"date\" {\"y\": \"\\u00E9\"} (want YYYY-MM-DD, YYYYMMDD or "
                         "an ISO 8601 time)", 6, 0},
        {DYAD_ERR_PARSE, "bad JSON at column 43: end of line expected after the object, found "
                         "'\xc3\xa9'", 7, 0},
        {DYAD_OK, "g", 0, 20260103},
    };
    expect_steps(f, "strict.jsonl", DY_IN_JSONL, 0, s, 8);
    fclose(f);
}

/* One member read as two fields (--id-field url): both get it. */
Test(reader, jsonl_id_is_url)
{
    static const char in[] = "{\"url\":\"https://example.org/\\u00e9\",\"date\":\"2026-01-01\","
                             "\"text\":\"x\"}\n";
    FILE *f = fmemopen((void *)in, sizeof in - 1, "r");
    cr_assert_not_null(f);
    dy_reader r;
    dyad_story st;
    dyad_error err = {0};
    int got;
    dy_reader_init(&r, f, "u.jsonl", DY_IN_JSONL, 0);
    r.fields.id = "url";
    cr_assert_eq(dy_reader_next(&r, &st, &got, &err), DYAD_OK, "%s", err.message);
    cr_expect_str_eq(st.id, "https://example.org/\xc3\xa9");
    cr_expect_str_eq(st.url, "https://example.org/\xc3\xa9");
    cr_expect_null(st.source);
    dy_reader_free(&r);
    fclose(f);
}
