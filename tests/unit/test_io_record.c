/* test_io_record.c — TABARI record reading: headers, comment blocks, joined
 * text lines, comments removed from text and kept for validation. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "io/record.h"

#define FIXTURE "tests/fixtures/stories/records.tabari"

Test(record, reads_each_record_of_a_file)
{
    FILE *f = fopen(FIXTURE, "rb");
    cr_assert_not_null(f, "cannot open %s (run from the repository root)", FIXTURE);
    dy_record_reader rr;
    dy_record rec;
    dyad_error err = {0};
    dy_record_reader_init(&rr, f, FIXTURE);

    cr_assert_eq(dy_record_next(&rr, &rec, &err), 1);
    cr_expect_str_eq(rec.id, "DEMO-A-1");
    cr_expect_eq(rec.date, 20261120);
    cr_expect_eq(rec.line, 4);
    cr_expect_str_eq(rec.text, "France and Germany signed a new border agreement on Friday.");
    cr_expect_eq(rec.text_len, strlen(rec.text));
    cr_expect_str_eq(rec.comment, "");

    cr_assert_eq(dy_record_next(&rr, &rec, &err), 1);
    cr_expect_str_eq(rec.id, "DEMO-A-2");
    cr_expect_eq(rec.date, 20261121);
    cr_expect_str_eq(rec.text, "Brazil praised Argentina for the trade deal.");
    cr_expect_str_eq(rec.comment, " expectations follow\n\\n{ BRA / ARG / 051 } ");

    cr_assert_eq(dy_record_next(&rr, &rec, &err), 1);
    cr_expect_str_eq(rec.id, "BAD-DATE");
    cr_expect_eq(rec.date, 0);
    cr_expect_str_eq(rec.date_text, "2026x1");

    cr_assert_eq(dy_record_next(&rr, &rec, &err), 1);
    cr_expect_str_eq(rec.id, "DEMO-A-3");
    cr_expect_eq(rec.date, 20261122);
    cr_expect_str_eq(rec.text, "Kenya hosted Ethiopia for border talks  in Nairobi.");
    cr_expect_str_eq(rec.comment, " a comment ");

    cr_expect_eq(dy_record_next(&rr, &rec, &err), 0);
    dy_record_reader_free(&rr);
    fclose(f);
}

static void split(const char *body, const char *text, const char *comment)
{
    dy_strbuf t, c;
    dy_strbuf_init(&t);
    dy_strbuf_init(&c);
    dy_record_split(body, strlen(body), &t, &c);
    cr_expect_str_eq(t.s, text, "text of [%s]", body);
    cr_expect_str_eq(c.s, comment, "comment of [%s]", body);
    dy_strbuf_free(&t);
    dy_strbuf_free(&c);
}

Test(record, split_comments)
{
    split("plain text", "plain text", "");
    split("said./*{ A / B / 010 }*/", "said.", "{ A / B / 010 }");
    split("a/*x*/b", "a b", "x");
    /* Unclosed: the comment runs to the end of the record. */
    split("text /* open", "text", " open");
    /* A stray second closer: everything up to the last one is comment. */
    split("t /* a */\n{ b } */", "t", " a */\n{ b } ");
    split("\\nline one\n\\nline two", "line one line two", "");
}
