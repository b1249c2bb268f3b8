/* train_parser.c — learns the parser's weights with a dynamic oracle: at
 * each state the cost of every transition is the number of gold arcs it
 * makes unreachable, so the parser learns to recover from its own errors. */
#include "syntax/train.h"

#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "syntax/parser.h"

/* Is word k a descendant of h (following heads, root = n)? */
static int dominates(const int16_t *head, int n, int h, int k)
{
    for (int steps = 0; k != n && steps <= n; steps++) {
        if (k == h)
            return 1;
        k = head[k];
        if (k < 0)
            return 0;
    }
    return k == h;
}

static int projective_arc(const int16_t *head, int n, int d)
{
    int h = head[d];
    int lo = d < h ? d : h, hi = d < h ? h : d;
    if (hi > n)
        return 1;
    for (int k = lo + 1; k < hi; k++)
        if (!dominates(head, n, h, k))
            return 0;
    return 1;
}

void dy_projectivize(int16_t *head, int n)
{
    for (int round = 0; round < 4 * n + 4; round++) {
        int best = -1, best_len = 0;
        for (int d = 0; d < n; d++) {
            if (head[d] == n || projective_arc(head, n, d))
                continue;
            int len = head[d] > d ? head[d] - d : d - head[d];
            if (best < 0 || len < best_len) {
                best = d;
                best_len = len;
            }
        }
        if (best < 0)
            return;
        head[best] = head[head[best]];
    }
}

void dy_udsent_atoms(const dy_udbank *b, const dy_udsent *s, const dy_lexicon *lx,
                     dy_atoms *out)
{
    for (uint32_t i = 0; i < s->n; i++) {
        const dy_udword *w = &b->w.v[s->first + i];
        dy_atoms_make(&out[i], dy_udbank_str(b, w->form), w->form_len, i == 0);
        if (lx)
            dy_atoms_lexicon(&out[i], lx);
    }
}

/* Costs of the three kinds of transition in state s against gold heads
 * (projective, root = n): gold arcs each would make unreachable. */
static void kind_costs(const dy_pstate *s, const int16_t *gold, int cost[3])
{
    int n = s->n, b = s->b;
    int s0 = s->sp >= 1 ? s->stack[s->sp - 1] : -1;
    int s1 = s->sp >= 2 ? s->stack[s->sp - 2] : -1;
    cost[0] = cost[1] = cost[2] = 0;
    if (b < n) {
        /* SHIFT: b's dependents on the stack, and its head on the stack
         * below the top, are lost */
        for (int i = 0; i < s->sp; i++) {
            int k = s->stack[i];
            if (gold[k] == b)
                cost[DY_SHIFT]++;
            if (gold[b] == k && k != s0)
                cost[DY_SHIFT]++;
        }
    }
    if (s0 >= 0) {
        /* s0's dependents in the buffer are lost by LEFT and RIGHT alike */
        int deps = 0;
        for (int k = b; k < n; k++)
            if (gold[k] == s0)
                deps++;
        int h = gold[s0];
        int head_in_buffer = h >= b;  /* the root n counts as in the buffer */
        cost[DY_LEFT] = deps + ((h != b && (h == s1 || head_in_buffer)) ? 1 : 0);
        cost[DY_RIGHT] = deps + ((h != s1 && head_in_buffer) ? 1 : 0);
    }
}

dyad_status dy_train_parser(dy_ap *trans, dy_ap *labels, const dy_udbank *b, const size_t *sent,
                            size_t n, const uint8_t *tag, const uint8_t *upos,
                            const dy_lexicon *lx, const dy_parse_train *o, dyad_error *err)
{
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    dy_atoms *atoms = malloc(DY_SYN_MAX_WORDS * sizeof *atoms);
    dy_pstate *s = malloc(sizeof *s);
    dyad_status st = DYAD_OK;
    if (!order || !atoms || !s) {
        st = dy_error_set(err, DYAD_ERR_NOMEM, "training", 0, "out of memory");
        goto done;
    }
    if (n)
        memcpy(order, sent, n * sizeof *order);
    uint64_t rng = o->seed ? o->seed : 1;
    int L = o->n_labels;
    uint64_t keys[DY_PARSE_FEATS];
    int32_t scores[256];
    int16_t gold[DY_SYN_MAX_WORDS];
    uint8_t glabel[DY_SYN_MAX_WORDS];
    for (int e = 0; e < o->epochs; e++) {
        dy_shuffle(order, n, &rng);
        for (size_t k = 0; k < n; k++) {
            const dy_udsent *us = &b->s.v[order[k]];
            int nw = (int)us->n;
            for (int i = 0; i < nw; i++) {
                const dy_udword *w = &b->w.v[us->first + (size_t)i];
                gold[i] = (int16_t)(w->head == 0 ? nw : w->head - 1);
                glabel[i] = w->deprel;
            }
            dy_projectivize(gold, nw);
            dy_udsent_atoms(b, us, lx, atoms);
            dy_pwords pw = {nw, atoms, tag + us->first, upos + us->first};
            dy_pstate_init(s, nw, o->root_label);
            while (!dy_pstate_done(s)) {
                int nf = dy_parse_features(s, &pw, keys);
                memset(scores, 0, 3 * sizeof *scores);
                dy_ap_score(trans, keys, nf, scores);
                int guess = dy_parse_best_kind(s, scores);
                int kc[3];
                kind_costs(s, gold, kc);
                /* the best-scoring legal transition of zero cost */
                int legal = dy_pstate_legal(s), best = -1;
                for (int c = 0; c < 3; c++)
                    if ((legal & (1 << c)) && kc[c] == 0 && (best < 0 || scores[c] > scores[best]))
                        best = c;
                if (best < 0)  /* cannot happen for a projective tree; be safe */
                    best = guess;
                trans->clock++;
                if (kc[guess] > 0 && dy_ap_update(trans, keys, nf, best, guess)) {
                    st = dy_error_set(err, DYAD_ERR_NOMEM, "training", 0, "out of memory");
                    goto done;
                }
                int follow = best;
                if (e >= o->explore_from &&
                    (double)(dy_rand_next(&rng) >> 11) * 0x1.0p-53 < o->explore_p)
                    follow = guess;
                /* the labeller learns on every arc that is right */
                int label = o->root_label;
                if (follow != DY_SHIFT && !(follow == DY_LEFT && s->b == s->n)) {
                    int s0 = s->stack[s->sp - 1];
                    int h = follow == DY_LEFT ? s->b : s->stack[s->sp - 2];
                    memset(scores, 0, (size_t)(2 * L) * sizeof *scores);
                    dy_ap_score(labels, keys, nf, scores);
                    label = dy_parse_best_label(scores, follow, L, o->root_label);
                    labels->clock++;
                    if (gold[s0] == h && glabel[s0] != label && glabel[s0] != o->root_label) {
                        int off = follow == DY_RIGHT ? L : 0;
                        if (dy_ap_update(labels, keys, nf, off + glabel[s0],
                                         off + label)) {
                            st = dy_error_set(err, DYAD_ERR_NOMEM, "training", 0,
                                              "out of memory");
                            goto done;
                        }
                        label = glabel[s0];
                    }
                }
                dy_pstate_apply(s, follow, label);
            }
        }
    }
done:
    free(order);
    free(atoms);
    free(s);
    return st;
}
