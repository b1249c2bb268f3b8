/* tree_pattern.c — PETRARCH-2 pattern groups checked against the parse: a
 * "{noun phrase}" must lie in one NP, a "(prep phrase)" must open a PP. */
#include "code/pattern.h"
#include "parse/tree.h"

/* Does the smallest noun phrase around the head (the group's last word b)
 * reach back to its first word a? ("salt taxes" yes, "salt, taxes and X" no) */
static int noun_group(const dy_tree *t, int a, int b)
{
    for (int n = dy_tree_tok(t, b); n >= 0; n = t->nodes[n].parent)
        if (t->nodes[n].kind == DY_T_NP) return t->nodes[n].tfirst <= a;
    return 0;
}

/* Is word a the preposition of a PP that holds words up to b? */
static int prep_group(const dy_tree *t, int a, int b)
{
    for (int n = dy_tree_tok(t, a); n >= 0 && t->nodes[n].tfirst == a; n = t->nodes[n].parent)
        if (t->nodes[n].kind == DY_T_PP && t->nodes[n].tlast >= b) return 1;
    return 0;
}

int dy_tree_groups_ok(const dy_tree *t, const dyad_dict *d, dy_phrase ph, const dy_pmatch *m)
{
    int n = (int)ph.count < DY_PM_POS ? (int)ph.count : DY_PM_POS;
    const dy_elem *el = &d->elems[ph.first];
    for (int k = 0; k < n; ++k) {
        uint8_t g = el[k].group;
        for (int pass = 0; pass < 2; ++pass) {
            uint8_t start = pass ? DY_GROUP_PP_START : DY_GROUP_NP_START;
            uint8_t in = pass ? DY_GROUP_PP : DY_GROUP_NP;
            if (!(g & start)) continue;
            int lo = -1, hi = -1;
            for (int j = k; j < n && (el[j].group & in) && (j == k || !(el[j].group & start)); ++j) {
                int p = m->pos[j];
                if (p < 0) continue;
                if (lo < 0 || p < lo) lo = p;
                if (p > hi) hi = p;
            }
            if (lo < 0 || dy_tree_tok(t, lo) < 0) continue;
            if (pass == 0 && !noun_group(t, lo, hi)) return 0;
            if (pass == 1 && (m->pos[k] != lo || !prep_group(t, lo, hi))) return 0;
        }
    }
    return 1;
}

int dy_tree_np_around(const dy_tree *t, int i, int *first, int *last)
{
    for (int n = dy_tree_tok(t, i); n >= 0; n = t->nodes[n].parent)
        if (t->nodes[n].kind == DY_T_NP && t->nodes[n].tfirst >= 0) {
            *first = t->nodes[n].tfirst;
            *last = t->nodes[n].tlast;
            return 1;
        }
    return 0;
}
