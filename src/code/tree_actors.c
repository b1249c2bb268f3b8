/* tree_actors.c — source and target from the parse tree: the subject of the
 * verb's clause and the objects of its verb phrase, with passive voice. */
#include <string.h>

#include "code/actors.h"
#include "code/pattern.h"
#include "parse/lexer.h"
#include "text/token.h"

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

/* Words a..b of a phrase node: those directly in it count (in_phrase). */
typedef struct phrase_part {
    int a, b, node;
} phrase_part;

/* PETRARCH-1's code of an NE phrase (its parts, in order): the actor's code
 * with every agent of the phrase in order, "~X" appended and "X~" prepended,
 * stopping at the first agent already present on a 3-letter boundary; "---"
 * when there is no actor. Words xa..xb (the actor's own) are left out.
 * Returns 0 (r unchanged) when the phrase has no agent. */
static int parts_code(const dy_code_state *cs, const phrase_part *pt, int npt, int xa, int xb,
                      dy_actor_ref *r)
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
    int found = 0, where = -1, stop = 0;
    for (int p = 0; p < npt && !stop; ++p) {
        for (int j = pt[p].a; j >= 0 && j <= pt[p].b && j < s->n; ++j) {
            if (j >= xa && j <= xb) continue;
            const dy_agent *ag = in_phrase(t, pt[p].node, j) ? agent_from(cs, j) : NULL;
            if (!ag) continue;
            size_t lg = strlen(ag->code);
            if (lg == 0 || n + lg >= sizeof buf) continue;
            int dup = 0;
            for (size_t q = 0; q + lg <= n && !dup; q += 3) dup = !memcmp(buf + q, ag->code, lg);
            if (dup) { stop = 1; break; }
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

static int ne_code(const dy_code_state *cs, int ne, int xa, int xb, dy_actor_ref *r)
{
    const dy_tree *t = cs->s->tree;
    phrase_part whole = {t->nodes[ne].tfirst, t->nodes[ne].tlast, ne};
    return parts_code(cs, &whole, 1, xa, xb, r);
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
    if (ne_code(cs, ne, k, tail, r)) return;
    *r = keep;
    /* an agent outside the phrase is not the actor's (PETRARCH) */
    const dy_tree *t = s->tree;
    if (r->agent && r->agent_where >= 0 &&
        (r->agent_where < t->nodes[ne].tfirst || r->agent_where > t->nodes[ne].tlast)) {
        r->agent = NULL;
        r->agent_prefix = 0;
        r->agent_where = -1;
    }
}

/* ------------------------------------------------------------ compounds */

/* Nodes n .. end-1 are n and its descendants (parents come first). */
static int subtree_end(const dy_tree *t, int n)
{
    int m = n + 1;
    while (m < t->n && t->nodes[m].parent >= n) ++m;
    return m;
}

/* PETRARCH-1's compound noun phrase: a noun phrase with a conjunction, no
 * clause or verb phrase inside, no second conjunction (nested coordination is
 * left alone), and at least three noun tags with its own ("big and small
 * states" is no compound). */
static int compound_np(const dy_tree *t, int c)
{
    if (!dy_tnode_is(t, c, DY_T_NP) || !has_child(t, c, DY_T_CC)) return 0;
    int ncc = 0, nouns = 0;
    for (int m = c, e = subtree_end(t, c); m < e; ++m) {
        dy_tkind k = (dy_tkind)t->nodes[m].kind;
        if (k == DY_T_VP || k == DY_T_S || k == DY_T_SBAR) return 0;
        ncc += k == DY_T_CC;
        nouns += t->nodes[m].label_len > 0 && t->nodes[m].label[0] == 'N';
    }
    return ncc == 1 && nouns >= 3;
}

/* The compound noun phrase word k is a conjunct of, or -1: the nearest noun
 * phrase with a conjunction above it, reached through noun and prepositional
 * phrases ("the cabinet of Korvalia" in "Meridon and the cabinet of
 * Korvalia"). */
static int compound_of(const dy_tree *t, int k)
{
    int n = dy_tree_tok(t, k);
    for (int p = n >= 0 ? t->nodes[n].parent : -1; p >= 0; p = t->nodes[p].parent) {
        dy_tkind kd = (dy_tkind)t->nodes[p].kind;
        if (kd == DY_T_NP && has_child(t, p, DY_T_CC)) return compound_np(t, p) ? p : -1;
        if (kd != DY_T_NP && kd != DY_T_PP && kd != DY_T_OTHER) return -1;
    }
    return -1;
}

#define DY_CONJUNCTS 8

/* The conjuncts of compound c (children split at the conjunction and
 * commas), each a part of c; returns how many. Adjectives before the first
 * noun apply to every conjunct ("Zandorian media and government"): *adj is
 * that part, a = -1 when there is none. */
static int conjuncts(const dy_tree *t, int c, phrase_part *out, phrase_part *adj)
{
    int n = 0, a = -1, b = -1, noun_seen = 0;
    adj->a = adj->b = -1;
    adj->node = c;
    for (int ch = t->nodes[c].first_child;; ch = t->nodes[ch].next_sibling) {
        int sep = ch < 0 || t->nodes[ch].kind == DY_T_CC || t->nodes[ch].kind == DY_T_COMMA;
        if (sep) {
            if (a >= 0 && n < DY_CONJUNCTS) out[n++] = (phrase_part){a, b, c};
            a = b = -1;
            if (ch < 0) break;
            continue;
        }
        const dy_tnode *nd = &t->nodes[ch];
        if (nd->tfirst < 0) continue;
        if (a < 0) a = nd->tfirst;
        b = nd->tlast;
        if (nd->label_len > 0 && nd->label[0] == 'N') noun_seen = 1;
        if (!noun_seen && n == 0 && nd->label_len >= 2 && nd->label[0] == 'J' && nd->label[1] == 'J') {
            if (adj->a < 0) adj->a = nd->tfirst;
            adj->b = nd->tlast;
        }
    }
    return n;
}

/* The words PETRARCH reads as one phrase with compound c: "ambassadors of"
 * in "the ambassadors of A and B" (c after a preposition), "in Zandoria" in
 * "A and B in Zandoria" (c before one). The phrase node of those words, or -1. */
static int compound_context(const dy_tree *t, int c)
{
    int p = t->nodes[c].parent;
    if (dy_tnode_is(t, p, DY_T_PP)) {
        int g = t->nodes[p].parent, f = dy_tnode_is(t, g, DY_T_NP) ? t->nodes[g].first_child : -1;
        if (f != p && dy_tnode_is(t, f, DY_T_NP)) return f;
    } else if (dy_tnode_is(t, p, DY_T_NP) && t->nodes[p].first_child == c) {
        int pp = t->nodes[c].next_sibling;
        if (!dy_tnode_is(t, pp, DY_T_PP)) return -1;
        for (int ch = t->nodes[pp].first_child; ch >= 0; ch = t->nodes[ch].next_sibling)
            if (dy_tnode_is(t, ch, DY_T_NP)) return ch;
    }
    return -1;
}

/* Preterminal m lies directly in phrase ne: no clause or verb phrase between. */
static int node_in_phrase(const dy_tree *t, int ne, int m)
{
    for (int q = m; q >= 0; q = t->nodes[q].parent) {
        if (q == ne) return 1;
        dy_tkind k = (dy_tkind)t->nodes[q].kind;
        if (k == DY_T_SBAR || k == DY_T_VP || k == DY_T_S) return 0;
    }
    return 0;
}

/* PETRARCH-1's new actor (new_actor_length N > 0): an uncoded noun phrase of
 * at most N words stands for itself, its words in quotes ("THE QUILL GUILD"); the
 * possessive 's is not a word of it. Parts in text order. 0 when off, too
 * long or empty. */
static int new_actor(const dy_code_state *cs, const phrase_part *pt, int npt, dy_actor_ref *r)
{
    int maxw = cs->opt->new_actor_length;
    const dy_tree *t = cs->s->tree;
    if (maxw <= 0 || !cs->keep) return 0;
    char buf[256];
    size_t n = 0;
    int words = 0, first = -1;
    buf[n++] = '"';
    for (int p = 0; p < npt; ++p) {
        if (pt[p].node < 0 || pt[p].a < 0) continue;
        for (int m = pt[p].node, e = subtree_end(t, pt[p].node); m < e; ++m) {
            const dy_tnode *nd = &t->nodes[m];
            if (nd->leaf < 0 || nd->tfirst < pt[p].a || nd->tfirst > pt[p].b) continue;
            if (label_is(nd, "POS") || !node_in_phrase(t, pt[p].node, m)) continue;
            const dy_tleaf *lf = &t->leaves[nd->leaf];
            char w[64];
            size_t lw = dy_fold_word(lf->text, lf->len, w, sizeof w);
            if (lw == 0 || n + lw + 2 >= sizeof buf || ++words > maxw) return 0;
            if (words > 1) buf[n++] = ' ';
            memcpy(buf + n, w, lw);
            n += lw;
            if (first < 0) first = nd->tfirst;
        }
    }
    if (words == 0) return 0;
    buf[n++] = '"';
    const char *code = dy_arena_strndup(cs->keep, buf, n);
    if (!code) return 0;
    dy_actor_zero(r);
    r->code = code;
    r->where = r->from = first;
    return 1;
}

/* The new actor of the noun phrase PETRARCH reads around word k, when that
 * phrase starts at word `from` or later. */
static int new_actor_at(const dy_code_state *cs, int k, int from, dy_actor_ref *r)
{
    const dy_tree *t = cs->s->tree;
    if (cs->opt->new_actor_length <= 0 || k < 0) return 0;
    int ne = ne_node(t, k);
    if (ne < 0 || !label_is(&t->nodes[ne], "NP") || t->nodes[ne].tfirst < from)
        return 0;   /* not NP-TMP */
    phrase_part whole = {t->nodes[ne].tfirst, t->nodes[ne].tlast, ne};
    return new_actor(cs, &whole, 1, r);
}

/* A conjunct's code: the first actor of its words (in order), then their
 * agents as in parts_code. 0 when it names neither an actor nor an agent. */
static int member_code(const dy_code_state *cs, phrase_part *pt, int npt, dy_actor_ref *r)
{
    const dy_sentence *s = cs->s;
    const dy_tree *t = s->tree;
    for (int i = 1; i < npt; ++i)     /* text order */
        for (int j = i; j > 0 && pt[j].a < pt[j - 1].a; --j) {
            phrase_part x = pt[j];
            pt[j] = pt[j - 1];
            pt[j - 1] = x;
        }
    dy_actor_zero(r);
    int head = -1, tail = -1;
    for (int p = 0; p < npt && head < 0; ++p)
        for (int j = pt[p].a; j >= 0 && j <= pt[p].b && j < s->n && head < 0; ++j)
            if (s->w[j].wtype == DY_W_ACTOR && dy_is_head(s, j, DY_W_ACTOR) && !s->w[j].deref &&
                in_phrase(t, pt[p].node, j))
                head = j;
    if (head >= 0) {
        dy_actor_codes_at(s, head, r);
        const dy_root *ar = dy_root_at(s, head);
        tail = ar ? ar->tail : head;
        if (r->codes || r->special != DY_SPECIAL_NONE) return 1;
    }
    if (parts_code(cs, pt, npt, head, tail, r)) {
        if (head < 0) r->where = r->from = r->agent_where;
        return 1;
    }
    return head >= 0 || new_actor(cs, pt, npt, r);
}

int dy_tree_members(const dy_code_state *cs, const dy_actor_ref *r, dy_actor_ref *out, int max)
{
    const dy_sentence *s = cs->s;
    const dy_tree *t = s->tree;
    if (!t || r->where < 0 || r->where >= s->n || s->w[r->where].deref || r->codes) return 0;
    int c = compound_of(t, r->where);
    if (c < 0) return 0;
    phrase_part conj[DY_CONJUNCTS], adj, ctx[DY_CONJUNCTS], ctx_adj = {-1, -1, -1};
    int nc = conjuncts(t, c, conj, &adj);
    /* the words read with the compound; a compound themselves, they cross it */
    int x = compound_context(t, c), nx = 0;
    if (x >= 0 && compound_np(t, x)) nx = conjuncts(t, x, ctx, &ctx_adj);
    else if (x >= 0) ctx[nx++] = (phrase_part){t->nodes[x].tfirst, t->nodes[x].tlast, x};
    int n = 0;
    for (int i = 0; i < nc; ++i) {
        for (int j = 0; j < (nx ? nx : 1) && n < max; ++j) {
            phrase_part pt[4];
            int np = 0;
            pt[np++] = conj[i];
            if (i > 0 && adj.a >= 0) pt[np++] = adj;
            if (nx) pt[np++] = ctx[j];
            if (j > 0 && ctx_adj.a >= 0) pt[np++] = ctx_adj;
            if (member_code(cs, pt, np, &out[n])) ++n;
        }
    }
    return n;
}

/* The member of a compound that agent word k stands for. */
static int conjunct_at(const dy_code_state *cs, int k, dy_actor_ref *r)
{
    dy_actor_ref at, m[DY_TREE_MEMBERS];
    dy_actor_zero(&at);
    at.where = at.from = k;
    int n = dy_tree_members(cs, &at, m, DY_TREE_MEMBERS);
    if (n == 0) return 0;
    *r = m[0];
    for (int i = 0; i < n; ++i)
        if (m[i].where == k) *r = m[i];
    return 1;
}

void dy_tree_actor_at(const dy_code_state *cs, int k, int end, dy_actor_ref *r)
{
    const dy_sentence *s = cs->s;
    dy_actor_codes_at(s, k, r);
    dy_find_agent(s, k, end, r);
    if (!r->agent && !s->w[k].deref) np_agent(s, k, r);
    petr_actor(cs, k, r);
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
            int whole = whole_agent(s, k) != NULL;
            int ne = whole ? ne_node(s->tree, k) : -1;
            if (ne >= 0 && ne_has_actor(s, ne)) continue;
            if (ne < 0 && !(whole && compound_of(s->tree, k) >= 0)) continue;
            if (owner >= 0) {
                int o = dy_tree_owner(s->tree, k);
                if (o >= 0 && o != owner) continue;
            }
            dy_actor_ref r;
            dy_actor_zero(&r);
            if (ne >= 0) {
                if (!ne_code(cs, ne, -1, -1, &r)) continue;
                r.where = r.from = k;
            } else if (!conjunct_at(cs, k, &r)) {
                continue;   /* agents in a flat compound: "envoys and ministers" */
            }
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
        dy_tree_actor_at(cs, k, b, &r);
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

/* The last noun phrase set off by a comma in noun phrase np ("A and B, the X
 * newspaper"), or -1. */
static int last_apposition(const dy_tree *t, int np)
{
    if (!dy_tnode_is(t, np, DY_T_NP) || has_child(t, np, DY_T_CC)) return -1;
    int last = -1, after_comma = 0;
    for (int c = t->nodes[np].first_child; c >= 0; c = t->nodes[c].next_sibling) {
        if (t->nodes[c].kind == DY_T_COMMA) after_comma = 1;
        else if (after_comma && t->nodes[c].kind == DY_T_NP) last = c;
        else after_comma = 0;
    }
    return last;
}

/* Source: the subject; in an apposition the part next to the verb when it
 * holds an actor (PETRARCH looks back from the verb only to a comma). */
int dy_tree_source(dy_code_state *cs, int verb)
{
    const dy_tframe *f = &cs->frame;
    const dy_tree *t = cs->s->tree;
    int a, b;
    node_range(t, f->passive ? f->by_np : f->subj, &a, &b);
    int last = f->passive ? -1 : last_apposition(t, f->subj);
    if (last >= 0 && actor_in(cs, t->nodes[last].tfirst, t->nodes[last].tlast, -1, -1, -1,
                              &cs->target, &cs->source) >= 0) {
        cs->regular_source = 1;
        return 1;
    }
    if (actor_in(cs, a, b, -1, -1, -1, &cs->target, &cs->source) < 0) {
        /* the pattern made the subject its target ("HINTED + *"): the source
         * is the first actor before it, as PETRARCH's search before the verb */
        int tw = cs->target.where;
        if (tw < 0 || tw >= verb || tw < a || tw > b ||
            actor_in(cs, 0, tw - 1, -1, -1, -1, &cs->target, &cs->source) < 0) {
            if (!new_actor_at(cs, a, a, &cs->source)) return 0;
        }
    }
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
        if (actor_in(cs, a, b, -1, -1, -1, &cs->source, &cs->target) < 0 &&
            !new_actor_at(cs, a, a, &cs->target))
            return 0;
    } else {
        a = (r ? r->tail : verb) + 1;
        b = f->vend;
        if (actor_in(cs, a, b, -1, xa, xb, &cs->source, &cs->target) < 0) {
            /* PETRARCH: the first noun phrase after the verb, as a new actor */
            for (int k = a; k <= b && cs->opt->new_actor_length > 0; ++k) {
                int first, last;
                if (!dy_tree_np_around(t, k, &first, &last) || first < a) continue;
                if (new_actor_at(cs, k, a, &cs->target)) {
                    cs->regular_target = 1;
                    return 1;
                }
                break;
            }
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
