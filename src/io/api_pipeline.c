/* api_pipeline.c — the public face of the pipeline (dyad_io.h): coding or
 * parsing on N threads with results in input order, over dy_pipeline; the
 * sink sees public types, and asks the pipeline about the item in hand. */
#include <stdlib.h>

#include "base/error.h"
#include "dyad_io.h"
#include "io/pipeline.h"
#include "io/reader.h"
#include "io/work_parse.h"
#include "io/writer.h"

struct dyad_pipeline {
    dy_pipeline *p;
    int parse;               /* a parse pipeline: results are dy_parse_out */
    dy_parse_ctx pctx;
    dyad_sink sink;          /* the run's, and its ctx */
    void *ctx;
    void (*on_idle)(void *ctx);
    const void *cur;         /* the result being handed out, during a sink call */
};

static dyad_status new_shell(dyad_pipeline **out, dyad_error *err)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return dy_error_set(err, DYAD_ERR_NOMEM, "pipeline", 0, "out of memory");
    return DYAD_OK;
}

dyad_status dyad_pipeline_new(const dyad_dict *dict, const dyad_model *model, int threads,
                              const dyad_formatter *lines_like, dyad_pipeline **out,
                              dyad_error *err)
{
    dy_out_format fmt = DY_OUT_NONE;
    dy_out_options opt = {0};
    if (lines_like)
        dy_formatter_get(lines_like, &fmt, &opt);
    dyad_status st = new_shell(out, err);
    if (st == DYAD_OK && (st = dy_pipeline_new(dict, model, threads, fmt, &opt, &(*out)->p,
                                               err)) != DYAD_OK) {
        free(*out);
        *out = NULL;
    }
    return st;
}

dyad_status dyad_pipeline_new_parse(const dyad_model *model, int threads, int conllu,
                                    dyad_pipeline **out, dyad_error *err)
{
    dyad_status st = new_shell(out, err);
    if (st != DYAD_OK)
        return st;
    dyad_pipeline *p = *out;
    p->parse = 1;
    p->pctx.model = model;
    p->pctx.conllu = conllu != 0;
    p->pctx.name = "input";
    dy_work w = dy_work_parse(&p->pctx);
    if ((st = dy_pipeline_new_work(&w, threads, &p->p, err)) != DYAD_OK) {
        free(p);
        *out = NULL;
    }
    return st;
}

void dyad_pipeline_free(dyad_pipeline *p)
{
    if (!p)
        return;
    dy_pipeline_free(p->p);
    free(p);
}

static void idle(void *ctx)
{
    dyad_pipeline *p = ctx;
    if (p->on_idle)
        p->on_idle(p->ctx);
}

void dyad_pipeline_on_idle(dyad_pipeline *p, void (*on_idle)(void *ctx))
{
    p->on_idle = on_idle;
    dy_pipeline_on_idle(p->p, on_idle ? idle : NULL);
}

/* Each item on its way to the caller's sink: the result kept for the
 * accessors, the coded result unwrapped. */
static int hand_out(void *ctx, const dyad_story *story, const void *result, dyad_status st,
                    const dyad_error *err)
{
    dyad_pipeline *p = ctx;
    const dyad_result *res = result && !p->parse ? &((const dy_coded *)result)->res : NULL;
    p->cur = result;
    int stop = p->sink(p->ctx, st, story, res, err);
    p->cur = NULL;
    return stop;
}

dyad_status dyad_pipeline_run(dyad_pipeline *p, dyad_reader *rd, dyad_sink sink, void *ctx,
                              dyad_error *err)
{
    if (!p || !rd || !sink)
        return dy_error_set(err, DYAD_ERR_ARG, "pipeline", 0, "missing argument");
    p->sink = sink;
    p->ctx = ctx;
    if (p->parse)
        p->pctx.name = dyad_reader_name(rd);
    dyad_status st = dy_pipeline_run(p->p, dy_reader_of(rd), hand_out, p, err);
    p->sink = NULL;
    p->ctx = NULL;
    return st;
}

const dyad_item *dyad_pipeline_item(const dyad_pipeline *p)
{
    const dy_reader *r = p ? dy_pipeline_reader(p->p) : NULL;
    return (const dyad_item *)(const void *)r;
}

const char *dyad_pipeline_lines(const dyad_pipeline *p, size_t *len, size_t *lines)
{
    const char *text = "";
    size_t n = 0, nl = 0;
    if (p && p->cur && p->parse) {
        const dy_parse_out *o = p->cur;
        text = o->text;
        n = o->len;
    } else if (p && p->cur) {
        const dy_coded *c = p->cur;
        if (c->len) {
            text = c->lines;
            n = c->len;
            nl = (size_t)c->n_lines;
        }
    }
    if (len)
        *len = n;
    if (lines)
        *lines = nl;
    return text;
}

void dyad_pipeline_parsed(const dyad_pipeline *p, size_t *sentences, size_t *words)
{
    const dy_parse_out *o = p && p->cur && p->parse ? p->cur : NULL;
    if (sentences)
        *sentences = o ? o->sentences : 0;
    if (words)
        *words = o ? o->words : 0;
}
