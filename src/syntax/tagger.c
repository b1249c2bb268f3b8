/* tagger.c — features and greedy decoding of the part-of-speech tagger: the
 * word, its affixes and shape, two words either side, the two tags before. */
#include "syntax/tagger.h"

#include <string.h>

#include "syntax/hash.h"

int dy_tag_features(const dy_atoms *atoms, int n, int i, const uint8_t *prev,
                    const uint8_t *right, uint64_t *out)
{
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
    if (right) {  /* second pass: the first pass's tags of this word and the next two */
        uint64_t r0 = right[i];
        uint64_t r1 = i + 1 < n ? right[i + 1] : DY_TAG_NONE;
        uint64_t r2 = i + 2 < n ? right[i + 2] : DY_TAG_NONE;
        out[k++] = dy_feat1(40, r1);
        out[k++] = dy_feat2(41, r1, r2);
        out[k++] = dy_feat1(42, r0);
        out[k++] = dy_feat2(43, t1, r1);
        out[k++] = dy_feat2(44, w->word, r1);
        out[k++] = dy_feat3(45, t1, r0, r1);
    }
    return k;
}

void dy_tag_sentence(const dy_wtab *w, const dy_atoms *atoms, int n, const uint8_t *right,
                     uint8_t *cls)
{
    uint64_t keys[DY_TAG_FEATS];
    int32_t scores[256];
    for (int i = 0; i < n; i++) {
        int nf = dy_tag_features(atoms, n, i, cls, right, keys);
        memset(scores, 0, w->n_classes * sizeof *scores);
        dy_wtab_score(w, keys, nf, scores);
        int best = 0;
        for (uint32_t c = 1; c < w->n_classes; c++)
            if (scores[c] > scores[best])
                best = (int)c;
        cls[i] = (uint8_t)best;
    }
}
