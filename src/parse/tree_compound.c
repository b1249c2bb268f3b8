/* tree_compound.c — compound actors from the parse: a noun phrase whose
 * conjuncts (split at CC and commas) hold two or more actors. */
#include "parse/parse.h"
#include "parse/tree.h"

static int actor_head(const dy_sentence *s, int k)
{
    return s->w[k].wtype == DY_W_ACTOR && dy_is_head(s, k, DY_W_ACTOR) && !s->w[k].deref;
}

/* First actor head in words [a, b], or -1. */
static int first_actor(const dy_sentence *s, int a, int b)
{
    for (int k = a < 0 ? 0 : a; k <= b && k < s->n; ++k)
        if (actor_head(s, k)) return k;
    return -1;
}

static void mark(dy_sentence *s, int start, int end)
{
    for (int k = start; k <= end; ++k) {      /* a wider compound replaces narrower ones */
        int e = s->w[k].cmp_end;
        if (e >= 0) {
            s->w[k].cmp_end = -1;
            if (e < s->n && s->w[e].cmp_start == k) s->w[e].cmp_start = -1;
        }
        if (s->w[k].cmp_start >= 0 && s->w[k].cmp_start < start) {
            s->w[s->w[k].cmp_start].cmp_end = -1;
            s->w[k].cmp_start = -1;
        }
    }
    s->w[start].cmp_end = end;
    s->w[end].cmp_start = start;
    for (int k = start; k <= end; ++k) s->w[k].compound = 1;
}

void dy_tree_compounds(dy_sentence *s, const dy_tree *t)
{
    for (int n = t->n - 1; n >= 0; --n) {     /* inner phrases first */
        const dy_tnode *nd = &t->nodes[n];
        if (nd->kind != DY_T_NP || nd->tfirst < 0) continue;
        int has_cc = 0;
        for (int c = nd->first_child; c >= 0; c = t->nodes[c].next_sibling)
            if (t->nodes[c].kind == DY_T_CC) has_cc = 1;
        if (!has_cc) continue;
        int first = -1, last = -1, parts = 0, seg_a = -1, seg_b = -1;
        for (int c = nd->first_child;; c = t->nodes[c].next_sibling) {
            int sep = c < 0 || t->nodes[c].kind == DY_T_CC || t->nodes[c].kind == DY_T_COMMA;
            if (sep) {
                int h = seg_a >= 0 ? first_actor(s, seg_a, seg_b) : -1;
                if (h >= 0) {
                    ++parts;
                    if (first < 0) first = h;
                    const dy_root *r = dy_root_at(s, h);
                    last = r ? r->tail : h;
                }
                seg_a = seg_b = -1;
                if (c < 0) break;
                continue;
            }
            if (t->nodes[c].tfirst < 0) continue;
            if (seg_a < 0) seg_a = t->nodes[c].tfirst;
            seg_b = t->nodes[c].tlast;
        }
        if (parts >= 2 && last >= first && last < s->n) mark(s, first, last);
    }
}
