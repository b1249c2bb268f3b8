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

/* Verb and actor heads outside the eliminated clauses, the counts of the
 * usual COMPLEX: VERBS[] ACTORS[] limits. */
static void count_heads(const dy_sentence *s, int *verbs, int *actors)
{
    const dy_word *w = s->w;
    const dy_root *roots = s->roots;
    int nv = 0, na = 0;
    if (s->n_subord == 0) {
        /* nothing eliminated: a word counts when it heads an active root, and
         * the lexer makes at most one root per word (head_of its first word),
         * so the few roots are counted, then the pronouns standing for actors */
        for (int r = 0; r < s->nroots; ++r) {
            if (!roots[r].active) continue;
            nv += roots[r].wtype == DY_W_VERB;
            na += roots[r].wtype == DY_W_ACTOR;
        }
        if (!s->lexed_types || (s->lexed_types >> DY_W_PRONOUN) & 1u) {
            for (int i = 0; i < s->n; ++i) {
                int r = w[i].head_of;
                na += w[i].deref && !(r >= 0 && roots[r].active && roots[r].wtype == DY_W_ACTOR);
            }
        }
    } else {
        /* word by word, jumping over each eliminated clause, as TABARI */
        for (int i = 0; i < s->n;) {
            if (w[i].sub_end >= 0) { i = w[i].sub_end + 1; continue; }
            int r = w[i].head_of;
            int head = r >= 0 && roots[r].active ? (int)roots[r].wtype : -1;
            nv += head == DY_W_VERB;
            na += w[i].deref || head == DY_W_ACTOR;   /* dy_is_head(ACTOR) */
            ++i;
        }
    }
    *verbs = nv;
    *actors = na;
}

/* Conjunctions, skipping the inside of compounds (TABARI's count: the word
 * after a compound is looked at without asking whether it starts one). */
static int count_conj(const dy_sentence *s)
{
    int conj = 0;
    for (int i = 0; i < s->n; ++i) {
        if (s->w[i].cmp_end >= 0) { i = s->w[i].cmp_end + 1; if (i >= s->n) break; }
        if (s->w[i].wtype == DY_W_CONJ) ++conj;
    }
    return conj;
}

int dy_complexity(const dy_sentence *s, char *why, size_t n)
{
    const dy_options *o = s->opt;
    int verbs = 0, actors = 0, pronouns = 0, conj = 0;
    why[0] = '\0';
    /* only what an active limit reads is counted: news options set just
     * VERBS[] and ACTORS[], and every sentence comes here */
    int want_verb = o->cx_lateverb > 0 || o->cx_noactprior || o->cx_noactafter;
    int verb = -1, no_prior = 1;
    if (o->cx_verbs > 0 || o->cx_actors > 0 || o->cx_noverb) count_heads(s, &verbs, &actors);
    if (o->cx_pronouns > 0 || want_verb) {
        /* outside the subordinate clauses: pronouns, the first non-null verb
         * and any actor before it */
        for (int i = 0; i < s->n;) {
            const dy_word *w = &s->w[i];
            if (w->sub_end >= 0) { i = w->sub_end + 1; continue; }
            int r = w->head_of;
            int head = r >= 0 && s->roots[r].active ? (int)s->roots[r].wtype : -1;
            if (w->wtype == DY_W_PRONOUN) ++pronouns;
            if (verb < 0) {
                if (w->wtype == DY_W_VERB && head == DY_W_VERB && !null_verb(s, i)) verb = i;
                else if (w->wtype == DY_W_ACTOR) no_prior = 0;
            }
            ++i;
        }
    }
    if (verb < 0) verb = s->n;
    if (o->cx_conj > 0) conj = count_conj(s);
    int no_after = 1;
    if (o->cx_noactafter) {
        for (int k = verb + 1; k < s->n;) {
            if (s->w[k].sub_end >= 0) { k = s->w[k].sub_end + 1; continue; }
            if (s->w[k].wtype == DY_W_ACTOR) { no_after = 0; break; }
            ++k;
        }
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
