/* test_io_sniff.c — an input's format from its first bytes, with nothing lost
 * (each format's reader goes on from the first byte, on files and pipes);
 * JSON Lines member names and ISO 8601 dates. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "io/reader.h"

static dy_in_format sniffed(const char *s, int at_end, int *decided)
{
    dy_sniff sn;
    *decided = dy_sniff_bytes(s, strlen(s), at_end, &sn);
    return sn.fmt;
}

Test(sniff, bytes)
{
    int d;
    cr_expect_eq(sniffed("{\"id\":", 0, &d), DY_IN_JSONL);
    cr_expect(d);
    cr_expect_eq(sniffed("\xEF\xBB\xBF \n\t {", 0, &d), DY_IN_JSONL);
    cr_expect_eq(sniffed("\n\n<?xml version=\"1.0\"?>", 0, &d), DY_IN_PETRARCH);
    cr_expect_eq(sniffed("240201 AFP-01\nFrance praised Germany.\n", 0, &d), DY_IN_TABARI);
    cr_expect_eq(sniffed("\n20240201\tr1  \n", 0, &d), DY_IN_TABARI);
    cr_expect_eq(sniffed("France praised Germany.", 0, &d), DY_IN_TEXT);
    cr_expect(d);
    /* prose opening with a number, a year, an indented header: text */
    cr_expect_eq(sniffed("240201 soldiers were seen.\n", 0, &d), DY_IN_TEXT);
    cr_expect_eq(sniffed("2024 was a long year\n", 0, &d), DY_IN_TEXT);
    cr_expect_eq(sniffed("1234567 r1\n", 0, &d), DY_IN_TEXT);
    cr_expect_eq(sniffed("  240201 r1\n", 0, &d), DY_IN_TEXT);
    cr_expect_eq(sniffed("240201\n", 0, &d), DY_IN_TEXT);
    /* undecided until the first line (or the end) is in */
    sniffed("240201 r", 0, &d);
    cr_expect(!d);
    cr_expect_eq(sniffed("240201 r", 1, &d), DY_IN_TABARI);
    sniffed("  \n ", 0, &d);
    cr_expect(!d);
    sniffed("\xEF\xBB", 0, &d);
    cr_expect(!d);
    cr_expect_eq(sniffed("", 1, &d), DY_IN_TEXT);
    cr_expect(d);
}

Test(sniff, describe)
{
    dy_sniff sn;
    char buf[64];
    dy_sniff_bytes("{", 1, 1, &sn);
    dy_sniff_describe(&sn, buf, sizeof buf);
    cr_expect_str_eq(buf, "first byte '{'");
    dy_sniff_bytes("\xC3\xA9t\xC3\xA9", 5, 1, &sn);
    dy_sniff_describe(&sn, buf, sizeof buf);
    cr_expect_str_eq(buf, "first byte 0xC3");
    dy_sniff_bytes(" \n", 2, 1, &sn);
    dy_sniff_describe(&sn, buf, sizeof buf);
    cr_expect_str_eq(buf, "empty or only blanks");
    dy_sniff_bytes("940101 X\n", 9, 1, &sn);
    dy_sniff_describe(&sn, buf, sizeof buf);
    cr_expect_str_eq(buf, "first line a 'YYMMDD ID' record header");
}

/* Reads every story of s (sniffed) into "id|date|text;" lines. */
static void read_all(FILE *f, dy_in_format want, char *out, size_t n)
{
    dy_reader r;
    dy_sniff sn;
    dyad_story st;
    dyad_error err = {0};
    int got;
    out[0] = '\0';
    dy_reader_init(&r, f, "t", DY_IN_AUTO, 20260101);
    cr_assert_eq(dy_reader_sniff(&r, &sn, &err), DYAD_OK);
    cr_expect_eq(r.fmt, want);
    for (;;) {
        dyad_status rc = dy_reader_next(&r, &st, &got, &err);
        cr_assert(rc == DYAD_OK || rc == DYAD_ERR_PARSE, "%s", err.message);
        if (rc == DYAD_OK && !got)
            break;
        if (rc == DYAD_OK) {
            size_t len = strlen(out);
            snprintf(out + len, n - len, "%s|%d|%.*s;", st.id, st.date, (int)st.text_len, st.text);
        }
    }
    dy_reader_free(&r);
}

