/* parse.c — runs the parsing steps in TABARI's order and checks for discard
 * phrases, the input to the coder proper. */
#include "parse/parse.h"
#include "parse/tree.h"

/* Does the root carry a discard code [###] as its primary code? */
static int discard_root(const dy_sentence *s, const dy_root *r)
{
    const dyad_dict *d = s->dict;
    if (r->closed) return 0;
    switch (r->ref.kind) {
    case DY_ENTRY_ACTOR: {
        const dy_dated_code *c = dy_actor_codes(d, &d->actors[r->ref.index], s->date);
        return c && c->special == DY_SPECIAL_DISCARD && s->opt->actor_discards;
    }
    case DY_ENTRY_AGENT: return d->agents[r->ref.index].special == DY_SPECIAL_DISCARD;
    case DY_ENTRY_VERB: {
        const dy_verb *v = &d->verbs[r->ref.index];
        return v->code.special == DY_SPECIAL_DISCARD ||
               d->verbs[v->main].code.special == DY_SPECIAL_DISCARD;
    }
    case DY_ENTRY_DISCARD: return 1;
    default: return 0;
    }
}

dyad_status dy_parse(dy_sentence *s, dy_arena *a, const dyad_dict *d, const dy_options *opt,
                     const dy_tokens *toks, int date, const dy_forward *fwd,
                     dy_lexcache *cache, dyad_error *err)
{
    return dy_parse_tree(s, a, d, opt, toks, date, fwd, cache, NULL, err);
}

dyad_status dy_parse_tree(dy_sentence *s, dy_arena *a, const dyad_dict *d, const dy_options *opt,
                          const dy_tokens *toks, int date, const dy_forward *fwd,
                          dy_lexcache *cache, const dy_tree *tree, dyad_error *err)
{
    dyad_status st = dy_lex(s, a, d, opt, toks, date, cache, err);
    if (st != DYAD_OK) return st;
    s->tree = tree;
    if (fwd) {
        s->fwd_single = fwd->single;
        s->fwd_plural = fwd->plural;
        s->fwd_ref = fwd->ref;
    }
    if (opt->convert_agents) dy_convert_agents(s);
    /* a word has the class of the root it belongs to, or is a comma, a
     * number or nothing: the few roots tell which classes occur. Whether
     * one is a discard depends on nothing the steps below change. */
    uint32_t types = 0;
    for (int r = 0; r < s->nroots; ++r) {
        types |= 1u << s->roots[r].wtype;
        if (!s->has_discard && discard_root(s, &s->roots[r])) s->has_discard = 1;
    }
    static const char commas[] = ",():";   /* the texts of DY_W_COMMA words */
    for (int k = 0; commas[k]; ++k)
        if (dy_wordmask_has(&s->mask, dy_prefix_hash(&commas[k], 1))) types |= 1u << DY_W_COMMA;
    s->lexed_types = types;
    /* each step below only acts at words of some class; most sentences lack
     * one or more of them, and the step is skipped */
#define HAS(t) ((types >> (t)) & 1u)
    if (tree) {
        dy_tree_compounds(s, tree);
        dy_tree_commas(s);
        if (!d->has_attrib) dy_null_subordinates(s);   /* else after attribution */
    } else {
        if (HAS(DY_W_CONJ) && HAS(DY_W_ACTOR)) dy_mark_compounds(s);
        if (HAS(DY_W_COMMA)) dy_mark_subordinates(s);
        if (!d->has_attrib) dy_null_subordinates(s);   /* else after attribution */
        if (HAS(DY_W_CONJ)) {
            dy_mark_clauses(s);
        } else if (s->n > 0) {   /* one clause: the marks dy_mark_clauses would make */
            s->w[0].clause_start = 1;
            s->w[s->n - 1].clause_end = 1;
        }
    }
    if (HAS(DY_W_PRONOUN)) dy_dereference_pronouns(s);
#undef HAS
    return DYAD_OK;
}

void dy_forward_from(const dy_sentence *s, dy_forward *out)
{
    out->single = out->plural = 0;
    for (int i = 0; i < s->n; ++i) {
        const dy_root *r = dy_root_at(s, i);
        int usable = r && r->active && !r->closed &&
                     (r->ref.kind == DY_ENTRY_ACTOR || r->ref.kind == DY_ENTRY_AGENT);
        if (s->w[i].cmp_end >= 0) {
            /* TABARI forwards a compound as its first actor, to THEY only */
            if (usable) { out->plural = 1; out->ref = r->ref; }
            return;
        }
        if (usable && !s->w[i].deref && dy_is_head(s, i, DY_W_ACTOR)) {
            out->single = out->plural = 1;
            out->ref = r->ref;
            return;
        }
    }
}
