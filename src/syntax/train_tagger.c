/* train_tagger.c — learns the tagger's weights: greedy decoding of each
 * training sentence, a perceptron update wherever the guess is wrong. */
#include "syntax/train.h"

#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "syntax/tagger.h"

int dy_tagset_build(dy_tagset *ts, const dy_udbank *b, int min_count)
{
    static const int none = -1;
    long count[DY_UPOS_COUNT][256];
    memset(count, 0, sizeof count);
    memset(ts, 0, sizeof *ts);
    for (size_t i = 0; i < b->w.n; i++) {
        const dy_udword *w = &b->w.v[i];
        if (w->upos < DY_UPOS_COUNT && w->xpos != DY_UD_NONE)
            count[w->upos][w->xpos]++;
    }
    /* classes in (upos, xpos) order, so the numbering is stable */
    int cls[DY_UPOS_COUNT][256];
    for (int u = 0; u < DY_UPOS_COUNT; u++)
        for (int x = 0; x < 256; x++) {
            cls[u][x] = none;
            if (count[u][x] >= min_count) {
                if (ts->n == 255)
                    return -1;
                ts->upos[ts->n] = (uint8_t)u;
                ts->xpos[ts->n] = (uint8_t)x;
                cls[u][x] = ts->n++;
            }
        }
    if (ts->n == 0)
        return -1;
    for (int u = 0; u < DY_UPOS_COUNT; u++)
        for (int x = 0; x < 256; x++) {
            int c = cls[u][x];
            if (c == none) {  /* the commonest kept class with this XPOS */
                long best = -1;
                c = 0;
                for (int v = 0; v < DY_UPOS_COUNT; v++)
                    if (cls[v][x] != none && count[v][x] > best) {
                        best = count[v][x];
                        c = cls[v][x];
                    }
            }
            ts->of_pair[u][x] = (uint8_t)c;
        }
    return 0;
}

int dy_tagset_class(const dy_tagset *ts, int upos, int xpos)
{
    if (upos < 0 || upos >= DY_UPOS_COUNT || xpos < 0 || xpos > 255)
        return 0;
    return ts->of_pair[upos][xpos];
}

void dy_shuffle(size_t *idx, size_t n, uint64_t *seed)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(dy_rand_next(seed) % i);
        size_t t = idx[i - 1];
        idx[i - 1] = idx[j];
        idx[j] = t;
    }
}

/* Atoms of sentence s: two pads, its words, two pads. */
static void sent_atoms(const dy_udbank *b, const dy_udsent *s, const dy_lexicon *lx,
                       dy_atoms *a)
{
    dy_atoms_pad(&a[0], 0);
    dy_atoms_pad(&a[1], 0);
    for (uint32_t i = 0; i < s->n; i++) {
        const dy_udword *w = &b->w.v[s->first + i];
        dy_atoms_make(&a[i + 2], dy_udbank_str(b, w->form), w->form_len, i == 0);
        if (lx)
            dy_atoms_lexicon(&a[i + 2], lx);
    }
    dy_atoms_pad(&a[s->n + 2], 1);
    dy_atoms_pad(&a[s->n + 3], 1);
}

