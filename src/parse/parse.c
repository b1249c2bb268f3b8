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
        return c && c->special == DY_SPECIAL_DISCARD;
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
    if (tree) {
        dy_tree_compounds(s, tree);
        dy_tree_commas(s);
        if (!d->has_attrib) dy_null_subordinates(s);   /* else after attribution */
    } else {
        dy_mark_compounds(s);
        dy_mark_subordinates(s);
        if (!d->has_attrib) dy_null_subordinates(s);   /* else after attribution */
        dy_mark_clauses(s);
    }
    dy_dereference_pronouns(s);
    for (int r = 0; r < s->nroots; ++r)
        if (discard_root(s, &s->roots[r])) { s->has_discard = 1; break; }
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
