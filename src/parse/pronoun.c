/* pronoun.c — coreferencing pronouns: HE SHE IT HIM HER to the first simple actor
 * before them, THEY THEM THEIR to the first compound, else the first actor (7.7). */
#include "parse/parse.h"

static int first_simple_actor(const dy_sentence *s, int before)
{
    int k = 0;
    while (k < before) {
        while (k < before && s->w[k].wtype != DY_W_ACTOR) ++k;
        if (k >= before) break;
        if (s->w[k].cmp_end >= 0) k = s->w[k].cmp_end + 1;
        else if (!dy_is_head(s, k, DY_W_ACTOR)) ++k;
        else return k;
    }
    return -1;
}

static int first_plural_actor(const dy_sentence *s, int before)
{
    int found = -1;
    for (int k = 0; k < before; ++k) {
        if (s->w[k].wtype != DY_W_ACTOR) continue;
        if (s->w[k].cmp_end >= 0) return k;
        if (found < 0) found = k;
    }
    return found;
}

void dy_dereference_pronouns(dy_sentence *s)
{
    for (int i = 0; i < s->n; ++i) {
        if (s->w[i].wtype != DY_W_PRONOUN) continue;
        int c = dy_closed_at(s, i), idx = -1;
        if (c >= DY_C_HE && c <= DY_C_IT) idx = first_simple_actor(s, i);
        else if (c >= DY_C_THEM && c <= DY_C_THEY) idx = first_plural_actor(s, i);
        if (idx >= 0) {
            /* follow an earlier dereference so refer names a real actor */
            for (int g = 0; g < 8 && s->w[idx].deref && s->w[idx].refer >= 0; ++g)
                idx = s->w[idx].refer;
            if (s->w[idx].deref) idx = s->w[idx].refer;
        } else if ((c <= DY_C_IT && s->fwd_single) || (c >= DY_C_THEM && s->fwd_plural)) {
            idx = DY_REFER_FORWARD;
        } else {
            continue;
        }
        s->w[i].wtype = DY_W_ACTOR;
        s->w[i].deref = 1;
        s->w[i].refer = idx;
    }
}
