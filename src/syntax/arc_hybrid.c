/* arc_hybrid.c — the arc-hybrid transitions and the bookkeeping the parser's
 * features read: each word's outermost dependents, their counts and labels. */
#include "syntax/arc_hybrid.h"

#include <string.h>

void dy_pstate_init(dy_pstate *s, int n, int root_label)
{
    s->n = n;
    s->b = 0;
    s->sp = 0;
    s->root_label = root_label;
    for (int i = 0; i < n; i++)
        s->head[i] = DY_NO_WORD;
    for (int i = 0; i <= n; i++) {
        s->l1[i] = s->l2[i] = s->r1[i] = s->r2[i] = DY_NO_WORD;
        s->nl[i] = s->nr[i] = 0;
        s->lset[i] = s->rset[i] = 0;
    }
}

int dy_pstate_legal(const dy_pstate *s)
{
    int m = 0;
    if (s->b < s->n)
        m |= 1 << DY_SHIFT;
    /* the root takes one dependent, the last word standing */
    if (s->sp >= 1 && (s->b < s->n || s->sp == 1))
        m |= 1 << DY_LEFT;
    if (s->sp >= 2)
        m |= 1 << DY_RIGHT;
    return m;
}

static void attach(dy_pstate *s, int h, int d, int label)
{
    s->head[d] = (int16_t)h;
    s->label[d] = (uint8_t)label;
    uint64_t bit = 1ull << (label & 63);
    if (d < h) {
        if (s->l1[h] == DY_NO_WORD || d < s->l1[h]) {
            s->l2[h] = s->l1[h];
            s->l1[h] = (int16_t)d;
        } else if (s->l2[h] == DY_NO_WORD || d < s->l2[h]) {
            s->l2[h] = (int16_t)d;
        }
        if (s->nl[h] < 255)
            s->nl[h]++;
        s->lset[h] |= bit;
    } else {
        if (s->r1[h] == DY_NO_WORD || d > s->r1[h]) {
            s->r2[h] = s->r1[h];
            s->r1[h] = (int16_t)d;
        } else if (s->r2[h] == DY_NO_WORD || d > s->r2[h]) {
            s->r2[h] = (int16_t)d;
        }
        if (s->nr[h] < 255)
            s->nr[h]++;
        s->rset[h] |= bit;
    }
}

void dy_pstate_apply(dy_pstate *s, int kind, int label)
{
    switch (kind) {
    case DY_SHIFT:
        s->stack[s->sp++] = (int16_t)s->b++;
        break;
    case DY_LEFT:
        attach(s, s->b, s->stack[--s->sp], s->b == s->n ? s->root_label : label);
        break;
    default:
        s->sp--;
        attach(s, s->stack[s->sp - 1], s->stack[s->sp], label);
        break;
    }
}