static void expect_read(const char *input, dy_in_format want, const char *expected)
{
    char out[1024];
    FILE *f = fmemopen((void *)input, strlen(input), "rb");
    cr_assert_not_null(f);
    read_all(f, want, out, sizeof out);
    fclose(f);
    cr_expect_str_eq(out, expected);

    /* the same through a pipe (a real descriptor, read with read(2)) */
    int fd[2];
    cr_assert_eq(pipe(fd), 0);
    cr_assert_eq(write(fd[1], input, strlen(input)), (ssize_t)strlen(input));
    close(fd[1]);
    f = fdopen(fd[0], "rb");
    cr_assert_not_null(f);
    read_all(f, want, out, sizeof out);
    fclose(f);
    cr_expect_str_eq(out, expected);
}

Test(sniff, nothing_lost)
{
    expect_read("\n{\"id\":\"a\",\"date\":\"2026-02-01\",\"text\":\"France praised Germany.\"}\n"
                "{\"id\":\"b\",\"text\":\"Japan met India.\"}",
                DY_IN_JSONL, "a|20260201|France praised Germany.;b|20260101|Japan met India.;");
    expect_read("260301 r1\nFrance praised\nGermany.\n\n260302 r2\nJapan met India.\n",
                DY_IN_TABARI, "r1|20260301|France praised Germany.;r2|20260302|Japan met India.;");
    /* text keeps every byte, leading blank lines too: offsets point into the input */
    expect_read("\n\n  France praised Germany.\n", DY_IN_TEXT,
                "t|20260101|\n\n  France praised Germany.\n;");
    expect_read("<Sentences><Sentence date=\"20260305\" id=\"P1_1\" source=\"x\">"
                "<Text>France praised Germany.</Text></Sentence></Sentences>\n",
                DY_IN_PETRARCH, "P1|20260305|France praised Germany.;");
}

Test(sniff, lazily_at_the_first_read)
{
    const char *input = "{\"id\":\"a\",\"date\":\"2026-02-01\",\"text\":\"Japan met India.\"}\n";
    FILE *f = fmemopen((void *)input, strlen(input), "rb");
    dy_reader r;
    dyad_story st;
    dyad_error err = {0};
    int got;
    dy_reader_init(&r, f, "t", DY_IN_AUTO, 0);
    cr_assert_eq(dy_reader_next(&r, &st, &got, &err), DYAD_OK);
    cr_expect(got);
    cr_expect_eq(r.fmt, DY_IN_JSONL);
    cr_expect_str_eq(st.id, "a");
    dy_reader_free(&r);
    fclose(f);
}

static dyad_status read_one(const char *input, const dy_jsonl_fields *fields, dyad_story *st,
                            dyad_error *err, dy_reader *r)
{
    FILE *f = fmemopen((void *)input, strlen(input), "rb");
    int got;
    dy_reader_init(r, f, "t", DY_IN_JSONL, 0);
    if (fields)
        r->fields = *fields;
    dyad_status rc = dy_reader_next(r, st, &got, err);
    fclose(f);   /* the line was read whole: the story lives in r */
    return rc;
}

