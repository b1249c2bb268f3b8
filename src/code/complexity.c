/* complexity.c — counts verbs, actors, pronouns and conjunctions outside the
 * eliminated clauses and applies the COMPLEX: limits, as TABARI's evaluateComplexity. */
#include <string.h>

#include "code/complexity.h"

/* Appends s[0, k) to why (capacity n, length *len), cut as snprintf cuts. */
static void append(char *why, size_t n, size_t *len, const char *s, size_t k)
{
    if (*len + 1 >= n) return;
    if (k > n - 1 - *len) k = n - 1 - *len;
    memcpy(why + *len, s, k);
    *len += k;
    why[*len] = '\0';
}

static void append_int(char *why, size_t n, size_t *len, int v)
{
    char tmp[16], *p = tmp + sizeof tmp;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    do *--p = (char)('0' + u % 10); while (u /= 10);
    if (v < 0) *--p = '-';
    append(why, n, len, p, (size_t)(tmp + sizeof tmp - p));
}

/* ", what(value) >= limit" (or ", what" when limit < 0), without snprintf:
 * one in ten news sentences is complex and gets here. */
static void add_reason(char *why, size_t n, const char *what, int value, int limit)
{
    size_t len = strlen(why);
    if (len >= n) return;
    if (len) append(why, n, &len, ", ", 2);
    append(why, n, &len, what, strlen(what));
    if (limit >= 0) {
        append(why, n, &len, "(", 1);
        append_int(why, n, &len, value);
        append(why, n, &len, ") >= ", 5);
        append_int(why, n, &len, limit);
    }
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
    /* one pass outside the subordinate clauses counts verbs, actors and
     * pronouns, finds the first non-null verb and any actor before it */
    int verb = -1, no_prior = 1;
    for (int i = 0; i < s->n;) {
        const dy_word *w = &s->w[i];
        if (w->sub_end >= 0) { i = w->sub_end + 1; continue; }
        int r = w->head_of;
        int head = r >= 0 && s->roots[r].active ? (int)s->roots[r].wtype : -1;
        if (head == DY_W_VERB) ++verbs;
        if (w->deref || head == DY_W_ACTOR) ++actors;   /* dy_is_head(ACTOR) */
        if (w->wtype == DY_W_PRONOUN) ++pronouns;
        if (verb < 0) {
            if (w->wtype == DY_W_VERB && head == DY_W_VERB && !null_verb(s, i)) verb = i;
            else if (w->wtype == DY_W_ACTOR) no_prior = 0;
        }
        ++i;
    }
    if (verb < 0) verb = s->n;
    for (int i = 0; i < s->n; ++i) {
        if (s->w[i].cmp_end >= 0) { i = s->w[i].cmp_end + 1; if (i >= s->n) break; }
        if (s->w[i].wtype == DY_W_CONJ) ++conj;
    }
    int no_after = 1;
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