dyad_status dy_train_tagger(dy_ap *m, const dy_udbank *b, const size_t *sent, size_t n,
                            const dy_tagset *ts, const dy_lexicon *lx, const uint8_t *finite,
                            int epochs, uint64_t seed, dyad_error *err)
{
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    dy_atoms *atoms = malloc((DY_SYN_MAX_WORDS + 4) * sizeof *atoms);
    uint8_t *guess = malloc(DY_SYN_MAX_WORDS);
    dyad_status st = DYAD_OK;
    if (!order || !atoms || !guess) {
        st = dy_error_set(err, DYAD_ERR_NOMEM, "training", 0, "out of memory");
        goto done;
    }
    if (n)
        memcpy(order, sent, n * sizeof *order);
    uint64_t rng = seed ? seed : 1;
    uint64_t keys[DY_TAG_FEATS];
    int32_t scores[256];
    for (int e = 0; e < epochs; e++) {
        dy_shuffle(order, n, &rng);
        for (size_t k = 0; k < n; k++) {
            const dy_udsent *s = &b->s.v[order[k]];
            sent_atoms(b, s, lx, atoms);
            int seen = 0;
            for (uint32_t i = 0; i < s->n; i++) {
                const dy_udword *w = &b->w.v[s->first + i];
                int gold = dy_tagset_class(ts, w->upos, w->xpos);
                int nf = dy_tag_features(atoms, (int)s->n, (int)i, guess, seen, keys);
                memset(scores, 0, (size_t)ts->n * sizeof *scores);
                dy_ap_score(m, keys, nf, scores);
                int best = 0;
                for (int c = 1; c < ts->n; c++)
                    if (scores[c] > scores[best])
                        best = c;
                m->clock++;
                if (best != gold && dy_ap_update(m, keys, nf, gold, best)) {
                    st = dy_error_set(err, DYAD_ERR_NOMEM, "training", 0, "out of memory");
                    goto done;
                }
                /* the next word sees the tag decoding would give it */
                guess[i] = (uint8_t)best;
                seen |= finite[best];
            }
        }
    }
done:
    free(order);
    free(atoms);
    free(guess);
    return st;
}

void dy_tag_udsent(const dy_tagger *t, const dy_lexicon *lx, const dy_udbank *b,
                   const dy_udsent *s, uint8_t *cls)
{
    dy_atoms atoms[DY_SYN_MAX_WORDS + 4];
    sent_atoms(b, s, lx, atoms);
    dy_tag_sentence(t, atoms, (int)s->n, cls);
}

typedef struct norm_cls {
    uint64_t norm;
    uint8_t cls;
} norm_cls;

static int cmp_norm_cls(const void *a, const void *b)
{
    const norm_cls *x = a, *y = b;
    if (x->norm != y->norm)
        return x->norm < y->norm ? -1 : 1;
    return (x->cls > y->cls) - (x->cls < y->cls);
}

dyad_status dy_train_lexicon(const dy_udbank *b, const size_t *sent, size_t n,
                             const dy_tagset *ts, int min_count, double min_share,
                             unsigned char **blob, size_t *len, dyad_error *err)
{
    size_t total = 0;
    for (size_t k = 0; k < n; k++)
        total += b->s.v[sent[k]].n;
    norm_cls *v = malloc((total ? total : 1) * sizeof *v);
    uint64_t *norms = malloc((total ? total : 1) * sizeof *norms);
    uint64_t *sets = malloc((total ? total : 1) * sizeof *sets);
    dyad_status st = DYAD_OK;
    if (!v || !norms || !sets) {
        st = dy_error_set(err, DYAD_ERR_NOMEM, "training", 0, "out of memory");
        goto done;
    }
    size_t m = 0;
    for (size_t k = 0; k < n; k++) {
        const dy_udsent *s = &b->s.v[sent[k]];
        for (uint32_t i = 0; i < s->n; i++) {
            const dy_udword *w = &b->w.v[s->first + i];
            dy_atoms a;
            dy_atoms_make(&a, dy_udbank_str(b, w->form), w->form_len, i == 0);
            v[m].norm = a.norm;
            v[m++].cls = (uint8_t)dy_tagset_class(ts, w->upos, w->xpos);
        }
    }
    if (m)
        qsort(v, m, sizeof *v, cmp_norm_cls);
    size_t nw = 0;
    for (size_t i = 0; i < m;) {
        size_t j = i;
        while (j < m && v[j].norm == v[i].norm)
            j++;
        if ((long)(j - i) >= min_count) {
            /* the set as a hash of its sorted classes */
            uint64_t set = 0x12345;
            for (size_t a = i; a < j;) {
                size_t c = a;
                while (c < j && v[c].cls == v[a].cls)
                    c++;
                if ((double)(c - a) >= min_share * (double)(j - i))
                    set = (set ^ v[a].cls) * 0x100000001b3ULL;
                a = c;
            }
            norms[nw] = v[i].norm;
            sets[nw++] = set;
        }
        i = j;
    }
    if (dy_lexicon_build(norms, sets, nw, blob, len))
        st = dy_error_set(err, DYAD_ERR_NOMEM, "training", 0, "out of memory");
done:
    free(v);
    free(norms);
    free(sets);
    return st;
}
