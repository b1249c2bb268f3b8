/* treebank.c — reads Penn Treebank bracketings (CoreNLP, Stanza) without
 * recursion, and aligns the tree's leaves with dyad's own tokens by position. */
#include <stdio.h>
#include <string.h>

#include "parse/treebank.h"

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
static int is_atom(char c) { return c != '(' && c != ')' && !is_space(c); }

static int fail(char *why, size_t whylen, const char *msg, size_t at)
{
    if (why && whylen) snprintf(why, whylen, "%s (at byte %zu of the parse)", msg, at);
    return -1;
}

static int label_is(const char *l, size_t n, const char *s)
{
    return strlen(s) == n && memcmp(l, s, n) == 0;
}

/* Phrase class of a label; function tags (NP-SBJ, S-TPC-1) are dropped. */
static void classify(dy_tnode *nd)
{
    const char *l = nd->label;
    size_t n = nd->label_len;
    if (n > 1 && l[0] != '-') {
        for (size_t k = 1; k < n; ++k)
            if (l[k] == '-' || l[k] == '=') { n = k; break; }
    }
    uint8_t k = DY_T_OTHER;
    if (n == 0 || label_is(l, n, "ROOT") || label_is(l, n, "TOP")) k = DY_T_ROOT;
    else if (label_is(l, n, "S") || label_is(l, n, "SINV") || label_is(l, n, "SQ") ||
             label_is(l, n, "SBARQ")) k = DY_T_S;
    else if (label_is(l, n, "SBAR")) k = DY_T_SBAR;
    else if (label_is(l, n, "NP") || label_is(l, n, "NX") || label_is(l, n, "NML")) k = DY_T_NP;
    else if (n > 2 && l[0] == 'W' && l[1] == 'H') k = DY_T_WH;
    else if (label_is(l, n, "VP")) k = DY_T_VP;
    else if (label_is(l, n, "PP")) k = DY_T_PP;
    else if (label_is(l, n, "PRN")) k = DY_T_PRN;
    else if (label_is(l, n, "UCP")) k = DY_T_UCP;
    else if (n >= 2 && l[0] == 'V' && l[1] == 'B' && n <= 3) {
        k = DY_T_VERB;
        nd->vbn = n == 3 && l[2] == 'N';
    } else if (label_is(l, n, "MD")) k = DY_T_MD;
    else if (label_is(l, n, "CC")) k = DY_T_CC;
    else if (label_is(l, n, "IN") || label_is(l, n, "TO")) k = DY_T_IN;
    else if (label_is(l, n, ",") || label_is(l, n, ":")) k = DY_T_COMMA;
    else if (label_is(l, n, ".") || label_is(l, n, "``") || label_is(l, n, "''") ||
             label_is(l, n, "-LRB-") || label_is(l, n, "-RRB-") || label_is(l, n, "HYPH") ||
             label_is(l, n, "#") || label_is(l, n, "$")) k = DY_T_PUNCT;
    nd->kind = k;
}

