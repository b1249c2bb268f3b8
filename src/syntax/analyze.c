/* analyze.c — the syntax layer's driver and public API: a text (or a list
 * of words) through the tokenizer, tagger, lemmatiser and parser. */
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/error.h"
#include "syntax/analyze.h"
#include "syntax/model.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"

struct dyad_parser {
    const dy_model *m;
    dy_arena arena;                 /* the result of one call; reset per call */
    dy_arena scratch;               /* within one sentence; reset per sentence */
    dy_pstate state;
    dy_atoms atoms[DY_SYN_MAX_WORDS + 4];
    uint8_t cls[DY_SYN_MAX_WORDS], xpos[DY_SYN_MAX_WORDS], upos[DY_SYN_MAX_WORDS];
};

dyad_status dyad_parser_new(const dyad_model *model, dyad_parser **out, dyad_error *err)
{
    *out = NULL;
    if (!model)
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dyad_parser_new: no model");
    dyad_parser *p = malloc(sizeof *p);
    if (!p)
        return dy_error_set(err, DYAD_ERR_NOMEM, "", 0, "out of memory");
    p->m = (const dy_model *)model;
    dy_arena_init(&p->arena, 64 * 1024);
    dy_arena_init(&p->scratch, 16 * 1024);
    *out = p;
    return DYAD_OK;
}

void dyad_parser_free(dyad_parser *p)
{
    if (!p)
        return;
    dy_arena_free(&p->arena);
    dy_arena_free(&p->scratch);
    free(p);
}

const dy_model *dy_parser_get_model(const dyad_parser *p)
{
    return p->m;
}

dyad_status dy_parse_sentence_words(dyad_parser *p, const char *text, const dy_syn_in *in,
                                    int n, dyad_word *out, dyad_error *err)
{
    const dy_model *m = p->m;
    if (n <= 0)
        return DYAD_OK;
    if (n > DY_SYN_MAX_WORDS)
        return dy_error_set(err, DYAD_ERR_LIMIT, "", 0, "a sentence of %d words (the limit is %d)",
                            n, DY_SYN_MAX_WORDS);
    /* words and their atoms: two pads either side for the tagger */
    dy_atoms *a = p->atoms;
    dy_atoms_pad(&a[0], 0);
    dy_atoms_pad(&a[1], 0);
    for (int i = 0; i < n; i++) {
        dy_atoms_make(&a[i + 2], text + in[i].start, in[i].end - in[i].start, i == 0);
        dy_atoms_lexicon(&a[i + 2], &m->lexicon);
    }
    dy_atoms_pad(&a[n + 2], 1);
    dy_atoms_pad(&a[n + 3], 1);
    dy_tag_sentence(&m->tagger, a, n, p->cls);
    for (int i = 0; i < n; i++) {
        p->xpos[i] = m->cls_xpos[p->cls[i]];
        p->upos[i] = m->cls_upos[p->cls[i]];
    }
    dy_pwords pw = {n, a + 2, p->xpos, p->upos};
    dy_parser_model pm = {&m->parser, &m->labeller, m->n_labels, m->root_label};
    dy_parse_sentence(&pm, &pw, &p->state);
    for (int i = 0; i < n; i++) {
        dyad_word *w = &out[i];
        size_t flen = in[i].end - in[i].start;
        char *form = dy_arena_strndup(&p->arena, text + in[i].start, flen);
        size_t llen = 0;
        const char *lemma = dy_lemma_apply(&m->lemma, &p->scratch, text + in[i].start, flen,
                                           p->upos[i], p->xpos[i], &llen);
        char *lcopy = lemma ? dy_arena_strndup(&p->arena, lemma, llen) : NULL;
        if (!form || !lcopy)
            return dy_error_set(err, DYAD_ERR_NOMEM, "", 0, "out of memory");
        int h = p->state.head[i];
        w->form = form;
        w->lemma = lcopy;
        w->upos = dy_upos_name(p->upos[i]);
        w->xpos = m->xpos[p->xpos[i]];
        w->deprel = m->label[p->state.label[i]];
        w->head = h == n ? 0 : h + 1;
        w->span.start = in[i].start;
        w->span.end = in[i].end;
        w->space_after = in[i].space_after;
        w->mwt = in[i].mwt;
    }
    dy_arena_reset(&p->scratch);
    return DYAD_OK;
}

