/* arc_hybrid.h — the parser's transition system (arc-hybrid, Kuhlmann et
 * al. 2011) with the root at the end of the buffer, and its parse state. */
#ifndef DY_ARC_HYBRID_H
#define DY_ARC_HYBRID_H

#include <stdint.h>

#include "syntax/syntax.h"

/* Words are 0..n-1; n is the root, which sits after the last word in the
 * buffer and takes exactly one dependent (the last transition), so every
 * parse is a single-rooted projective tree in exactly 2n transitions. */
enum { DY_NO_WORD = -1 };

/* Transitions: SHIFT pushes the buffer front; LEFT(l) makes the buffer
 * front the head of the stack top and pops it; RIGHT(l) makes the word
 * under the top its head and pops it. As classes: 0 SHIFT, 1 + l LEFT(l),
 * 1 + L + l RIGHT(l) for L labels. */
enum { DY_SHIFT = 0, DY_LEFT = 1, DY_RIGHT = 2 };

typedef struct dy_pstate {
    int n, b, sp;                       /* words, buffer front, stack size */
    int root_label;                     /* the label of the root relation */
    int16_t stack[DY_SYN_MAX_WORDS];
    int16_t head[DY_SYN_MAX_WORDS];     /* DY_NO_WORD until attached; n is the root */
    uint8_t label[DY_SYN_MAX_WORDS];
    /* per word and for the root (index n): leftmost and second leftmost,
     * rightmost and second rightmost dependents, counts, label sets */
    int16_t l1[DY_SYN_MAX_WORDS + 1], l2[DY_SYN_MAX_WORDS + 1];
    int16_t r1[DY_SYN_MAX_WORDS + 1], r2[DY_SYN_MAX_WORDS + 1];
    uint8_t nl[DY_SYN_MAX_WORDS + 1], nr[DY_SYN_MAX_WORDS + 1];
    uint64_t lset[DY_SYN_MAX_WORDS + 1], rset[DY_SYN_MAX_WORDS + 1];
} dy_pstate;

void dy_pstate_init(dy_pstate *s, int n, int root_label);

/* The last transition gives the root its dependent and empties the stack. */
static inline int dy_pstate_done(const dy_pstate *s)
{
    return s->b == s->n && s->sp == 0;
}

/* Which of SHIFT, LEFT, RIGHT are legal now (bit 1 << kind). */
int dy_pstate_legal(const dy_pstate *s);
/* Applies transition kind with label (ignored for SHIFT); must be legal. */
void dy_pstate_apply(dy_pstate *s, int kind, int label);

#endif
