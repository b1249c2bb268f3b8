/* tree_comma.c — PETRARCH's elimination of comma-delimited clauses in tree mode:
 * initial, terminal, then intermediate runs within the comma_* limits are nulled. */
#include <ctype.h>
#include <string.h>

#include "parse/parse.h"
#include "parse/tree.h"

/* A comma of the clause structure: commas inside a noun phrase belong to the
 * phrase (PETRARCH folds them into its named-entity phrases). */
static int clause_comma(const dy_sentence *s, int i)
{
    if (s->w[i].wtype != DY_W_COMMA) return 0;
    const dy_tree *t = s->tree;
    int n = dy_tree_tok(t, i);
    if (n < 0 || t->nodes[n].kind != DY_T_COMMA) return 0;
    return !dy_tnode_is(t, t->nodes[n].parent, DY_T_NP);
}

/* Words in [a, b) that start with a letter (PETRARCH's count_word). */
static int count_words(const dy_sentence *s, int a, int b)
{
    int k = 0;
    for (int i = a < 0 ? 0 : a; i < b && i < s->n; ++i)
        k += isalpha((unsigned char)s->w[i].tok->text[0]) != 0;
    return k;
}

/* Does the run hold the head of the main clause? A tree made from a
 * dependency parse marks it (-HEAD on its tag, parse/ud_bracket.c): that
 * run is the sentence itself, not a comma clause ("On Monday, Russian
 * troops attacked ..."). */
static int holds_head(const dy_sentence *s, int from, int to)
{
    const dy_tree *t = s->tree;
    for (int i = from; i <= to && i < s->n; ++i) {
        int n = dy_tree_tok(t, i);
        if (n < 0) continue;
        const dy_tnode *nd = &t->nodes[n];
        if (nd->label_len >= 5 && memcmp(nd->label + nd->label_len - 5, "-HEAD", 5) == 0)
            return 1;
    }
    return 0;
}

static void mark(dy_sentence *s, int from, int to)
{
    if (from < 0 || to < from || s->w[from].sub_end >= to) return;
    if (holds_head(s, from, to)) return;
    s->w[from].sub_end = to;
    ++s->n_subord;
}

void dy_tree_commas(dy_sentence *s)
{
    const dy_options *o = s->opt;
    if (o->comma_off || !s->tree) return;
    int first = -1, last = -1, end = s->n;
    for (int i = 0; i < s->n; ++i)
        if (clause_comma(s, i)) {
            if (first < 0) first = i;
            last = i;
        }
    if (first < 0) return;
    while (end > 0 && !isalnum((unsigned char)s->w[end - 1].tok->text[0])) --end;
    if (o->comma_bmax != 0) {
        int k = count_words(s, 0, first);
        if (k >= o->comma_bmin && k <= o->comma_bmax) mark(s, 0, first - 1);
    }
    if (o->comma_emax != 0 && last + 1 < end) {
        int k = count_words(s, last + 1, end);
        if (k >= o->comma_emin && k <= o->comma_emax) mark(s, last, end - 1);
    }
    if (o->comma_max != 0) {
        for (int a = first; a < last;) {
            int b = a + 1;
            while (b <= last && !clause_comma(s, b)) ++b;
            int k = count_words(s, a + 1, b);
            if (k >= o->comma_min && k <= o->comma_max) mark(s, a, b - 1);
            a = b;
        }
    }
}
