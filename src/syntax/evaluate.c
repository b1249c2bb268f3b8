/* evaluate.c — scores a model against gold words: every word counts,
 * punctuation too; LAS compares the universal part of the relation (before
 * ':'), as the CoNLL 2018 scorer does, and las_full the whole label. */
#include "syntax/evaluate.h"

#include <string.h>

#include "base/error.h"
#include "syntax/syntax.h"

static int same_universal(const char *a, const char *b)
{
    size_t la = strcspn(a, ":"), lb = strcspn(b, ":");
    return la == lb && memcmp(a, b, la) == 0;
}

dyad_status dy_evaluate(dyad_parser *p, const dy_udbank *b, const dy_names *xpos,
                        const dy_names *deprel, dy_scores *out, dyad_error *err)
{
    memset(out, 0, sizeof *out);
    const char *forms[DYAD_MAX_SENTENCE_WORDS];
    size_t lens[DYAD_MAX_SENTENCE_WORDS];
    for (size_t s = 0; s < b->s.n; s++) {
        const dy_udsent *us = &b->s.v[s];
        for (uint32_t i = 0; i < us->n; i++) {
            forms[i] = dy_udbank_str(b, b->w.v[us->first + i].form);
            lens[i] = b->w.v[us->first + i].form_len;
        }
        dyad_parse_result r;
        dyad_status st = dyad_parse_words(p, forms, lens, us->n, &r, err);
        if (st != DYAD_OK)
            return st;
        const dyad_word *w = r.sentences[0].words;
        for (uint32_t i = 0; i < us->n; i++) {
            const dy_udword *g = &b->w.v[us->first + i];
            const char *gx = g->xpos == DY_UD_NONE ? "" : xpos->name[g->xpos];
            const char *gd = g->deprel == DY_UD_NONE ? "" : deprel->name[g->deprel];
            out->words++;
            out->upos += strcmp(w[i].upos, dy_upos_name(g->upos)) == 0;
            out->xpos += strcmp(w[i].xpos, gx) == 0;
            out->lemma += strlen(w[i].lemma) == g->lemma_len &&
                          memcmp(w[i].lemma, dy_udbank_str(b, g->lemma), g->lemma_len) == 0;
            if (w[i].head == g->head) {
                out->uas++;
                out->las += same_universal(w[i].deprel, gd);
                out->las_full += strcmp(w[i].deprel, gd) == 0;
            }
        }
    }
    return DYAD_OK;
}
