/* tree_actors.c — source and target from the parse tree: the subject of the
 * verb's clause and the objects of its verb phrase, with passive voice. */
#include <string.h>

#include "code/actors.h"

static int possessive(const dy_tree *t, int k)
{
    int n = dy_tree_tok(t, k);
    if (n < 0) return 0;
    const dy_tnode *nd = &t->nodes[n];
    return nd->label_len == 4 && nd->label[0] == 'P' && nd->label[1] == 'R' &&
           nd->label[2] == 'P' && nd->label[3] == '$';
}

/* An agent inside the actor's own noun phrase when none stands next to it:
 * "Zandoria's stern and grim minister Plum" (the possessive's NP counts as
 * part of the phrase it modifies). Nested PPs and clauses are not searched. */
static void np_agent(const dy_sentence *s, int k, dy_actor_ref *r)
{
    const dy_tree *t = s->tree;
    int np = dy_tree_tok(t, k);
    while (np >= 0 && t->nodes[np].kind != DY_T_NP) np = t->nodes[np].parent;
    if (np < 0) return;
    int p = t->nodes[np].parent;
    if (p >= 0 && t->nodes[p].kind == DY_T_NP && t->nodes[np].next_sibling >= 0) {
        int last = t->nodes[np].first_child;
        while (last >= 0 && t->nodes[last].next_sibling >= 0) last = t->nodes[last].next_sibling;
        if (last >= 0 && t->nodes[last].label_len == 3 && !memcmp(t->nodes[last].label, "POS", 3))
            np = p;
    }
    for (int j = t->nodes[np].tfirst; j >= 0 && j <= t->nodes[np].tlast && j < s->n; ++j) {
        int n = dy_tree_tok(t, j);
        int q = n;
        while (q >= 0 && q != np && t->nodes[q].kind != DY_T_PP && t->nodes[q].kind != DY_T_SBAR)
            q = t->nodes[q].parent;
        if (q != np || !dy_is_head(s, j, DY_W_AGENT)) continue;
        const dy_root *ar = dy_root_at(s, j);
        if (!ar || ar->closed || ar->ref.kind != DY_ENTRY_AGENT) continue;
        const dy_agent *ag = &s->dict->agents[ar->ref.index];
        if (ag->special != DY_SPECIAL_NONE) continue;
        r->agent = ag->code;
        r->agent_prefix = ag->prefix;
        r->agent_where = j;
        return;
    }
}

/* First actor head in words [a, b] that is not `not`; when `owner` >= 0 only
 * words of that clause count, and words [xa, xb] are left out. */
static int actor_in(const dy_code_state *cs, int a, int b, int owner, int xa, int xb,
                    const dy_actor_ref *not, dy_actor_ref *out)
{
    const dy_sentence *s = cs->s;
    if (a < 0) return -1;
    for (int k = a; k <= b && k < s->n; ++k) {
        if (k >= xa && k <= xb) continue;
        if (s->w[k].wtype != DY_W_ACTOR || !dy_is_head(s, k, DY_W_ACTOR)) continue;
        if (s->w[k].deref && possessive(s->tree, k)) continue;   /* "their credentials" */
        if (owner >= 0) {
            int o = dy_tree_owner(s->tree, k);
            if (o >= 0 && o != owner) continue;
        }
        dy_actor_ref r;
        dy_actor_codes_at(s, k, &r);
        dy_find_agent(s, k, b, &r);
        if (!r.agent && !s->w[k].deref) np_agent(s, k, &r);
        if (not && !dy_actor_empty(not) && dy_actor_equal(&r, not)) continue;
        *out = r;
        return k;
    }
    return -1;
}

static void node_range(const dy_tree *t, int n, int *a, int *b)
{
    *a = n >= 0 ? t->nodes[n].tfirst : -1;
    *b = n >= 0 ? t->nodes[n].tlast : -1;
}

int dy_tree_source(dy_code_state *cs, int verb)
{
    const dy_tframe *f = &cs->frame;
    const dy_tree *t = cs->s->tree;
    int a, b;
    (void)verb;
    node_range(t, f->passive ? f->by_np : f->subj, &a, &b);
    if (actor_in(cs, a, b, -1, -1, -1, &cs->target, &cs->source) < 0) return 0;
    cs->regular_source = 1;
    return 1;
}

int dy_tree_target(dy_code_state *cs, int verb)
{
    const dy_tframe *f = &cs->frame;
    const dy_tree *t = cs->s->tree;
    const dy_root *r = dy_root_at(cs->s, verb);
    int a, b, xa = -1, xb = -1;
    if (f->passive) {
        node_range(t, f->subj, &a, &b);
        if (actor_in(cs, a, b, -1, -1, -1, &cs->source, &cs->target) < 0) return 0;
    } else {
        a = (r ? r->tail : verb) + 1;
        b = f->vend;
        if (actor_in(cs, a, b, -1, xa, xb, &cs->source, &cs->target) < 0) {
            /* a compound source with nothing else around is its own target */
            const dy_sentence *s = cs->s;
            if (!(cs->source.codes || (cs->source.where >= 0 && s->w[cs->source.where].compound)))
                return 0;
            cs->target = cs->source;
            return 1;
        }
    }
    cs->regular_target = 1;
    return 1;
}
