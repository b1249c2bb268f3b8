/* test_pipeline.c — the parallel coding pipeline: results come back in input
 * order whatever the thread count, and a sink that says stop ends the run. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/pipeline.h"

typedef struct seen {
    long n, events, parse_errors, stop_at;
    char order[64 * 1024];
    size_t len;
} seen;

static int sink(void *ctx, const dyad_story *st, const void *result, dyad_status s,
                const dyad_error *err)
{
    seen *v = ctx;
    const dyad_result *res = result ? &((const dy_coded *)result)->res : NULL;
    (void)err;
    if (!st) {
        v->parse_errors += s == DYAD_ERR_PARSE;
        return 0;
    }
    cr_assert_eq(s, DYAD_OK);
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

static void run(const dyad_dict *d, int threads, long stop_at, seen *v, dyad_status want)
{
    dy_pipeline *p = NULL;
    dyad_error err = {0};
    cr_assert_eq(dy_pipeline_new(d, NULL, threads, DY_OUT_NONE, NULL, &p, &err), DYAD_OK);
    FILE *f = stories();
    dy_reader rd;
    dy_reader_init(&rd, f, "many.jsonl", DY_IN_JSONL, 0);
    memset(v, 0, sizeof *v);
    v->stop_at = stop_at;
    cr_assert_eq(dy_pipeline_run(p, &rd, sink, v, &err), want);
    cr_assert_null(dy_pipeline_reader(p));
    dy_reader_free(&rd);
    fclose(f);
    dy_pipeline_free(p);
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
    run(d, 1, 100, &v, DYAD_ERR_ARG);
    cr_assert_eq(v.n, 100);
    run(d, 4, 100, &v, DYAD_ERR_ARG);
    cr_assert_eq(v.n, 100);
    dyad_dict_free(d);
}
