/* compound.c — parsed compound actors: "A AND B" and lists "A, B AND C" whose
 * items may carry determiners and adjectives (tabari-manual 7.5). */
#include "parse/parse.h"

static int np_word(int wt)
{
    return wt == DY_W_ACTOR || wt == DY_W_DETERM || wt == DY_W_ADJ;
}

/* Forgets compounds that start inside [from, to] (a wider one replaces them). */
static void drop_inner(dy_sentence *s, int from, int to)
{
    for (int k = from; k <= to; ++k) {
        int e = s->w[k].cmp_end;
        if (e >= 0) {
            s->w[k].cmp_end = -1;
            if (e < s->n && s->w[e].cmp_start == k) s->w[e].cmp_start = -1;
        }
    }
}

void dy_mark_compounds(dy_sentence *s)
{
    for (int i = 0; i < s->n; ++i) {
        int c = dy_closed_at(s, i);
        if (s->w[i].wtype != DY_W_CONJ || (c != DY_C_AND && c != DY_C_NOR)) continue;

        int end = -1;                       /* last word of the actor after AND */
        for (int k = i + 1; k < s->n && np_word(s->w[k].wtype); ++k) {
            if (s->w[k].wtype == DY_W_ACTOR && dy_is_head(s, k, DY_W_ACTOR)) {
                const dy_root *r = dy_root_at(s, k);
                if (r && r->tail > k) k = r->tail;
                end = k;
            }
        }
        if (end < 0) continue;

        int start = -1, need_connect = 0;
        for (int k = i; k >= 0; --k) {
            int wt = s->w[k].wtype;
            if (!(np_word(wt) || wt == DY_W_CONJ || wt == DY_W_COMMA)) break;
            if (wt == DY_W_CONJ || wt == DY_W_COMMA) need_connect = 0;
            if (wt == DY_W_ACTOR) {
                if (need_connect) break;
                while (k > 0 && !dy_is_head(s, k, DY_W_ACTOR)) --k;
                start = k;
                need_connect = 1;
            }
        }
        if (start < 0) continue;
        drop_inner(s, start, end);
        if (s->w[end].cmp_start >= 0) s->w[s->w[end].cmp_start].cmp_end = -1;
        s->w[start].cmp_end = end;
        s->w[end].cmp_start = start;
        for (int k = start; k <= end; ++k) s->w[k].compound = 1;
    }
}
