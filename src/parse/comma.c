/* comma.c — elimination of comma-delimited nonrestrictive clauses within the
 * COMMA: limits (tabari-manual 7.8, 8.6): such clauses are not coded. */
#include "parse/parse.h"

static void mark(dy_sentence *s, int from, int to)
{
    if (from < 0 || to < from) return;
    /* in syntax mode the parse knows the main verb: a run holding it is the
     * sentence itself ("On Monday, Russian troops attacked ...") */
    for (int k = from; k <= to && k < s->n; ++k)
        if (s->w[k].tok->flags & DY_TOK_MAIN) return;
    s->w[from].sub_end = to;
    ++s->n_subord;
}

/* Next comma at or after k outside compounds, or s->n. */
static int next_comma(const dy_sentence *s, int k)
{
    while (k < s->n && s->w[k].wtype != DY_W_COMMA) {
        if (s->w[k].cmp_end >= 0) k = s->w[k].cmp_end + 1;
        else ++k;
    }
    return k;
}

void dy_mark_subordinates(dy_sentence *s)
{
    const dy_options *o = s->opt;
    if (o->comma_off) return;
    int i = 0;
    while (i < s->n) {
        if (s->w[i].cmp_end >= 0) { i = s->w[i].cmp_end + 1; continue; }
        if (s->w[i].wtype == DY_W_COMMA) {
            int c = i;
            if (c >= o->comma_bmin && c <= o->comma_bmax) mark(s, 0, c - 1);
            int c2 = next_comma(s, c + 1);
            int len = c2 - c - 1;
            if (c2 >= s->n) {
                if (len >= o->comma_emin && len <= o->comma_emax) mark(s, c, s->n - 1);
                return;
            }
            if (len >= o->comma_min && len <= o->comma_max) mark(s, c, c2);
            i = c2;     /* TABARI then steps past the closing comma */
        }
        ++i;
    }
}

/* Cancels a root that a nulled range cuts into. */
static void cancel_root(dy_sentence *s, int r)
{
    dy_root *root = &s->roots[r];
    if (!root->active) return;
    root->active = 0;
    s->w[root->head].wtype = DY_W_NULLED;
}

/* Nulls every word inside the marked clauses; roots and compounds that start
 * or end inside are cancelled. The first word of each clause (its comma, or
 * the sentence's first word) keeps its tags, as in TABARI. */
void dy_null_subordinates(dy_sentence *s)
{
    if (s->n_subord == 0) return;   /* every mark counts itself there */
    if (s->n > 0 && s->w[0].sub_end >= 0) s->w[0].wtype = DY_W_NULLED;
    for (int h = 0; h < s->n; ++h) {
        int t = s->w[h].sub_end;
        if (t < 0) continue;
        for (int k = h + 1; k <= t; ++k) {
            dy_word *w = &s->w[k];
            w->wtype = DY_W_NULLED;
            if (w->head_of >= 0) cancel_root(s, w->head_of);
            if (w->tail_of >= 0) cancel_root(s, w->tail_of);
            if (w->cmp_end >= 0) {
                s->w[w->cmp_end].cmp_start = -1;
                w->cmp_end = -1;
            }
            if (w->cmp_start >= 0) {
                s->w[w->cmp_start].cmp_end = -1;
                s->w[w->cmp_start].wtype = DY_W_NULLED;
                w->cmp_start = -1;
            }
        }
        h = t;
    }
}
