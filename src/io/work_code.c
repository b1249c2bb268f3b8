/* work_code.c — coding as pipeline work: one coder per thread, which also
 * builds the story's event lines when a format is asked for; a result
 * handed across threads is copied out of the coder into the batch's memory. */
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "dict/dict.h"
#include "event/dedup.h"
#include "io/pipeline.h"

static const char *copy_str(dy_arena *a, const char *s)
{
    return s ? dy_arena_strdup(a, s) : NULL;
}

/* The coder's result lives until its next story: copy every string that may
 * point into its memory (enrichment strings are static tables). */
static int copy_result(dy_arena *a, dyad_result *dst, const dyad_result *src)
{
    *dst = *src;
    dyad_event *ev = NULL;
    dyad_sentence *se = NULL;
    if (src->n_events) {
        ev = dy_arena_alloc(a, src->n_events * sizeof *ev);
        if (!ev) return -1;
        memcpy(ev, src->events, src->n_events * sizeof *ev);
        for (size_t i = 0; i < src->n_events; ++i) {
            const dyad_event *s = &src->events[i];
            dyad_event *d = &ev[i];
            d->source = copy_str(a, s->source);
            d->target = copy_str(a, s->target);
            d->code = copy_str(a, s->code);
            d->attribution = copy_str(a, s->attribution);
            d->issues = copy_str(a, s->issues);
            if ((s->source && !d->source) || (s->target && !d->target) ||
                (s->code && !d->code) || (s->attribution && !d->attribution) ||
                (s->issues && !d->issues))
                return -1;
        }
    }
    if (src->n_sentences) {
        se = dy_arena_alloc(a, src->n_sentences * sizeof *se);
        if (!se) return -1;
        memcpy(se, src->sentences, src->n_sentences * sizeof *se);
        for (size_t i = 0; i < src->n_sentences; ++i) {
            se[i].reason = copy_str(a, src->sentences[i].reason);
            if (src->sentences[i].reason && !se[i].reason) return -1;
        }
    }
    dst->events = ev;
    dst->sentences = se;
    return 0;
}

typedef struct code_ctx {
    const dyad_dict *dict;
    const dyad_model *model;    /* syntax mode; NULL: shallow */
    dy_out_format fmt;          /* DY_OUT_NONE: no lines built */
    dy_out_options opt;
} code_ctx;

typedef struct code_state {
    const code_ctx *cc;
    dyad_coder *coder;
    dy_coded out;        /* the result handed out when nothing is copied */
    dy_story_dedup dd;   /* scratch of dy_format_story */
    dy_strbuf lines;
} code_state;

static dyad_status code_open(void *ctx, void **state, dyad_error *err)
{
    const code_ctx *cc = ctx;
    code_state *s = calloc(1, sizeof *s);
    if (!s) return dy_error_set(err, DYAD_ERR_NOMEM, "pipeline", 0, "out of memory");
    dyad_status st = dyad_coder_new(cc->dict, &s->coder, err);
    if (st == DYAD_OK && cc->model) st = dyad_coder_set_model(s->coder, cc->model, err);
    if (st != DYAD_OK) {
        dyad_coder_free(s->coder);
        free(s);
        return st;
    }
    s->cc = cc;
    dy_story_dedup_init(&s->dd);
    dy_strbuf_init(&s->lines);
    *state = s;
    return DYAD_OK;
}

static void code_close(void *state)
{
    code_state *s = state;
    if (!s) return;
    dyad_coder_free(s->coder);
    dy_story_dedup_free(&s->dd);
    dy_strbuf_free(&s->lines);
    free(s);
}

static dyad_status code_run(void *state, const dyad_story *story, long line, dy_arena *keep,
                            const void **out, dyad_error *err)
{
    (void)line;   /* the coder's errors name the story */
    code_state *s = state;
    dyad_status st = dyad_code(s->coder, story, &s->out.res, err);
    if (st != DYAD_OK) return st;
    s->out.lines = NULL;
    s->out.len = 0;
    s->out.n_lines = 0;
    if (s->cc->fmt != DY_OUT_NONE && s->out.res.n_events) {
        dy_strbuf_clear(&s->lines);
        if (dy_format_story(&s->lines, s->cc->fmt, &s->cc->opt, &s->dd, story, &s->out.res,
                            &s->out.n_lines) != DYAD_OK)
            return dy_error_set(err, DYAD_ERR_NOMEM, story->id, 0, "out of memory");
        s->out.lines = s->lines.s;
        s->out.len = s->lines.len;
    }
    if (!keep) {
        *out = &s->out;
        return DYAD_OK;
    }
    dy_coded *copy = dy_arena_alloc(keep, sizeof *copy);
    if (!copy || copy_result(keep, &copy->res, &s->out.res) != 0)
        return dy_error_set(err, DYAD_ERR_NOMEM, story->id, 0, "out of memory");
    copy->lines = NULL;
    copy->len = s->out.len;
    copy->n_lines = s->out.n_lines;
    if (s->out.len) {
        char *text = dy_arena_alloc(keep, s->out.len);
        if (!text)
            return dy_error_set(err, DYAD_ERR_NOMEM, story->id, 0, "out of memory");
        memcpy(text, s->out.lines, s->out.len);
        copy->lines = text;
    }
    *out = copy;
    return DYAD_OK;
}

dyad_status dy_pipeline_new(const dyad_dict *dict, const dyad_model *model, int threads,
                            dy_out_format fmt, const dy_out_options *opt, dy_pipeline **out,
                            dyad_error *err)
{
    *out = NULL;
    if (!dict) return dy_error_set(err, DYAD_ERR_ARG, "pipeline", 0, "no dictionary");
    code_ctx *cc = malloc(sizeof *cc);
    if (!cc) return dy_error_set(err, DYAD_ERR_NOMEM, "pipeline", 0, "out of memory");
    cc->dict = dict;
    cc->model = model;
    cc->fmt = opt ? fmt : DY_OUT_NONE;
    if (opt)
        cc->opt = *opt;
    dy_work w = {cc, code_open, code_close, code_run, dict->options.forward != 0, free};
    return dy_pipeline_new_work(&w, threads, out, err);
}
