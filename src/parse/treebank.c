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

/* A letter or digit (any byte of a multi-byte character counts as a letter). */
static int is_word_char(unsigned char c)
{
    return (c >= '0' && c <= '9') || (up((char)c) >= 'A' && up((char)c) <= 'Z') || c >= 0x80;
}

/* Does text[p] go on with a word that began before p? */
static int inside_word(const char *x, size_t p, size_t start)
{
    return p > start && is_word_char((unsigned char)x[p - 1]);
}

/* Finds each leaf in the text, in order, from a cursor. */
static void place_leaves(dy_tree *t, const char *text, size_t start, size_t end)
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
        /* at the cursor first; then a little further on (dropped characters),
         * where a word leaf must start a word: "on" is not the end of "Meridon" */
        int word = n > 0 && is_word_char((unsigned char)buf[0]);
        for (; p < end && p < cur + DY_ALIGN_WINDOW; ++p) {
            if (p > cur && word && inside_word(text, p, start)) continue;
            if ((got = match_at(text, p, end, buf, n, quote)) > 0) break;
        }
        if (got == 0 || n == 0) { ++t->unaligned; continue; }
        lf->start = p;
        lf->end = p + got;
        cur = p + got;
    }
}

/* Per token, the first and last leaf it overlaps (-1 for none). */
static void cover(const dy_tree *t, const dy_tokens *toks, int *first, int *last)
{
    int j = 0;
    for (size_t i = 0; i < toks->n; ++i) {
        const dy_token *tk = &toks->v[i];
        first[i] = last[i] = -1;
        while (j < t->nleaves &&
               (t->leaves[j].start == t->leaves[j].end || t->leaves[j].end <= tk->start))
            ++j;
        for (int k = j; k < t->nleaves && t->leaves[k].start < tk->end; ++k) {
            const dy_tleaf *lf = &t->leaves[k];
            if (lf->start == lf->end || lf->end <= tk->start) continue;
            if (first[i] < 0) first[i] = k;
            last[i] = k;
        }
    }
}

static int leaf_found(const dy_tleaf *lf) { return lf->end > lf->start; }

/* A leaf that stands for a word, not only punctuation. */
static int leaf_is_word(const dy_tleaf *lf)
{
    char buf[128];
    size_t n = unescape(lf->text, lf->len, buf, sizeof buf);
    for (size_t k = 0; k < n; ++k)
        if (is_word_char((unsigned char)buf[k])) return 1;
    return 0;
}

static int token_is_word(const dy_token *tk)
{
    for (uint32_t k = 0; k < tk->len; ++k)
        if (is_word_char((unsigned char)tk->text[k])) return 1;
    return 0;
}

/* PETRARCH codes the words of the parse, not those of the text: when they
 * differ (a <Text> edited after parsing), the sentence's words become the
 * parse's. Text tokens that no leaf covers are dropped; a word leaf not found
 * in the text becomes tokens of its own, with an empty span where it would
 * stand. Returns 1 when *toks was replaced (first/last then describe the new
 * tokens), 0 when the words agree, -1 when out of memory. */