dyad_status dyad_parse_text(dyad_parser *p, const char *text, size_t len, int one_sentence,
                            dyad_parse_result *out, dyad_error *err)
{
    out->sentences = NULL;
    out->n_sentences = 0;
    if (!p || (!text && len))
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dyad_parse_text: NULL argument");
    dy_arena_reset(&p->arena);
    dy_utoken *tok;
    size_t nt;
    dyad_status st = dy_ud_tokenize(&p->arena, text, len, one_sentence, &tok, &nt, err);
    if (st != DYAD_OK)
        return st;
    size_t ns = 0;
    for (size_t i = 0; i < nt; i++)
        ns += tok[i].sent_start || i == 0;
    dyad_parsed *sent = dy_arena_alloc(&p->arena, (ns ? ns : 1) * sizeof *sent);
    dyad_word *words = dy_arena_alloc(&p->arena, (nt ? nt : 1) * sizeof *words);
    dy_syn_in *in = dy_arena_alloc(&p->arena, (nt ? nt : 1) * sizeof *in);
    if (!sent || !words || !in)
        return dy_error_set(err, DYAD_ERR_NOMEM, "", 0, "out of memory");
    size_t k = 0;
    for (size_t i = 0; i < nt;) {
        size_t j = i + 1;
        while (j < nt && !tok[j].sent_start)
            j++;
        for (size_t w = i; w < j; w++) {
            in[w].start = tok[w].start;
            in[w].end = tok[w].end;
            in[w].space_after = tok[w].space_after;
            in[w].mwt = tok[w].mwt;
        }
        st = dy_parse_sentence_words(p, text, in + i, (int)(j - i), words + i, err);
        if (st != DYAD_OK)
            return st;
        sent[k].words = words + i;
        sent[k].n_words = j - i;
        sent[k].span.start = tok[i].start;
        sent[k].span.end = tok[j - 1].end;
        k++;
        i = j;
    }
    out->sentences = sent;
    out->n_sentences = k;
    return DYAD_OK;
}

dyad_status dyad_parse_words(dyad_parser *p, const char *const *words, const size_t *lens,
                             size_t n, dyad_parse_result *out, dyad_error *err)
{
    out->sentences = NULL;
    out->n_sentences = 0;
    if (!p || (n && (!words || !lens)))
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dyad_parse_words: NULL argument");
    if (n > DY_SYN_MAX_WORDS)
        return dy_error_set(err, DYAD_ERR_LIMIT, "", 0, "a sentence of %zu words (the limit is %d)",
                            n, DY_SYN_MAX_WORDS);
    dy_arena_reset(&p->arena);
    /* the words joined by blanks: the text the spans refer to */
    size_t total = 1;
    for (size_t i = 0; i < n; i++)
        total += lens[i] + 1;
    char *text = dy_arena_alloc(&p->arena, total);
    dy_syn_in *in = dy_arena_alloc(&p->arena, (n ? n : 1) * sizeof *in);
    dyad_word *w = dy_arena_alloc(&p->arena, (n ? n : 1) * sizeof *w);
    dyad_parsed *sent = dy_arena_alloc(&p->arena, sizeof *sent);
    if (!text || !in || !w || !sent)
        return dy_error_set(err, DYAD_ERR_NOMEM, "", 0, "out of memory");
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        memcpy(text + at, words[i], lens[i]);
        in[i].start = at;
        in[i].end = at + lens[i];
        in[i].space_after = 1;
        in[i].mwt = 0;
        at += lens[i];
        text[at++] = ' ';
    }
    text[at] = '\0';
    dyad_status st = dy_parse_sentence_words(p, text, in, (int)n, w, err);
    if (st != DYAD_OK)
        return st;
    sent->words = w;
    sent->n_words = n;
    sent->span.start = 0;
    sent->span.end = n ? in[n - 1].end : 0;
    out->sentences = sent;
    out->n_sentences = n ? 1 : 0;
    return DYAD_OK;
}