int dy_tree_parse(dy_arena *a, const char *src, size_t len, dy_tree *t, char *why, size_t whylen)
{
    memset(t, 0, sizeof *t);
    size_t nopen = 0, natoms = 0;
    for (size_t i = 0; i < len; ++i) {
        if (src[i] == '(') ++nopen;
        else if (is_atom(src[i]) && (i == 0 || !is_atom(src[i - 1]))) ++natoms;
    }
    if (nopen == 0) return fail(why, whylen, "empty parse", 0);
    if (nopen > 1000000 || natoms > 1000000) return fail(why, whylen, "parse too large", 0);
    t->nodes = dy_arena_alloc(a, nopen * sizeof *t->nodes);
    t->leaves = dy_arena_alloc(a, (natoms + 1) * sizeof *t->leaves);
    int *stack = dy_arena_alloc(a, nopen * sizeof *stack);
    int *lastc = dy_arena_alloc(a, nopen * sizeof *lastc);
    if (!t->nodes || !t->leaves || !stack || !lastc) return fail(why, whylen, "out of memory", 0);

    int depth = 0;
    size_t i = 0;
    while (i < len) {
        char c = src[i];
        if (is_space(c)) { ++i; continue; }
        if (c == '(') {
            if (depth == 0 && t->n > 0) return fail(why, whylen, "text after the end of the tree", i);
            int id = t->n++;
            dy_tnode *nd = &t->nodes[id];
            memset(nd, 0, sizeof *nd);
            nd->parent = depth ? stack[depth - 1] : -1;
            nd->first_child = nd->next_sibling = nd->leaf = -1;
            nd->tfirst = nd->tlast = -1;
            nd->clause = -1;
            if (depth) {
                int p = stack[depth - 1];
                if (lastc[depth - 1] < 0) t->nodes[p].first_child = id;
                else t->nodes[lastc[depth - 1]].next_sibling = id;
                lastc[depth - 1] = id;
            }
            ++i;
            while (i < len && is_space(src[i])) ++i;
            size_t l0 = i;
            while (i < len && is_atom(src[i])) ++i;
            nd->label = src + l0;
            nd->label_len = (uint16_t)(i - l0 > 0xFFFF ? 0xFFFF : i - l0);
            classify(nd);
            stack[depth] = id;
            lastc[depth] = -1;
            ++depth;
        } else if (c == ')') {
            if (depth == 0) return fail(why, whylen, "unbalanced ')'", i);
            --depth;
            ++i;
        } else {
            size_t w0 = i;
            while (i < len && is_atom(src[i])) ++i;
            if (depth == 0) return fail(why, whylen, "word outside brackets", w0);
            int top = stack[depth - 1];
            dy_tleaf *lf = &t->leaves[t->nleaves];
            lf->text = src + w0;
            lf->len = (uint32_t)(i - w0);
            lf->node = top;
            lf->start = lf->end = 0;
            if (t->nodes[top].leaf < 0 && t->nodes[top].first_child < 0) {
                t->nodes[top].leaf = t->nleaves;
                if (t->nodes[top].kind == DY_T_OTHER) t->nodes[top].kind = DY_T_WORD;
            }
            ++t->nleaves;
        }
    }
    if (depth != 0) return fail(why, whylen, "unbalanced '(': the parse ends inside a bracket", len);
    if (t->nleaves == 0) return fail(why, whylen, "parse has no words", 0);
    return 0;
}

/* ------------------------------------------------------------ alignment */

#define DY_ALIGN_WINDOW 48   /* bytes a leaf may be searched ahead of the cursor */

static int is_quote_leaf(const char *s, size_t n)
{
    return (n == 2 && ((s[0] == '`' && s[1] == '`') || (s[0] == '\'' && s[1] == '\''))) ||
           (n == 1 && (s[0] == '"' || s[0] == '`' || s[0] == '\''));
}

/* Length of a quote character at text[p] (ASCII or typographic), else 0. */
static size_t quote_at(const char *x, size_t p, size_t end)
{
    unsigned char c = (unsigned char)x[p];
    if (c == '"') return 1;
    if (c == '`' || c == '\'') return p + 1 < end && x[p + 1] == x[p] ? 2 : 1;
    if (c == 0xE2 && p + 2 < end && (unsigned char)x[p + 1] == 0x80) {
        unsigned char d = (unsigned char)x[p + 2];
        if (d == 0x98 || d == 0x99 || d == 0x9C || d == 0x9D) return 3;
    }
    if (c == 0xC2 && p + 1 < end && ((unsigned char)x[p + 1] == 0xAB || (unsigned char)x[p + 1] == 0xBB))
        return 2;
    return 0;
}

/* The text a leaf stands for: -LRB- is '(', backslash escapes dropped. */
static size_t unescape(const char *s, size_t n, char *out, size_t cap)
{
    static const struct { const char *esc; char ch; } map[] = {
        {"-LRB-", '('}, {"-RRB-", ')'}, {"-LSB-", '['}, {"-RSB-", ']'},
        {"-LCB-", '{'}, {"-RCB-", '}'},
    };
    for (size_t k = 0; k < sizeof map / sizeof map[0]; ++k)
        if (n == 5 && memcmp(s, map[k].esc, 5) == 0) { out[0] = map[k].ch; return 1; }
    size_t o = 0;
    for (size_t k = 0; k < n && o < cap; ++k) {
        if (s[k] == '\\' && k + 1 < n) continue;
        out[o++] = s[k];
    }
    return o;
}