static int parse_words(dy_arena *a, const dy_tree *t, dy_tokens *toks, size_t max_tokens,
                       int **first, int **last)
{
    int mismatch = 0;
    for (size_t i = 0; i < toks->n && !mismatch; ++i)
        mismatch = (*first)[i] < 0 && token_is_word(&toks->v[i]);
    for (int l = 0; l < t->nleaves && !mismatch; ++l)
        mismatch = !leaf_found(&t->leaves[l]) && leaf_is_word(&t->leaves[l]);
    if (!mismatch) return 0;

    /* the missing leaves' own tokens first, to size the new array */
    dy_tokens *own = dy_arena_alloc(a, (size_t)t->nleaves * sizeof *own);
    if (!own) return -1;
    size_t cap = toks->n;
    for (int l = 0; l < t->nleaves; ++l) {
        const dy_tleaf *lf = &t->leaves[l];
        own[l].v = NULL;
        own[l].n = 0;
        if (leaf_found(lf) || !leaf_is_word(lf)) continue;
        char buf[128];
        size_t n = unescape(lf->text, lf->len, buf, sizeof buf);
        int truncated;
        dyad_error err;
        if (dy_tokenize(a, buf, 0, n, max_tokens, &own[l], &truncated, &err) != DYAD_OK)
            return -1;
        cap += own[l].n;
    }
    if (cap > max_tokens) cap = max_tokens;
    dy_token *v = dy_arena_alloc(a, (cap + 1) * sizeof *v);
    int *nf = dy_arena_alloc(a, (cap + 1) * sizeof *nf);
    int *nl = dy_arena_alloc(a, (cap + 1) * sizeof *nl);
    if (!v || !nf || !nl) return -1;

    size_t n = 0, i = 0;
    size_t at = toks->n ? toks->v[0].start : 0;   /* where an added word stands */
    for (int l = 0; l < t->nleaves && n < cap; ++l) {
        if (!leaf_found(&t->leaves[l])) {
            for (size_t k = 0; k < own[l].n && n < cap; ++k, ++n) {
                v[n] = own[l].v[k];
                v[n].start = v[n].end = at;
                nf[n] = nl[n] = l;
            }
            continue;
        }
        /* text tokens of this leaf; those of no leaf before it are dropped */
        while (i < toks->n && (*first)[i] < l) ++i;
        for (; i < toks->n && (*first)[i] == l && n < cap; ++i, ++n) {
            v[n] = toks->v[i];
            nf[n] = (*first)[i];
            nl[n] = (*last)[i];
            at = v[n].end;
        }
    }
    toks->v = v;
    toks->n = n;
    *first = nf;
    *last = nl;
    return 1;
}

int dy_tree_align(dy_arena *a, dy_tree *t, const char *text, size_t start, size_t end,
                  dy_tokens *toks, size_t max_tokens, char *why, size_t whylen)
{
    place_leaves(t, text, start, end);
    int *first = dy_arena_alloc(a, (toks->n + 1) * sizeof *first);
    int *last = dy_arena_alloc(a, (toks->n + 1) * sizeof *last);
    int *lf_first = dy_arena_alloc(a, ((size_t)t->nleaves + 1) * sizeof *lf_first);
    int *lf_last = dy_arena_alloc(a, ((size_t)t->nleaves + 1) * sizeof *lf_last);
    if (!first || !last || !lf_first || !lf_last) goto nomem;
    cover(t, toks, first, last);

    /* a parse of another sentence is refused before its words are taken */
    int covered = 0;
    for (size_t i = 0; i < toks->n; ++i) covered += first[i] >= 0;
    if (toks->n > 0 && (size_t)covered * 2 < toks->n) {
        if (why && whylen)
            snprintf(why, whylen, "parse does not match the sentence text (%d of %zu words found)",
                     covered, toks->n);
        return -1;
    }
    if (parse_words(a, t, toks, max_tokens, &first, &last) < 0) goto nomem;

    t->ntok = (int)toks->n;
    t->tok_node = dy_arena_alloc(a, (toks->n + 1) * sizeof *t->tok_node);
    if (!t->tok_node) goto nomem;
    for (int l = 0; l < t->nleaves; ++l) lf_first[l] = lf_last[l] = -1;
    for (int i = 0; i < t->ntok; ++i) {
        t->tok_node[i] = first[i] >= 0 ? t->leaves[first[i]].node : -1;
        for (int k = first[i]; k >= 0 && k <= last[i]; ++k) {
            if (k != first[i] && !leaf_found(&t->leaves[k])) continue;
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
    return 0;
nomem:
    if (why && whylen) snprintf(why, whylen, "out of memory");
    return -1;
}