Test(sniff, jsonl_members)
{
    dy_jsonl_fields fl = {"url", "body", "published", "headline"};
    dy_reader r;
    dyad_story st;
    dyad_error err = {0};
    cr_assert_eq(read_one("{\"url\":\"u1\",\"published\":\"2024-02-01T23:30:00-05:00\","
                          "\"headline\":\"Talks\",\"body\":\"Japan met India.\"}\n",
                          &fl, &st, &err, &r), DYAD_OK);
    cr_expect_str_eq(st.id, "u1");
    cr_expect_eq(st.date, 20240201);
    cr_expect_eq(st.text_len, strlen("Talks\n\nJapan met India."));
    cr_expect_eq(memcmp(st.text, "Talks\n\nJapan met India.", st.text_len), 0);
    dy_reader_free(&r);
    /* no title in the story: the text alone */
    cr_assert_eq(read_one("{\"url\":\"u2\",\"published\":20240202,\"body\":\"Japan met India.\"}\n",
                          &fl, &st, &err, &r), DYAD_OK);
    cr_expect_eq(st.text_len, strlen("Japan met India."));
    dy_reader_free(&r);
    /* the messages name the member looked for */
    cr_expect_eq(read_one("{\"id\":\"x\",\"date\":\"2024-02-01\",\"text\":\"a\"}\n", &fl, &st, &err,
                          &r), DYAD_ERR_PARSE);
    cr_expect_str_eq(err.message, "missing \"url\"");
    dy_reader_free(&r);
    cr_expect_eq(read_one("{\"url\":\"x\",\"date\":\"2024-02-01\",\"text\":\"a\"}\n", &fl, &st, &err,
                          &r), DYAD_ERR_PARSE);
    cr_expect_str_eq(err.message, "story x: missing \"published\"");
    cr_expect_eq(r.skip, DY_SKIP_NO_DATE);
    dy_reader_free(&r);
    cr_expect_eq(read_one("{\"url\":\"x\",\"published\":\"soon\",\"text\":\"a\"}\n", &fl, &st,
                          &err, &r), DYAD_ERR_PARSE);
    cr_expect_str_eq(err.message, "story x: bad \"published\" \"soon\" (want YYYY-MM-DD, "
                                  "YYYYMMDD or an ISO 8601 time)");
    dy_reader_free(&r);
    cr_expect_eq(read_one("{\"url\":\"x\",\"published\":\"2024-02-01\",\"text\":\"a\"}\n", &fl,
                          &st, &err, &r), DYAD_ERR_PARSE);
    cr_expect_str_eq(err.message, "story x: missing \"body\"");
    dy_reader_free(&r);
}

Test(sniff, bad_json_column)
{
    dy_reader r;
    dyad_story st;
    dyad_error err = {0};
    cr_expect_eq(read_one("{\"id\":\"x\", \"text\" \"a\"}\n", NULL, &st, &err, &r), DYAD_ERR_PARSE);
    cr_expect_str_eq(err.message, "bad JSON at column 19: ':' expected, found '\"a\"'");
    dy_reader_free(&r);
}

static int date_of(const char *s)
{
    return dyad_parse_date(s, strlen(s));
}

Test(sniff, iso_dates)
{
    cr_expect_eq(date_of("2024-02-01"), 20240201);
    cr_expect_eq(date_of("20240201"), 20240201);
    cr_expect_eq(date_of("240201"), 20240201);
    cr_expect_eq(date_of("2024-02-01T10:00:00Z"), 20240201);
    cr_expect_eq(date_of("2024-02-01t10:00:00z"), 20240201);
    cr_expect_eq(date_of("2024-02-01T10:00:00+05:30"), 20240201);
    cr_expect_eq(date_of("2024-02-01T10:00:00+0530"), 20240201);
    cr_expect_eq(date_of("2024-02-01T10:00:00-05"), 20240201);
    cr_expect_eq(date_of("2024-02-01 10:00:00"), 20240201);
    cr_expect_eq(date_of("2024-02-01T10:00"), 20240201);
    cr_expect_eq(date_of("2024-02-01T10:00:00.123456Z"), 20240201);
    cr_expect_eq(date_of("2024-02-01T10:00:00,5"), 20240201);
    cr_expect_eq(date_of("2024-02-29T23:59:60Z"), 20240229);
    /* the day as written: an offset does not move it */
    cr_expect_eq(date_of("2024-02-01T23:30:00-05:00"), 20240201);
    cr_expect_eq(date_of("2024-02-01T00:30:00+09:00"), 20240201);
    /* not timestamps */
    cr_expect_eq(date_of("2024-02-30T10:00:00Z"), 0);
    cr_expect_eq(date_of("2024-02-01T25:00:00Z"), 0);
    cr_expect_eq(date_of("2024-02-01T10:61"), 0);
    cr_expect_eq(date_of("2024-02-01T10"), 0);
    cr_expect_eq(date_of("2024-02-01T10:00:00."), 0);
    cr_expect_eq(date_of("2024-02-01T10:00:00+05:"), 0);
    cr_expect_eq(date_of("2024-02-01T10:00:00ZZ"), 0);
    cr_expect_eq(date_of("2024-02-01 "), 0);
    cr_expect_eq(date_of("2024-02-01x10:00"), 0);
}
