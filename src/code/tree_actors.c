/* tree_actors.c — source and target from the parse tree: the subject of the
 * verb's clause and the objects of its verb phrase, with passive voice. */
#include <string.h>

#include "code/actors.h"
#include "parse/lexer.h"

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

static int label_is(const dy_tnode *nd, const char *lit)
{
    size_t n = strlen(lit);
    return nd->label_len == n && !memcmp(nd->label, lit, n);
}

static int has_child(const dy_tree *t, int n, dy_tkind k)
{
    for (int c = t->nodes[n].first_child; c >= 0; c = t->nodes[c].next_sibling)
        if (t->nodes[c].kind == k) return 1;
    return 0;
}

/* PETRARCH-1's named-entity phrase ("NE") around word k: the smallest NP,
 * widened to the possessive it modifies ("Zandoria 's minister") or to the
 * one-level prepositional phrase PETRARCH reads as one phrase ("activists in
 * Zandoria"). -1 inside a coordination: its conjuncts are phrases of their own. */
static int ne_node(const dy_tree *t, int k)
{
    int np = dy_tree_tok(t, k);
    while (np >= 0 && t->nodes[np].kind != DY_T_NP) np = t->nodes[np].parent;
    if (np < 0 || has_child(t, np, DY_T_CC)) return -1;
    int p = t->nodes[np].parent;
    if (dy_tnode_is(t, p, DY_T_NP) && !has_child(t, p, DY_T_CC)) {
        int last = t->nodes[np].first_child;
        while (last >= 0 && t->nodes[last].next_sibling >= 0) last = t->nodes[last].next_sibling;
        if (last >= 0 && label_is(&t->nodes[last], "POS")) return p;
        int sib = t->nodes[np].next_sibling;
        if (t->nodes[p].first_child == np && dy_tnode_is(t, sib, DY_T_PP)) return p;
    } else if (dy_tnode_is(t, p, DY_T_PP)) {
        int g = t->nodes[p].parent;
        if (dy_tnode_is(t, g, DY_T_NP) && !has_child(t, g, DY_T_CC) &&
            dy_tnode_is(t, t->nodes[g].first_child, DY_T_NP) && t->nodes[g].first_child != p)
            return g;
    }
    return np;
}

/* Word j is directly in phrase ne: no clause or verb phrase in between. */
static int in_phrase(const dy_tree *t, int ne, int j)
{
    int q = dy_tree_tok(t, j);
    while (q >= 0 && q != ne) {
        dy_tkind k = (dy_tkind)t->nodes[q].kind;
        if (k == DY_T_SBAR || k == DY_T_VP || k == DY_T_S) return 0;
        q = t->nodes[q].parent;
    }
    return q == ne;
}

/* An agent root PETRARCH would see: its last word is the dictionary word or
 * that word with a plural ending, not a longer word ("DIPLOMATIC"). */
static const dy_agent *whole_entry(const dy_sentence *s, int index, int tail)
{
    const dy_agent *ag = &s->dict->agents[index];
    if (ag->special != DY_SPECIAL_NONE || ag->phrase.count == 0) return NULL;
    const dy_elem *e = &s->dict->elems[ag->phrase.first + ag->phrase.count - 1];
    const dy_token *tk = s->w[tail].tok;
    if (e->kind != DY_EL_WORD || tk->len < e->len) return NULL;
    size_t extra = tk->len - e->len;
    const char *x = tk->text + e->len;
    if (extra == 0 || (extra == 1 && x[0] == 'S') ||
        (extra == 2 && x[1] == 'S' && (x[0] == 'E' || x[0] == '\'')))
        return ag;
    return NULL;
}

static const dy_agent *whole_agent(const dy_sentence *s, int j)
{
    if (!dy_is_head(s, j, DY_W_AGENT)) return NULL;
    const dy_root *r = dy_root_at(s, j);
    if (!r || r->closed || r->ref.kind != DY_ENTRY_AGENT) return NULL;
    return whole_entry(s, (int)r->ref.index, r->tail);
}

/* The agent PETRARCH finds starting at word j: every word is tried, so an
 * agent inside a longer one counts too ("main opposition group" holds
 * "opposition group"). */
static const dy_agent *agent_from(const dy_code_state *cs, int j)
{
    const dy_sentence *s = cs->s;
    const dy_agent *ag = whole_agent(s, j);
    if (ag || !cs->arena) return ag;
    int tail = j, idx = dy_lex_agent_at(s, cs->arena, j, &tail);
    return idx >= 0 ? whole_entry(s, idx, tail) : NULL;
}

