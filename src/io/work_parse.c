/* work_parse.c — a story through the parser into CoNLL-U text: raw text is
 * split and parsed; a CoNLL-U sentence keeps its words, comments and
 * multiword tokens and gets every other column predicted. */
#include "io/work_parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/strbuf.h"
#include "io/read_conllu.h"
#include "io/write_conllu.h"

typedef struct parse_state {
    const dy_parse_ctx *ctx;
    dyad_parser *parser;
    dy_strbuf out, text;
    dy_parse_out res;
    dy_conllu_out_word words[DYAD_MAX_SENTENCE_WORDS];
} parse_state;

static dyad_status parse_open(void *ctx, void **state, dyad_error *err)
{
    const dy_parse_ctx *c = ctx;
    parse_state *s = calloc(1, sizeof *s);
    if (!s) return dy_error_set(err, DYAD_ERR_NOMEM, "parse", 0, "out of memory");
    s->ctx = c;
    dy_strbuf_init(&s->out);
    dy_strbuf_init(&s->text);
    dyad_status st = dyad_parser_new(c->model, &s->parser, err);
    if (st != DYAD_OK) {
        free(s);
        return st;
    }
    *state = s;
    return DYAD_OK;
}

static void parse_close(void *state)
{
    parse_state *s = state;
    if (!s) return;
    dyad_parser_free(s->parser);
    dy_strbuf_free(&s->out);
    dy_strbuf_free(&s->text);
    free(s);
}

static void fill_word(dy_conllu_out_word *o, const dyad_word *w, const char *text)
{
    memset(o, 0, sizeof *o);
    o->form = w->form;
    o->form_len = strlen(w->form);
    o->lemma = w->lemma;
    o->lemma_len = strlen(w->lemma);
    o->upos = w->upos;
    o->xpos = w->xpos;
    o->head = w->head;
    o->deprel = w->deprel;
    o->space_after = w->space_after;
    o->mwt = w->mwt;
    if (w->mwt > 1 && text) {
        /* the token as written: from this word to the last of its words */
        o->mwt_form = text + w->span.start;
        o->mwt_form_len = w[w->mwt - 1].span.end - w->span.start;
    }
}

/* A story of raw text: its sentences, "# newdoc id" before the first. */
static dyad_status parse_text(parse_state *s, const dyad_story *story, dyad_error *err)
{
    dyad_parse_result r;
    dyad_status st = dyad_parse_text(s->parser, story->text, story->text_len,
                                     story->one_sentence, &r, err);
    if (st != DYAD_OK) {
        if (err && !err->where[0]) snprintf(err->where, sizeof err->where, "%s", story->id);
        return st;
    }
    char date[32];
    const char *dc = NULL;
    if (story->date > 0) {
        snprintf(date, sizeof date, " date = %04d-%02d-%02d", story->date / 10000,
                 story->date / 100 % 100, story->date % 100);
        dc = date;
    }
    for (size_t k = 0; k < r.n_sentences; k++) {
        const dyad_parsed *p = &r.sentences[k];
        for (size_t i = 0; i < p->n_words; i++)
            fill_word(&s->words[i], &p->words[i], story->text);
        /* "# text" on one line: white space runs become one blank */
        dy_strbuf_clear(&s->text);
        int blank = 0;
        for (size_t i = p->span.start; i < p->span.end; i++) {
            unsigned char c = (unsigned char)story->text[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
                blank = 1;
                continue;
            }
            if (blank && s->text.len) dy_strbuf_addc(&s->text, ' ');
            blank = 0;
            dy_strbuf_addc(&s->text, (char)c);
        }
        char sid[320];
        snprintf(sid, sizeof sid, "%s-%zu", story->id, k + 1);
        dy_conllu_out_sent o = {0};
        o.newdoc = k == 0 ? story->id : NULL;
        o.sent_id = sid;
        o.text = s->text.s ? s->text.s : "";
        o.text_len = s->text.len;
        o.comments = k == 0 && dc ? &dc : NULL;
        o.n_comments = k == 0 && dc ? 1 : 0;
        o.words = s->words;
        o.n_words = p->n_words;
        st = dy_conllu_write(&s->out, &o, err);
        if (st != DYAD_OK) return st;
        s->res.sentences++;
        s->res.words += p->n_words;
    }
    return DYAD_OK;
}

