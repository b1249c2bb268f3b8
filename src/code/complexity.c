/* complexity.c — counts verbs, actors, pronouns and conjunctions outside the
 * eliminated clauses and applies the COMPLEX: limits, as TABARI's evaluateComplexity. */
#include <stdio.h>
#include <string.h>

#include "code/complexity.h"

static void add_reason(char *why, size_t n, const char *what, int value, int limit)
{
    size_t len = strlen(why);
    if (len >= n) return;
    if (limit >= 0)
        snprintf(why + len, n - len, "%s%s(%d) >= %d", len ? ", " : "", what, value, limit);
    else
        snprintf(why + len, n - len, "%s%s", len ? ", " : "", what);
}

static int null_verb(const dy_sentence *s, int i)
{
    const dy_root *r = dy_root_at(s, i);
    if (!r || r->closed || r->ref.kind != DY_ENTRY_VERB) return 0;
    const dy_verb *v = &s->dict->verbs[r->ref.index];
    const dy_verb *m = &s->dict->verbs[v->main];
    return v->code.special == DY_SPECIAL_NULL ||
           (!v->code.code && !v->code.special && m->code.special == DY_SPECIAL_NULL);
}

int dy_complexity(const dy_sentence *s, char *why, size_t n)
{
    const dy_options *o = s->opt;
    int verbs = 0, actors = 0, pronouns = 0, conj = 0;
    why[0] = '\0';
    for (int i = 0; i < s->n;) {
        if (s->w[i].sub_end >= 0) { i = s->w[i].sub_end + 1; continue; }
        if (dy_is_head(s, i, DY_W_VERB)) ++verbs;
        if (dy_is_head(s, i, DY_W_ACTOR)) ++actors;
        if (s->w[i].wtype == DY_W_PRONOUN) ++pronouns;
        ++i;
    }
    for (int i = 0; i < s->n; ++i) {
        if (s->w[i].cmp_end >= 0) { i = s->w[i].cmp_end + 1; if (i >= s->n) break; }
        if (s->w[i].wtype == DY_W_CONJ) ++conj;
    }
    int verb = 0;                       /* first non-null verb */
    while (verb < s->n) {
        if (s->w[verb].sub_end >= 0) { verb = s->w[verb].sub_end + 1; continue; }
        if (s->w[verb].wtype == DY_W_VERB && dy_is_head(s, verb, DY_W_VERB) && !null_verb(s, verb))
            break;
        ++verb;
    }
    int no_prior = 1, no_after = 1;
    for (int k = 0; k < verb && k < s->n;) {
        if (s->w[k].sub_end >= 0) { k = s->w[k].sub_end + 1; continue; }
        if (s->w[k].wtype == DY_W_ACTOR) { no_prior = 0; break; }
        ++k;
    }
    for (int k = verb + 1; k < s->n;) {
        if (s->w[k].sub_end >= 0) { k = s->w[k].sub_end + 1; continue; }
        if (s->w[k].wtype == DY_W_ACTOR) { no_after = 0; break; }
        ++k;
    }
    int cx = 0;
#define CHECK_VALUE(limit, value, what) \
    if ((limit) > 0 && (value) >= (limit)) { cx = 1; add_reason(why, n, what, value, limit); }
    CHECK_VALUE(o->cx_verbs, verbs, "verbs");
    CHECK_VALUE(o->cx_actors, actors, "actors");
    CHECK_VALUE(o->cx_pronouns, pronouns, "pronouns");
    CHECK_VALUE(o->cx_conj, conj, "conjunctions");
    CHECK_VALUE(o->cx_comma, s->n_subord, "nonres clauses");
    CHECK_VALUE(o->cx_lateverb, verb, "verb position");
#undef CHECK_VALUE
    if (o->cx_noactprior && no_prior) { cx = 1; add_reason(why, n, "no actor before verb", 0, -1); }
    if (o->cx_noactafter && no_after) { cx = 1; add_reason(why, n, "no actor after verb", 0, -1); }
    if (o->cx_noverb && verbs == 0) { cx = 1; add_reason(why, n, "no verb", 0, -1); }
    return cx;
}
