/* tagger.c — features and greedy decoding of the part-of-speech tagger: the
 * word, its affixes and shape, two words either side, the two tags before. */
#include "syntax/tagger.h"

#include <string.h>

#include "syntax/hash.h"

void dy_tagger_finite(uint8_t finite[256], const uint8_t *xpos, int n,
                      const char *const *names, int n_names)
{
    static const char *const FINITE[] = {"VBD", "VBZ", "VBP", "MD"};
    memset(finite, 0, 256);
    for (int c = 0; c < n && c < 256; c++)
        for (int k = 0; k < 4; k++)
            if (xpos[c] < n_names && strcmp(names[xpos[c]], FINITE[k]) == 0)
                finite[c] = 1;
}

int dy_tag_features(const dy_atoms *atoms, int n, int i, const uint8_t *prev,
                    int finite_seen, uint64_t *out)
{
    (void)n;
    const dy_atoms *w = &atoms[i + 2], *m1 = w - 1, *m2 = w - 2, *p1 = w + 1, *p2 = w + 2;
    uint64_t t1 = i >= 1 ? prev[i - 1] : DY_TAG_NONE;
    uint64_t t2 = i >= 2 ? prev[i - 2] : DY_TAG_NONE;
    int k = 0;
    out[k++] = dy_feat1(0, 0);
    out[k++] = dy_feat1(1, w->word);
    out[k++] = dy_feat1(2, w->form);
    for (int s = 0; s < 4; s++)
        out[k++] = dy_feat1(3 + (unsigned)s, w->suf[s]);
    for (int s = 0; s < 3; s++)
        out[k++] = dy_feat1(7 + (unsigned)s, w->pre[s]);
    out[k++] = dy_feat1(10, w->shape);
    out[k++] = dy_feat1(11, w->flags);
    out[k++] = dy_feat1(12, m1->word);
    out[k++] = dy_feat1(13, m2->word);
    out[k++] = dy_feat1(14, p1->word);
    out[k++] = dy_feat1(15, p2->word);
    out[k++] = dy_feat1(16, m1->suf[2]);
    out[k++] = dy_feat1(17, p1->suf[2]);
    out[k++] = dy_feat1(18, t1);
    out[k++] = dy_feat2(19, t1, t2);
    out[k++] = dy_feat2(20, t1, w->word);
    out[k++] = dy_feat2(21, m1->word, w->word);
    out[k++] = dy_feat2(22, w->word, p1->word);
    out[k++] = dy_feat3(23, m1->shape, w->shape, p1->shape);
    out[k++] = dy_feat1(24, p1->shape);
    out[k++] = dy_feat2(25, w->flags, t1);
    out[k++] = dy_feat2(26, t1, p1->word);
    out[k++] = dy_feat1(27, t2);
    out[k++] = dy_feat1(28, w->amb);
    out[k++] = dy_feat1(29, p1->amb);
    out[k++] = dy_feat1(30, p2->amb);
    out[k++] = dy_feat1(31, m1->amb);
    out[k++] = dy_feat2(32, w->amb, p1->amb);
    out[k++] = dy_feat2(33, t1, p1->amb);
    out[k++] = dy_feat2(34, m1->word, p1->word);
    out[k++] = dy_feat1(35, m1->form);
    out[k++] = dy_feat1(36, p1->form);
    out[k++] = dy_feat2(37, t1, w->suf[2]);
    out[k++] = dy_feat1(38, p1->flags);
    out[k++] = dy_feat2(39, w->word, p2->word);
    /* has the clause had its finite verb? */
    uint64_t fs = (uint64_t)finite_seen;
    out[k++] = dy_feat2(46, fs, w->suf[1]);
    out[k++] = dy_feat3(47, fs, w->word, t1);
    return k;
}

void dy_tag_sentence(const dy_tagger *t, const dy_atoms *atoms, int n, uint8_t *cls)
{
    const dy_wtab *w = t->w;
    int seen = 0;
    uint64_t keys[DY_TAG_FEATS];
    int32_t scores[256];
    for (int i = 0; i < n; i++) {
        int nf = dy_tag_features(atoms, n, i, cls, seen, keys);
        memset(scores, 0, w->c_pad * sizeof *scores);
        dy_wtab_score(w, keys, nf, scores);
        int best = 0;
        for (uint32_t c = 1; c < w->n_classes; c++)
            if (scores[c] > scores[best])
                best = (int)c;
        cls[i] = (uint8_t)best;
        seen |= t->finite[best];
    }
}