static char up(char c) { return c >= 'a' && c <= 'z' ? (char)(c - 32) : c; }

static size_t match_at(const char *x, size_t p, size_t end, const char *w, size_t n, int quote)
{
    if (quote) return quote_at(x, p, end);
    if (p + n > end) return 0;
    for (size_t k = 0; k < n; ++k)
        if (up(x[p + k]) != up(w[k])) return 0;
    return n;
}

int dy_tree_align(dy_arena *a, dy_tree *t, const char *text, size_t start, size_t end,
                  const dy_tokens *toks, char *why, size_t whylen)
{
    size_t cur = start;
    char buf[128];
    t->unaligned = 0;
    for (int l = 0; l < t->nleaves; ++l) {
        dy_tleaf *lf = &t->leaves[l];
        int quote = is_quote_leaf(lf->text, lf->len);
        size_t n = unescape(lf->text, lf->len, buf, sizeof buf);
        while (cur < end && is_space(text[cur])) ++cur;
        lf->start = lf->end = cur;
        size_t got = 0, p = cur;
        /* at the cursor first; then a little further on (dropped characters) */
        for (; p < end && p < cur + DY_ALIGN_WINDOW; ++p)
            if ((got = match_at(text, p, end, buf, n, quote)) > 0) break;
        if (got == 0 || n == 0) { ++t->unaligned; continue; }
        lf->start = p;
        lf->end = p + got;
        cur = p + got;
    }

    t->ntok = (int)toks->n;
    t->tok_node = dy_arena_alloc(a, (toks->n + 1) * sizeof *t->tok_node);
    int *lf_first = dy_arena_alloc(a, (size_t)t->nleaves * sizeof *lf_first);
    int *lf_last = dy_arena_alloc(a, (size_t)t->nleaves * sizeof *lf_last);
    if (!t->tok_node || !lf_first || !lf_last) {
        if (why && whylen) snprintf(why, whylen, "out of memory");
        return -1;
    }
    for (int l = 0; l < t->nleaves; ++l) lf_first[l] = lf_last[l] = -1;
    int aligned = 0, j = 0;
    for (int i = 0; i < t->ntok; ++i) {
        const dy_token *tk = &toks->v[i];
        t->tok_node[i] = -1;
        while (j < t->nleaves &&
               (t->leaves[j].start == t->leaves[j].end || t->leaves[j].end <= tk->start))
            ++j;
        for (int k = j; k < t->nleaves && t->leaves[k].start < tk->end; ++k) {
            const dy_tleaf *lf = &t->leaves[k];
            if (lf->start == lf->end || lf->end <= tk->start) continue;
            if (t->tok_node[i] < 0) { t->tok_node[i] = lf->node; ++aligned; }
            if (lf_first[k] < 0) lf_first[k] = i;
            lf_last[k] = i;
        }
    }
    for (int l = 0; l < t->nleaves; ++l) {
        if (lf_first[l] < 0) continue;
        dy_tnode *nd = &t->nodes[t->leaves[l].node];
        if (nd->tfirst < 0 || lf_first[l] < nd->tfirst) nd->tfirst = lf_first[l];
        if (lf_last[l] > nd->tlast) nd->tlast = lf_last[l];
    }
    /* children come after their parents: one backward sweep spreads the ranges */
    for (int k = t->n - 1; k > 0; --k) {
        const dy_tnode *c = &t->nodes[k];
        if (c->tfirst < 0 || c->parent < 0) continue;
        dy_tnode *p = &t->nodes[c->parent];
        if (p->tfirst < 0 || c->tfirst < p->tfirst) p->tfirst = c->tfirst;
        if (c->tlast > p->tlast) p->tlast = c->tlast;
    }
    if (t->ntok > 0 && aligned * 2 < t->ntok) {
        if (why && whylen)
            snprintf(why, whylen, "parse does not match the sentence text (%d of %d words found)",
                     aligned, t->ntok);
        return -1;
    }
    return 0;
}
