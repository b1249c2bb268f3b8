/* parser.c — features of a parse state and greedy decoding: the words on
 * top of the stack and at the front of the buffer, their tags, outermost
 * dependents, labels, distance and valency, alone and in combination. */
#include "syntax/parser.h"

#include <string.h>

#include "syntax/hash.h"

enum { NONE_TAG = 254, ROOT_TAG = 253, NONE_LABEL = 255 };

static const uint64_t NONE_WORD = 0x6e6f6e65ULL, ROOT_WORD = 0x726f6f74ULL;

static uint64_t word_at(const dy_pwords *w, int i)
{
    return i == DY_NO_WORD ? NONE_WORD : i == w->n ? ROOT_WORD : w->atoms[i].word;
}

static uint64_t tag_at(const dy_pwords *w, int i)
{
    return i == DY_NO_WORD ? NONE_TAG : i == w->n ? ROOT_TAG : w->tag[i];
}

static uint64_t label_at(const dy_pstate *s, int i)
{
    return i == DY_NO_WORD ? NONE_LABEL : s->label[i];
}

static uint64_t distance(int a, int b)
{
    if (a == DY_NO_WORD || b == DY_NO_WORD)
        return 0;
    int d = b > a ? b - a : a - b;
    return d <= 5 ? (uint64_t)d : d <= 8 ? 6 : d <= 12 ? 7 : d <= 20 ? 8 : 9;
}

#define KID(arr, i) ((i) == DY_NO_WORD ? DY_NO_WORD : (int)s->arr[i])

int dy_parse_features(const dy_pstate *s, const dy_pwords *w, uint64_t *out)
{
    int s0 = s->sp >= 1 ? s->stack[s->sp - 1] : DY_NO_WORD;
    int s1 = s->sp >= 2 ? s->stack[s->sp - 2] : DY_NO_WORD;
    int s2 = s->sp >= 3 ? s->stack[s->sp - 3] : DY_NO_WORD;
    int b0 = s->b;  /* always a word or the root */
    int b1 = b0 + 1 <= w->n ? b0 + 1 : DY_NO_WORD;
    int b2 = b0 + 2 <= w->n ? b0 + 2 : DY_NO_WORD;
    int s0l1 = KID(l1, s0), s0l2 = KID(l2, s0), s0r1 = KID(r1, s0), s0r2 = KID(r2, s0);
    int s1l1 = KID(l1, s1), s1r1 = KID(r1, s1);
    int b0l1 = KID(l1, b0), b0l2 = KID(l2, b0);

    uint64_t S0w = word_at(w, s0), S0p = tag_at(w, s0), S1w = word_at(w, s1);
    uint64_t S1p = tag_at(w, s1), S2p = tag_at(w, s2), S2w = word_at(w, s2);
    uint64_t B0w = word_at(w, b0), B0p = tag_at(w, b0), B1w = word_at(w, b1);
    uint64_t B1p = tag_at(w, b1), B2w = word_at(w, b2), B2p = tag_at(w, b2);
    uint64_t S0l1p = tag_at(w, s0l1), S0r1p = tag_at(w, s0r1), B0l1p = tag_at(w, b0l1);
    uint64_t S1r1p = tag_at(w, s1r1), S1l1p = tag_at(w, s1l1);
    uint64_t S0l2p = tag_at(w, s0l2), S0r2p = tag_at(w, s0r2), B0l2p = tag_at(w, b0l2);
    uint64_t S0l1l = label_at(s, s0l1), S0r1l = label_at(s, s0r1), B0l1l = label_at(s, b0l1);
    uint64_t S1r1l = label_at(s, s1r1), S1l1l = label_at(s, s1l1);
    uint64_t S0l2l = label_at(s, s0l2), S0r2l = label_at(s, s0r2), B0l2l = label_at(s, b0l2);
    uint64_t dS0B0 = distance(s0, b0), dS1S0 = distance(s1, s0);
    uint64_t S0vl = s0 == DY_NO_WORD ? 99 : s->nl[s0], S0vr = s0 == DY_NO_WORD ? 99 : s->nr[s0];
    uint64_t S1vl = s1 == DY_NO_WORD ? 99 : s->nl[s1], S1vr = s1 == DY_NO_WORD ? 99 : s->nr[s1];
    uint64_t B0vl = s->nl[b0];
    uint64_t S0sl = s0 == DY_NO_WORD ? 1 : s->lset[s0], S0sr = s0 == DY_NO_WORD ? 1 : s->rset[s0];
    uint64_t S1sr = s1 == DY_NO_WORD ? 1 : s->rset[s1], B0sl = s->lset[b0];
    uint64_t S0wp = S0w ^ (S0p << 56), S1wp = S1w ^ (S1p << 56);
    uint64_t B0wp = B0w ^ (B0p << 56), B1wp = B1w ^ (B1p << 56), B2wp = B2w ^ (B2p << 56);

    int k = 0;
#define F1(t, a) (out[k++] = dy_key(t, a, 0, 0))
#define F2(t, a, b) (out[k++] = dy_key(t, a, b, 0))
#define F3(t, a, b, c) (out[k++] = dy_key(t, a, b, c))
    /* the words an arc would join (s0 with b0 or s1) and what s0 holds */
    F1(0, S0wp);
    F1(1, S0w);
    F1(2, S0p);
    F1(3, S1wp);
    F1(4, S1w);
    F1(5, S1p);
    F1(6, B0wp);
    F1(7, B0w);
    F1(8, B0p);
    F2(20, S0wp, B0wp);
    F2(21, S0wp, B0p);
    F2(22, S0p, B0wp);
    F2(23, S0p, B0p);
    F2(24, S0w, B0w);
    F2(28, S1wp, S0wp);
    F2(29, S1wp, S0p);
    F2(30, S1p, S0wp);
    F2(31, S1w, S0w);
    F2(32, S1p, S0p);
    F1(80, word_at(w, s0l1));
    F2(81, S0l1p, S0l1l);
    F1(83, word_at(w, s0r1));
    F2(84, S0r1p, S0r1l);
    F3(65, S0p, B0p, dS0B0);
    F3(66, S1p, S0p, dS1S0);
    F2(101, S0p, S0sr);
    F2(103, S0p, S0sl);
    F3(110, S1p, S0p, S0l1l);
    F3(112, S0p, B0p, B0l1l);
    F3(113, S0p, B0p, S0r1l);
    F2(114, S0w, S0l1l);
    /* the context around them */
    F1(9, B1wp);
    F1(10, B1w);
    F1(11, B1p);
    F1(12, B2wp);
    F1(13, B2p);
    F1(14, S2w);
    F1(15, S2p);
    F2(25, S0wp, B0w);
    F2(26, S0w, B0wp);
    F2(27, B0p, B1p);
    F3(40, B0p, B1p, B2p);
    F3(41, S0p, B0p, B1p);
    F3(42, S1p, S0p, B0p);
    F3(43, S0p, S0l1p, B0p);
    F3(44, S0p, S0r1p, B0p);
    F3(45, S0p, B0p, B0l1p);
    F3(46, S2p, S1p, S0p);
    F3(47, S1p, S1r1p, S0p);
    F3(48, S1p, S0p, S0l1p);
    F3(49, S1p, S0p, S0r1p);
    F3(50, S1p, S1l1p, S0p);
    F2(60, S0w, dS0B0);
    F2(61, S0p, dS0B0);
    F2(62, B0w, dS0B0);
    F2(63, B0p, dS0B0);
    F3(64, S0w, B0w, dS0B0);
    F3(67, S1w, S0w, dS1S0);
    F2(70, S0w, S0vr);
    F2(71, S0p, S0vr);
    F2(72, S0w, S0vl);
    F2(73, S0p, S0vl);
    F2(74, B0w, B0vl);
    F2(75, B0p, B0vl);
    F2(76, S1p, S1vr);
    F2(77, S1p, S1vl);
    F1(86, word_at(w, b0l1));
    F2(87, B0l1p, B0l1l);
    F2(89, S1r1p, S1r1l);
    F2(90, S1l1p, S1l1l);
    F2(91, S0l2p, S0l2l);
    F2(92, S0r2p, S0r2l);
    F2(93, B0l2p, B0l2l);
    F3(94, S0p, S0l1p, S0l2p);
    F3(95, S0p, S0r1p, S0r2p);
    F3(96, B0p, B0l1p, B0l2p);
    F2(100, S0w, S0sr);
    F2(102, S0w, S0sl);
    F2(104, B0w, B0sl);
    F2(105, B0p, B0sl);
    F2(106, S1p, S1sr);
    F3(111, S1p, S0p, S0r1l);
#undef F1
#undef F2
#undef F3
    return k;
}