/* A CoNLL-U sentence (the reader's block of lines): its words parsed, its
 * comments and multiword tokens kept; errors name the input's lines. */
static dyad_status parse_conllu(parse_state *s, const dyad_story *story, long line,
                                dyad_error *err)
{
    FILE *f = fmemopen((void *)story->text, story->text_len, "r");
    if (!f) return dy_error_set(err, DYAD_ERR_NOMEM, s->ctx->name, line, "out of memory");
    dy_conllu_reader cr;
    dy_conllu_init(&cr, f, s->ctx->name);
    dy_conllu_sent cs;
    int got = 0;
    dyad_status st = dy_conllu_next(&cr, &cs, &got, err);
    if (st != DYAD_OK || !got) {
        if (st == DYAD_OK)
            st = dy_error_set(err, DYAD_ERR_PARSE, s->ctx->name, line,
                              "no word line in the sentence; sentence skipped");
        else if (err && err->line > 0)
            err->line += line - 1;   /* the block's lines are the input's */
        goto done;
    }
    dyad_parse_result r;
    st = dyad_parse_words(s->parser, cs.forms, cs.form_lens, cs.n_words, &r, err);
    if (st != DYAD_OK) {
        if (err) {
            snprintf(err->where, sizeof err->where, "%s", s->ctx->name);
            err->line = line;
        }
        goto done;
    }
    const dyad_word *w = r.sentences[0].words;
    for (size_t i = 0; i < cs.n_words; i++) {
        fill_word(&s->words[i], &w[i], NULL);
        s->words[i].mwt = 0;   /* the input's own range lines are kept instead */
        s->words[i].space_after = !(cs.misc[i] && strstr(cs.misc[i], "SpaceAfter=No"));
    }
    dy_conllu_out_sent o = {0};
    o.comments = cs.comments;
    o.n_comments = cs.n_comments;
    o.words = s->words;
    o.n_words = cs.n_words;
    o.extras = cs.extras;
    o.n_extras = cs.n_extras;
    st = dy_conllu_write(&s->out, &o, err);
    if (st == DYAD_OK) {
        s->res.sentences = 1;
        s->res.words = cs.n_words;
    }
done:
    dy_conllu_free(&cr);
    fclose(f);
    return st;
}

static dyad_status parse_run(void *state, const dyad_story *story, long line, dy_arena *keep,
                             const void **out, dyad_error *err)
{
    parse_state *s = state;
    dy_strbuf_clear(&s->out);
    memset(&s->res, 0, sizeof s->res);
    dyad_status st = s->ctx->conllu ? parse_conllu(s, story, line, err) : parse_text(s, story, err);
    if (st != DYAD_OK) return st;
    if (s->out.failed) return dy_error_set(err, DYAD_ERR_NOMEM, story->id, 0, "out of memory");
    s->res.text = s->out.s ? s->out.s : "";
    s->res.len = s->out.len;
    if (!keep) {
        *out = &s->res;
        return DYAD_OK;
    }
    dy_parse_out *copy = dy_arena_alloc(keep, sizeof *copy);
    char *text = copy ? dy_arena_alloc(keep, s->res.len + 1) : NULL;
    if (!text) return dy_error_set(err, DYAD_ERR_NOMEM, story->id, 0, "out of memory");
    memcpy(text, s->res.text, s->res.len);
    text[s->res.len] = '\0';
    *copy = s->res;
    copy->text = text;
    *out = copy;
    return DYAD_OK;
}

dy_work dy_work_parse(dy_parse_ctx *ctx)
{
    dy_work w = {ctx, parse_open, parse_close, parse_run, 0, NULL};
    return w;
}