/* PETRARCH-1's code of an NE phrase: the actor's code with every agent of the
 * phrase in order, "~X" appended and "X~" prepended, stopping at the first
 * agent already present on a 3-letter boundary; "---" when there is no actor.
 * Returns 0 (r unchanged) when the phrase has no agent. */
static int ne_code(const dy_code_state *cs, int ne, int xa, int xb, dy_actor_ref *r)
{
    const dy_sentence *s = cs->s;
    const dy_tree *t = s->tree;
    char buf[256];
    size_t n = 0;
    const char *base = r->code && r->code[0] ? r->code : "---";
    size_t lb = strlen(base);
    if (lb >= sizeof buf) return 0;
    memcpy(buf, base, lb);
    n = lb;
    int found = 0, where = -1;
    for (int j = t->nodes[ne].tfirst; j >= 0 && j <= t->nodes[ne].tlast && j < s->n; ++j) {
        if (j >= xa && j <= xb) continue;
        const dy_agent *ag = in_phrase(t, ne, j) ? agent_from(cs, j) : NULL;
        if (!ag) continue;
        size_t lg = strlen(ag->code);
        if (lg == 0 || n + lg >= sizeof buf) continue;
        int dup = 0;
        for (size_t q = 0; q + lg <= n && !dup; q += 3) dup = !memcmp(buf + q, ag->code, lg);
        if (dup) break;
        if (ag->prefix) {
            memmove(buf + lg, buf, n);
            memcpy(buf, ag->code, lg);
        } else {
            memcpy(buf + n, ag->code, lg);
        }
        n += lg;
        if (!found) where = j;
        found = 1;
    }
    if (!found || !cs->keep) return 0;
    char *code = dy_arena_strndup(cs->keep, buf, n);   /* events outlive the sentence */
    if (!code) return 0;
    r->code = code;
    r->agent = NULL;
    r->agent_prefix = 0;
    r->agent_where = where;
    return 1;
}

/* Does NE phrase ne hold an actor? */
static int ne_has_actor(const dy_sentence *s, int ne)
{
    const dy_tree *t = s->tree;
    for (int j = t->nodes[ne].tfirst; j >= 0 && j <= t->nodes[ne].tlast && j < s->n; ++j)
        if (s->w[j].wtype == DY_W_ACTOR) return 1;
    return 0;
}

/* The actor at k with the agents of its NE phrase (tree mode). */
static void petr_actor(const dy_code_state *cs, int k, dy_actor_ref *r)
{
    const dy_sentence *s = cs->s;
    if (s->w[k].deref || r->codes || r->special != DY_SPECIAL_NONE) return;
    if (r->agent && !strcmp(r->agent, "ELI")) return;   /* FORMER */
    int ne = ne_node(s->tree, k);
    if (ne < 0) return;
    const dy_root *ar = dy_root_at(s, k);
    int tail = ar ? ar->tail : k;
    dy_actor_ref keep = *r;
    r->agent = NULL;
    if (!ne_code(cs, ne, k, tail, r)) *r = keep;
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
        if (s->w[k].wtype == DY_W_AGENT) {
            /* an NE phrase of agents alone: "---GOV" (PETRARCH) */
            int ne = whole_agent(s, k) ? ne_node(s->tree, k) : -1;
            if (ne < 0 || ne_has_actor(s, ne)) continue;
            if (owner >= 0) {
                int o = dy_tree_owner(s->tree, k);
                if (o >= 0 && o != owner) continue;
            }
            dy_actor_ref r;
            dy_actor_zero(&r);
            if (!ne_code(cs, ne, -1, -1, &r)) continue;
            r.where = r.from = k;
            if (not && !dy_actor_empty(not) && dy_actor_equal(&r, not)) continue;
            *out = r;
            return k;
        }
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
        petr_actor(cs, k, &r);
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

int dy_tree_object_np(const dy_code_state *cs, int verb)
{
    const dy_tree *t = cs->s->tree;
    const dy_root *r = dy_root_at(cs->s, verb);
    int a = (r ? r->tail : verb) + 1, b = cs->frame.vend;
    for (int n = 0; n < t->n; ++n) {
        const dy_tnode *nd = &t->nodes[n];
        if (nd->kind == DY_T_NP && label_is(nd, "NP") && nd->tfirst >= a && nd->tfirst <= b)
            return 1;
    }
    return 0;
}
