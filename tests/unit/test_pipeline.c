/* test_pipeline.c — the parallel coding pipeline, through the public API
 * (dyad_io.h): results come back in input order whatever the thread count,
 * with the lines the workers built and what the reader said of each item,
 * and a sink that says stop ends the run with DYAD_STOPPED. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad_io.h"

typedef struct seen {
    long n, events, parse_errors, stop_at;
    char order[64 * 1024];
    size_t len;
    dyad_pipeline *p;
    dyad_formatter *f;       /* the lines the workers build are checked against it */
} seen;

static int sink(void *ctx, dyad_status s, const dyad_story *st, const dyad_result *res,
                const dyad_error *err)
{
    seen *v = ctx;
    (void)err;
    const dyad_item *it = dyad_pipeline_item(v->p);
    cr_assert_not_null(it);
    if (!st) {
        v->parse_errors += s == DYAD_ERR_PARSE;
        cr_assert_eq(dyad_item_skip(it), DYAD_SKIP_BAD_INPUT);
        size_t raw_len;
        const char *raw = dyad_item_raw(it, &raw_len);
        cr_assert(raw && raw_len > 9 && !memcmp(raw, "not json ", 9));
        return 0;
    }
    cr_assert_eq(s, DYAD_OK);
    long line = atol(st->id + 1) + 1;   /* story sN is on line N + 1 */
    cr_assert_eq(dyad_item_line(it), line, "%s at line %ld", st->id, dyad_item_line(it));
    size_t len, lines;
    const char *text = dyad_pipeline_lines(v->p, &len, &lines);
    if (v->f) {
        const char *want;
        size_t want_len, want_lines;
        cr_assert_eq(dyad_format_story(v->f, st, res, &want, &want_len, &want_lines, NULL),
                     DYAD_OK);
        cr_assert_eq(len, want_len);
        cr_assert_eq(lines, want_lines);
        cr_assert(!memcmp(text, want, len));
    } else {
        cr_assert_eq(len, 0);
        cr_assert_str_eq(text, "");
    }
    v->n++;
    v->events += (long)res->n_events;
    int k = snprintf(v->order + v->len, sizeof v->order - v->len, "%s:%zu;", st->id,
                     res->n_events);
    if (k > 0 && (size_t)k < sizeof v->order - v->len) v->len += (size_t)k;
    return v->stop_at && v->n >= v->stop_at;
}

/* 3,000 one-line stories, every seventh line not JSON. */
static FILE *stories(void)
{
    FILE *f = tmpfile();
    cr_assert_not_null(f);
    for (int i = 0; i < 3000; i++) {
        if (i % 7 == 3) fprintf(f, "not json %d\n", i);
        else
            fprintf(f, "{\"id\":\"s%d\",\"date\":\"2026-01-0%d\",\"text\":\"France praised "
                       "Germany for its plan number %d. Brazil accused Argentina.\"}\n",
                    i, 1 + i % 9, i);
    }
    rewind(f);
    return f;
}

static void run_with(const dyad_dict *d, int threads, long stop_at, seen *v, dyad_status want,
                     dyad_formatter *lines_like)
{
    dyad_pipeline *p = NULL;
    dyad_error err = {0};
    cr_assert_eq(dyad_pipeline_new(d, NULL, threads, lines_like, &p, &err), DYAD_OK);
    FILE *f = stories();
    dyad_reader *rd;
    cr_assert_eq(dyad_reader_new(f, "many.jsonl", DYAD_INPUT_JSONL, &rd, &err), DYAD_OK);
    memset(v, 0, sizeof *v);
    v->stop_at = stop_at;
    v->p = p;
    v->f = lines_like;
    cr_assert_eq(dyad_pipeline_run(p, rd, sink, v, &err), want);
    cr_assert_null(dyad_pipeline_item(p));
    dyad_reader_free(rd);
    fclose(f);
    dyad_pipeline_free(p);
}

static void run(const dyad_dict *d, int threads, long stop_at, seen *v, dyad_status want)
{
    run_with(d, threads, stop_at, v, want, NULL);
}

Test(pipeline, same_results_in_input_order)
{
    dyad_dict *d = NULL;
    dyad_error err = {0};
    cr_assert_eq(dyad_dict_load("tests/fixtures/cli/mini.project", &d, &err), DYAD_OK);
    static seen one, many;
    run(d, 1, 0, &one, DYAD_OK);
    cr_assert_gt(one.events, 0);
    cr_assert_eq(one.parse_errors, 3000 / 7 + 1);
    for (int t = 2; t <= 8; t *= 2) {
        run(d, t, 0, &many, DYAD_OK);
        cr_assert_eq(many.n, one.n);
        cr_assert_eq(many.parse_errors, one.parse_errors);
        cr_assert_str_eq(many.order, one.order, "%d threads", t);
    }
    dyad_dict_free(d);
}

Test(pipeline, sink_stops_the_run)
{
    dyad_dict *d = NULL;
    dyad_error err = {0};
    cr_assert_eq(dyad_dict_load("tests/fixtures/cli/mini.project", &d, &err), DYAD_OK);
    static seen v;
    run(d, 1, 100, &v, DYAD_STOPPED);
    cr_assert_eq(v.n, 100);
    run(d, 4, 100, &v, DYAD_STOPPED);
    cr_assert_eq(v.n, 100);
    dyad_dict_free(d);
}

Test(pipeline, workers_build_the_formatters_lines)
{
    dyad_dict *d = NULL;
    dyad_formatter *f = NULL;
    dyad_error err = {0};
    cr_assert_eq(dyad_dict_load("tests/fixtures/cli/mini.project", &d, &err), DYAD_OK);
    cr_assert_eq(dyad_formatter_new(DYAD_FORMAT_GDELT, &f, &err), DYAD_OK);
    cr_assert_eq(dyad_formatter_set(f, DYAD_FORMAT_QUAD_PHOENIX, 1, &err), DYAD_OK);
    static seen one, many;
    run_with(d, 1, 0, &one, DYAD_OK, f);
    run_with(d, 3, 0, &many, DYAD_OK, f);
    cr_assert_gt(one.events, 0);
    cr_assert_str_eq(many.order, one.order);
    dyad_formatter_free(f);
    dyad_dict_free(d);
}
