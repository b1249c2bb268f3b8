/* test_io_writer.c — event writers: exact TSV and JSON Lines output, escaping,
 * empty spans, invalid UTF-8, and write errors. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/writer.h"

static const char TEXT[] = "Brazil praised\tArgentina \"today\".";

static dyad_story story(void)
{
    dyad_story s = {0};
    s.id = "s1";
    s.date = 20261120;
    s.text = TEXT;
    s.text_len = sizeof TEXT - 1;
    s.source = "Wire";
    return s;
}

static dyad_event event(void)
{
    dyad_event e = {0};
    e.sentence = 1;
    e.date = 20261120;
    e.source = "BRA";
    e.target = "ARG";
    e.code = "051";
    e.source_span = (dyad_span){0, 6};
    e.target_span = (dyad_span){14, 24};
    e.pattern = "- * +";
    return e;
}

static char *write_all(dy_out_format fmt, int n)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cr_assert_not_null(f);
    dy_writer w;
    dyad_error err = {0};
    dyad_story s = story();
    dyad_event e = event();
    dy_writer_init(&w, f, "mem", fmt);
    for (int i = 0; i < n; i++)
        cr_assert_eq(dy_writer_event(&w, &s, &e, &err), DYAD_OK);
    cr_assert_eq(dy_writer_finish(&w, &err), DYAD_OK);
    cr_expect_eq(w.events, n);
    dy_writer_free(&w);
    fclose(f);
    return buf;
}

/* The first 18 columns are the original ones; the enrichment columns follow
 * (docs/formats.md). */
#define HEADER                                                                            \
    "story_id\tsentence\tdate\tsource\ttarget\tcode\tsource_text\tsource_start\tsource_end\t" \
    "target_text\ttarget_start\ttarget_end\tverb_text\tverb_start\tverb_end\tpattern\t"     \
    "story_source\tstory_url\t"

static int starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

Test(writer, tsv)
{
    char *out = write_all(DY_OUT_TSV, 1);
    cr_expect(starts(out, HEADER), "%s", out);
    const char *line = strchr(out, '\n') + 1;
    cr_expect(starts(line, "s1\t1\t2026-11-20\tBRA\tARG\t051\tBrazil\t0\t6\t"
                           "\\tArgentina\t14\t24\t\t\t\t- * +\tWire\t\t"), "%s", line);
    cr_expect_eq(strchr(line, '\n'), line + strlen(line) - 1, "one line per event");
    free(out);
    out = write_all(DY_OUT_TSV, 0);
    cr_expect(starts(out, HEADER), "the header is written even without events");
    cr_expect_eq(strchr(out, '\n'), out + strlen(out) - 1);
    free(out);
}

Test(writer, jsonl)
{
    char *out = write_all(DY_OUT_JSONL, 1);
    /* the stable event id first (test_event_id.c), then the fields */
    cr_assert(starts(out, "{\"event_id\":"), "%s", out);
    char *rest = out + strlen("{\"event_id\":");
    while (*rest >= '0' && *rest <= '9')
        rest++;
    cr_assert(rest > out + strlen("{\"event_id\":") && *rest == ',', "%s", out);
    memmove(out + 1, rest + 1, strlen(rest + 1) + 1);
    cr_expect(starts(out, "{\"story_id\":\"s1\",\"sentence\":1,\"date\":\"2026-11-20\","
                          "\"source\":\"BRA\",\"target\":\"ARG\",\"code\":\"051\","
                          "\"source_text\":\"Brazil\",\"source_start\":0,\"source_end\":6,"
                          "\"target_text\":\"\\tArgentina\",\"target_start\":14,\"target_end\":24,"
                          "\"verb_text\":null,\"verb_start\":null,\"verb_end\":null,"
                          "\"pattern\":\"- * +\",\"story_source\":\"Wire\","), "%s", out);
    free(out);
}

Test(writer, json_escaping)
{
    dy_strbuf b;
    dy_strbuf_init(&b);
    const char s[] = "q\"b\\n\n\x01 \xc3\xa9 \xff end";
    dy_json_string(&b, s, sizeof s - 1);
    cr_expect_str_eq(b.s, "\"q\\\"b\\\\n\\n\\u0001 \xc3\xa9 \\ufffd end\"");
    dy_strbuf_free(&b);
}

Test(writer, formats)
{
    cr_expect_eq(dy_out_format_parse("tsv"), DY_OUT_TSV);
    cr_expect_eq(dy_out_format_parse("jsonl"), DY_OUT_JSONL);
    cr_expect_eq(dy_out_format_parse("csv"), DY_OUT_CSV);
    cr_expect_eq(dy_out_format_parse("gdelt"), DY_OUT_GDELT);
    cr_expect_eq(dy_out_format_parse("xml"), DY_OUT_NONE);
}

Test(writer, write_error)
{
    FILE *f = fopen("/dev/full", "w");
    if (!f) {
        cr_log_warn("skipped: no /dev/full");
        return;
    }
    dy_writer w;
    dyad_error err = {0};
    dyad_story s = story();
    dyad_event e = event();
    dy_writer_init(&w, f, "/dev/full", DY_OUT_JSONL);
    dyad_status st = dy_writer_event(&w, &s, &e, &err);
    if (st == DYAD_OK)
        st = dy_writer_finish(&w, &err);
    cr_expect_eq(st, DYAD_ERR_IO);
    cr_expect_str_eq(err.where, "/dev/full");
    dy_writer_free(&w);
    fclose(f);
}