int dy_parse_best_kind(const dy_pstate *s, const int32_t *scores)
{
    int legal = dy_pstate_legal(s), best = -1;
    for (int k = 0; k < 3; k++)
        if ((legal & (1 << k)) && (best < 0 || scores[k] > scores[best]))
            best = k;
    return best;
}

int dy_parse_best_label(const int32_t *scores, int kind, int n_labels, int root_label)
{
    const int32_t *sc = scores + (kind == DY_RIGHT ? n_labels : 0);
    int best = root_label == 0 ? 1 : 0;
    for (int l = 0; l < n_labels; l++)
        if (l != root_label && sc[l] > sc[best])
            best = l;
    return best;
}

void dy_parse_sentence(const dy_parser_model *m, const dy_pwords *w, dy_pstate *s)
{
    uint64_t keys[DY_PARSE_FEATS];
    int32_t scores[256];
    dy_pstate_init(s, w->n, m->root_label);
    while (!dy_pstate_done(s)) {
        int nf = dy_parse_features(s, w, keys);
        memset(scores, 0, m->trans->c_pad * sizeof *scores);
        dy_wtab_score(m->trans, keys, nf, scores);
        int kind = dy_parse_best_kind(s, scores), label = m->root_label;
        if (kind != DY_SHIFT && !(kind == DY_LEFT && s->b == s->n)) {
            memset(scores, 0, m->label->c_pad * sizeof *scores);
            dy_wtab_score(m->label, keys, nf, scores);
            label = dy_parse_best_label(scores, kind, m->n_labels, m->root_label);
        }
        dy_pstate_apply(s, kind, label);
    }
}
