/* tree_clause.c — clause ownership and verb frames from a Treebank parse:
 * the subject of a verb's clause, passive voice and its "by" agent. */
#include <string.h>

#include "parse/tree.h"

static int kind(const dy_tree *t, int n) { return n >= 0 ? t->nodes[n].kind : -1; }

/* An S whose children include a noun phrase before its verb phrase. */
static int subject_of_s(const dy_tree *t, int s, int before)
{
    int np = -1;
    for (int c = t->nodes[s].first_child; c >= 0 && c != before; c = t->nodes[c].next_sibling) {
        int k = kind(t, c);
        if ((k == DY_T_NP || k == DY_T_WH) && np < 0 && t->nodes[c].tfirst >= 0) np = c;
        if (k == DY_T_VP) break;
    }
    return np;
}

static int has_vp_child(const dy_tree *t, int s)
{
    for (int c = t->nodes[s].first_child; c >= 0; c = t->nodes[c].next_sibling)
        if (kind(t, c) == DY_T_VP) return 1;
    return 0;
}

static int has_cc_child(const dy_tree *t, int n)
{
    for (int c = t->nodes[n].first_child; c >= 0; c = t->nodes[c].next_sibling)
        if (kind(t, c) == DY_T_CC) return 1;
    return 0;
}

static int is_clause(const dy_tree *t, int n)
{
    int k = kind(t, n);
    if (k == DY_T_ROOT || k == DY_T_SBAR) return 1;
    if (k != DY_T_S) return 0;
    if (t->nodes[n].parent < 0 || kind(t, t->nodes[n].parent) == DY_T_ROOT) return 1;
    return has_vp_child(t, n) && subject_of_s(t, n, -1) >= 0;
}

void dy_tree_clauses(dy_tree *t)
{
    for (int n = 0; n < t->n; ++n) {     /* parents first */
        int p = t->nodes[n].parent;
        t->nodes[n].clause = is_clause(t, n) ? n : p >= 0 ? t->nodes[p].clause : n;
    }
}

int dy_tree_owner(const dy_tree *t, int tok)
{
    int n = dy_tree_tok(t, tok);
    return n >= 0 ? t->nodes[n].clause : -1;
}

/* First NP child of `p` before child `stop`. */
static int np_before(const dy_tree *t, int p, int stop)
{
    for (int c = t->nodes[p].first_child; c >= 0 && c != stop; c = t->nodes[c].next_sibling)
        if (kind(t, c) == DY_T_NP && t->nodes[c].tfirst >= 0) return c;
    return -1;
}

static int leaf_is(const dy_tree *t, int node, const char *const *words)
{
    int l = node >= 0 ? t->nodes[node].leaf : -1;
    if (l < 0) return 0;
    const dy_tleaf *lf = &t->leaves[l];
    for (int k = 0; words[k]; ++k) {
        size_t n = strlen(words[k]);
        if (n != lf->len) continue;
        size_t j = 0;
        while (j < n && (lf->text[j] | 0x20) == words[k][j]) ++j;
        if (j == n) return 1;
    }
    return 0;
}

static const char *const by_words[] = {"by", NULL};
static const char *const be_words[] = {"be", "is", "are", "was", "were", "been", "being", "am",
                                       "'s", "'re", "get", "gets", "got", "gotten", "getting", NULL};

/* Is a BE/GET verb a child of one of the VPs from `vp` up to `top`? */
static int be_aux(const dy_tree *t, int vp, int top, int verb)
{
    for (int n = vp; n >= 0; n = t->nodes[n].parent) {
        for (int c = t->nodes[n].first_child; c >= 0; c = t->nodes[c].next_sibling)
            if (c != verb && kind(t, c) == DY_T_VERB && leaf_is(t, c, be_words)) return 1;
        if (n == top) break;
    }
    return 0;
}

/* The NP of a "by" phrase that is a child of vp (or of an adverb phrase
 * child of it), or -1. */
static int by_agent(const dy_tree *t, int vp)
{
    for (int c = t->nodes[vp].first_child; c >= 0; c = t->nodes[c].next_sibling) {
        int pp = -1;
        if (kind(t, c) == DY_T_PP) pp = c;
        else if (kind(t, c) == DY_T_OTHER && t->nodes[c].first_child >= 0)
            for (int g = t->nodes[c].first_child; g >= 0 && pp < 0; g = t->nodes[g].next_sibling)
                if (kind(t, g) == DY_T_PP) pp = g;
        if (pp < 0) continue;
        int in = t->nodes[pp].first_child;
        if (in >= 0 && leaf_is(t, in, by_words)) return np_before(t, pp, -1);
    }
    return -1;
}

/* A clause without a subject coordinated after one with a subject ("A
 * launched X and shelling Y") shares it: the subject of the nearest clause
 * before s under a parent clause with a conjunction, or -1. */
static int shared_subject(const dy_tree *t, int s)
{
    int g = t->nodes[s].parent;
    if (kind(t, g) != DY_T_S || !has_cc_child(t, g)) return -1;
    int subj = -1;
    for (int c = t->nodes[g].first_child; c >= 0 && c != s; c = t->nodes[c].next_sibling)
        if (kind(t, c) == DY_T_S) {
            int np = subject_of_s(t, c, -1);
            if (np >= 0) subj = np;
        }
    return subj;
}

int dy_tree_frame(const dy_tree *t, int tok, dy_tframe *f)
{
    memset(f, 0xff, sizeof *f);     /* every field -1 */
    f->passive = f->voice_passive = 0;
    int v = dy_tree_tok(t, tok);
    if (v < 0 || kind(t, v) != DY_T_VERB) return 0;
    int vp = t->nodes[v].parent;
    if (kind(t, vp) != DY_T_VP) return 0;
    f->verb = v;
    f->vp = vp;
    f->vend = t->nodes[vp].tlast;
    int top = vp;
    f->unit = -1;
    while (kind(t, t->nodes[top].parent) == DY_T_VP) {
        if (f->unit < 0 && has_cc_child(t, t->nodes[top].parent)) f->unit = top;
        top = t->nodes[top].parent;
    }

    /* passive: a past participle with a "by" agent (also inside an adverb
     * phrase: "opposed earlier by X"); without one the verb is coded as active */
    if (t->nodes[v].vbn) f->by_np = by_agent(t, vp);
    f->passive = f->by_np >= 0;
    f->voice_passive = f->passive || (t->nodes[v].vbn && be_aux(t, vp, top, v));

    /* the subject: climb through VPs and subject-less clauses (to-infinitives,
     * participles) to the nearest clause that names one */
    int n = top;
    for (int guard = 0; guard < t->n && f->subj < 0; ++guard) {
        int p = t->nodes[n].parent;
        if (p < 0) break;
        int k = kind(t, p);
        if (k == DY_T_S) {
            f->subj = subject_of_s(t, p, n);
            if (f->subj < 0) f->subj = shared_subject(t, p);
        } else if (k == DY_T_SBAR && kind(t, t->nodes[p].parent) == DY_T_NP) {
            f->subj = np_before(t, t->nodes[p].parent, p);     /* relative clause */
            if (f->subj < 0) break;
        } else if (k == DY_T_NP) {
            f->subj = np_before(t, p, n);                        /* reduced relative */
            if (f->subj < 0) break;
        }
        n = p;
    }
    f->clause = t->nodes[v].clause;
    if (f->clause >= 0) {
        f->cstart = t->nodes[f->clause].tfirst;
        f->cend = t->nodes[f->clause].tlast;
    }
    if (f->unit < 0) f->unit = f->clause;
    return 1;
}
