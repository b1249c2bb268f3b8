/* ud_bracket.c — dependency to constituency: each head word projects the
 * phrase a Treebank parser would give it (NP, VP, S, PP, SBAR, ADJP, ...),
 * so the tree coder built for PETRARCH's parses codes dyad's own trees. */
#include "parse/ud_bracket.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a dependent is to its head, UD v1 names folded into v2. */
typedef enum rel {
    R_OTHER = 0, R_SUBJ, R_SUBJ_PASS, R_OBJ, R_OBL, R_NMOD, R_CASE, R_MARK, R_CC, R_CONJ,
    R_AUX, R_AUX_PASS, R_COP, R_PUNCT, R_RELCL, R_ACL, R_ADVCL, R_CCOMP, R_XCOMP,
    R_APPOS, R_PRT, R_POSS, R_ADVMOD, R_ROOT
} rel;

static int starts(const char *s, const char *p)
{
    return strncmp(s, p, strlen(p)) == 0;
}

static rel rel_of(const dyad_word *w, const dyad_word *all)
{
    const char *d = w->deprel;
    if (!strcmp(d, "root")) return R_ROOT;
    if (!strcmp(d, "nsubj:pass") || !strcmp(d, "nsubjpass") || !strcmp(d, "csubj:pass") ||
        !strcmp(d, "csubjpass"))
        return R_SUBJ_PASS;
    if (starts(d, "nsubj") || starts(d, "csubj") || !strcmp(d, "expl")) return R_SUBJ;
    if (!strcmp(d, "obj") || !strcmp(d, "dobj") || !strcmp(d, "iobj")) return R_OBJ;
    if (!strcmp(d, "aux:pass") || !strcmp(d, "auxpass")) return R_AUX_PASS;
    if (starts(d, "aux")) return R_AUX;
    if (!strcmp(d, "cop")) return R_COP;
    if (starts(d, "case")) return R_CASE;
    if (starts(d, "mark")) return R_MARK;
    if (!strcmp(d, "cc") || starts(d, "cc:")) return R_CC;   /* not ccomp */
    if (!strcmp(d, "conj")) return R_CONJ;
    if (!strcmp(d, "punct")) return R_PUNCT;
    if (!strcmp(d, "acl:relcl") || !strcmp(d, "advcl:relcl")) return R_RELCL;
    if (starts(d, "acl")) return R_ACL;
    if (starts(d, "advcl")) return R_ADVCL;
    if (starts(d, "ccomp")) return R_CCOMP;
    if (starts(d, "xcomp")) return R_XCOMP;
    if (starts(d, "appos")) return R_APPOS;
    if (!strcmp(d, "compound:prt")) return R_PRT;
    if (!strcmp(d, "nmod:poss")) return R_POSS;
    if (!strcmp(d, "neg") || starts(d, "advmod")) return R_ADVMOD;
    if (starts(d, "obl")) return R_OBL;
    if (starts(d, "nmod")) {
        /* UD v1 writes obliques of a verb as nmod */
        int h = w->head;
        if (h > 0 && (!strcmp(all[h - 1].upos, "VERB") || !strcmp(all[h - 1].upos, "AUX")))
            return R_OBL;
        return R_NMOD;
    }
    return R_OTHER;
}

typedef struct conv {
    const dyad_word *w;
    int n;
    rel *rel;
    int *first, *next;       /* children in word order */
    unsigned char *done;     /* leaf written */
    int *upto;               /* per head: where its coordination starts (n: none) */
    int leaves, last, disorder;   /* leaves written; the last one; one came early */
    dy_strbuf *out;
} conv;

/* A Penn tag for a word whose XPOS is missing. */
static const char *tag_of(const dyad_word *w)
{
    if (w->xpos && w->xpos[0] && strcmp(w->xpos, "_")) return w->xpos;
    static const char *const map[][2] = {
        {"NOUN", "NN"}, {"PROPN", "NNP"}, {"VERB", "VB"}, {"AUX", "VB"}, {"ADJ", "JJ"},
        {"ADV", "RB"},  {"ADP", "IN"},    {"DET", "DT"},  {"PRON", "PRP"}, {"NUM", "CD"},
        {"PART", "RP"}, {"CCONJ", "CC"},  {"SCONJ", "IN"}, {"INTJ", "UH"}, {"SYM", "SYM"},
        {"PUNCT", "."},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(w->upos, map[i][0])) return map[i][1];
    return "FW";
}

static void open_node(conv *c, const char *label)
{
    dy_strbuf_addc(c->out, '(');
    dy_strbuf_adds(c->out, label);
    dy_strbuf_addc(c->out, ' ');
}

static void close_node(conv *c)
{
    dy_strbuf_addc(c->out, ')');
}

/* A leaf: brackets and blanks would break the bracketing, so they take the
 * Treebank's escapes. Each word is written once. */
static void leaf(conv *c, int i)
{
    if (c->done[i]) return;
    c->done[i] = 1;
    c->leaves++;
    if (i < c->last) c->disorder = 1;
    c->last = i;
    const dyad_word *w = &c->w[i];
    dy_strbuf_addc(c->out, '(');
    for (const char *p = tag_of(w); *p; p++)
        dy_strbuf_addc(c->out, *p == '(' || *p == ')' || *p == ' ' || *p == '-' ? '_' : *p);
    if (w->head == 0)   /* the main clause's head: tree_comma.c never cuts it off */
        dy_strbuf_adds(c->out, "-HEAD");
    dy_strbuf_addc(c->out, ' ');
    if (!strcmp(w->form, "(") || !strcmp(w->form, "[") || !strcmp(w->form, "{"))
        dy_strbuf_adds(c->out, "-LRB-");
    else if (!strcmp(w->form, ")") || !strcmp(w->form, "]") || !strcmp(w->form, "}"))
        dy_strbuf_adds(c->out, "-RRB-");
    else if (!w->form[0])
        dy_strbuf_adds(c->out, "_");
    else
        for (const char *p = w->form; *p; p++)
            dy_strbuf_addc(c->out, *p == '(' ? '{' : *p == ')' ? '}' : *p == ' ' ? '_' : *p);
    dy_strbuf_addc(c->out, ')');
}

static int is_verbal(const dyad_word *w)
{
    return !strcmp(w->upos, "VERB") || !strcmp(w->upos, "AUX");
}

static int has_child(const conv *c, int h, rel r)
{
    for (int k = c->first[h]; k >= 0; k = c->next[k])
        if (c->rel[k] == r) return 1;
    return 0;
}

static int is_subj(rel r)
{
    return r == R_SUBJ || r == R_SUBJ_PASS;
}

/* The subject written before the verb: the last subject left of h, or -1. */
static int subject_of(const conv *c, int h)
{
    int s = -1;
    for (int k = c->first[h]; k >= 0 && k < h; k = c->next[k])
        if (is_subj(c->rel[k])) s = k;
    return s;
}

/* Is h the head of a clause (a verb, or a predicate with a copula)? */
static int clausal(const conv *c, int h)
{
    return is_verbal(&c->w[h]) || has_child(c, h, R_COP);
}

/* The phrase label a non-clausal head projects. */
static const char *np_label(const dyad_word *w)
{
    const char *u = w->upos;
    if (!strcmp(u, "ADJ")) return "ADJP";
    if (!strcmp(u, "ADV")) return "ADVP";
    if (!strcmp(u, "ADP") || !strcmp(u, "SCONJ")) return "PP";
    if (!strcmp(u, "PART")) return "PRT";
    if (!strcmp(u, "INTJ")) return "INTJ";
    if (!strcmp(u, "CCONJ")) return "CC";
    return "NP";
}

/* Modifiers a Treebank writes as bare words inside their phrase (the
 * determiner, adjective, compound and number of "the new border crossing",
 * and every function word). */
static int flat_modifier(const conv *c, int k)
{
    if (c->first[k] >= 0) return 0;
    const char *d = c->w[k].deprel;
    rel r = c->rel[k];
    return r == R_PUNCT || r == R_CC || r == R_CASE || r == R_MARK || r == R_AUX ||
           r == R_AUX_PASS || r == R_COP || starts(d, "det") || starts(d, "amod") ||
           starts(d, "compound") || starts(d, "nummod") || starts(d, "flat") ||
           starts(d, "fixed") || starts(d, "goeswith") || starts(d, "name") ||
           starts(d, "mwe") || (r == R_POSS && !strcmp(c->w[k].upos, "PRON")) ||
           (r == R_ADVMOD && !strcmp(c->w[k].upos, "PART"));
}

static void phrase(conv *c, int h, int depth);

/* Every word of k's subtree as a bare leaf, in order: a function word of
 * several ("according to", "because of", "as well as"). */
static void flatten(conv *c, int k, int depth)
{
    if (depth > c->n) return;
    for (int j = c->first[k]; j >= 0 && j < k; j = c->next[j]) flatten(c, j, depth + 1);
    leaf(c, k);
    for (int j = c->first[k]; j >= 0; j = c->next[j])
        if (j > k) flatten(c, j, depth + 1);
}

static int function_rel(rel r)
{
    return r == R_PUNCT || r == R_CC || r == R_CASE || r == R_MARK || r == R_AUX ||
           r == R_AUX_PASS || r == R_COP;
}

/* Child k as a constituent of its head's phrase. */
static void constituent(conv *c, int k, int depth)
{
    if (flat_modifier(c, k)) {
        leaf(c, k);
        return;
    }
    if (function_rel(c->rel[k])) {
        flatten(c, k, depth);
        return;
    }
    if (c->first[k] < 0 && c->rel[k] == R_PRT) {
        open_node(c, "PRT");
        leaf(c, k);
        close_node(c);
        return;
    }
    phrase(c, k, depth + 1);
}

/* Punctuation children of h at the edges of its words: written outside its
 * phrase, where a Treebank parser puts a clause's commas and full stop. */
static int edge_punct(const conv *c, int h, int k)
{
    if (c->rel[k] != R_PUNCT || c->first[k] >= 0) return 0;
    if (k > h) {   /* only punctuation after it, up to the end of h's words */
        for (int j = c->next[k]; j >= 0; j = c->next[j])
            if (c->rel[j] != R_PUNCT) return 0;
        return 1;
    }
    for (int j = c->first[h]; j >= 0 && j < k; j = c->next[j])
        if (c->rel[j] != R_PUNCT) return 0;
    return 1;
}

static void lead_punct(conv *c, int h)
{
    for (int k = c->first[h]; k >= 0 && k < h; k = c->next[k])
        if (edge_punct(c, h, k)) leaf(c, k);
}

/* The trailing punctuation of h; before_conj: only what comes before its
 * first conjunct (the rest closes the whole coordination). */
static void trail_punct(conv *c, int h, int before_conj)
{
    int limit = c->n;
    if (before_conj)
        for (int k = c->first[h]; k >= 0; k = c->next[k])
            if (c->rel[k] == R_CONJ && k > h) {
                limit = k;
                break;
            }
    for (int k = c->first[h]; k >= 0 && k < limit; k = c->next[k])
        if (k > h && edge_punct(c, h, k)) leaf(c, k);
}

/* Should child k of h stay out of h's own words (written elsewhere)? */
static int elsewhere(const conv *c, int h, int k)
{
    return (k > h && k >= c->upto[h]) || c->rel[k] == R_CONJ || edge_punct(c, h, k);
}

/* The verb group of clause head h: its auxiliaries and copula, each opening
 * a VP as the Treebank nests them, the head (a predicate noun or adjective
 * with its right dependents in their own phrase) and its other dependents
 * from word `from` on; `subj` was written already. */
static void verb_group(conv *c, int h, int from, int subj, int depth)
{
    int nested = 0, pred = !is_verbal(&c->w[h]), pred_open = 0, last_fn = -1;
    for (int k = c->first[h]; k >= 0 && k < h; k = c->next[k]) {
        rel r = c->rel[k];
        if (r == R_AUX || r == R_AUX_PASS || r == R_COP ||
            (r == R_MARK && !strcmp(tag_of(&c->w[k]), "TO")))
            last_fn = k;
    }
    open_node(c, "VP");
    for (int k = c->first[h]; k >= 0 && k < h; k = c->next[k]) {
        if (k < from || k == subj || elsewhere(c, h, k) || c->done[k]) continue;
        rel r = c->rel[k];
        if (((r == R_AUX || r == R_AUX_PASS || r == R_COP) && c->first[k] < 0) ||
            (r == R_MARK && !strcmp(tag_of(&c->w[k]), "TO"))) {
            /* "has attacked", "to restore": (VP (VBZ has) (VP (VBN attacked) ..)) */
            leaf(c, k);
            open_node(c, "VP");
            nested++;
            continue;
        }
        if (pred && !pred_open && k > last_fn) {
            /* a predicate's own modifiers ("been the result") are in its phrase */
            open_node(c, np_label(&c->w[h]));
            pred_open = 1;
        }
        constituent(c, k, depth);
    }
    if (pred && !pred_open) {
        open_node(c, np_label(&c->w[h]));
        pred_open = 1;
    }
    leaf(c, h);
    for (int k = c->first[h]; k >= 0; k = c->next[k])
        if (k > h && k != subj && !elsewhere(c, h, k)) constituent(c, k, depth);
    if (pred_open) close_node(c);
    while (nested--) close_node(c);
    close_node(c);
}

/* A clause headed by h: S over [opening phrases] NP-subject VP, inside an
 * SBAR when a subordinator (or a relative clause) marks it. */
static void clause(conv *c, int h, int depth)
{
    int subj = subject_of(c, h);
    int to_inf = 0, sbar = c->rel[h] == R_RELCL, lead = 1;
    /* a subordinator opens an SBAR only when it is the clause's first word
     * (after punctuation): the bracketing keeps the words in order */
    for (int k = c->first[h]; k >= 0 && k < h; k = c->next[k]) {
        if (c->rel[k] == R_MARK) {
            if (!strcmp(tag_of(&c->w[k]), "TO")) to_inf = 1;
            else if (lead && c->first[k] < 0) sbar = 2;
        }
        if (c->rel[k] != R_PUNCT) lead = 0;
    }
    if (sbar) {
        open_node(c, "SBAR");
        for (int k = c->first[h]; k >= 0 && k < h && sbar == 2; k = c->next[k]) {
            if (c->rel[k] == R_PUNCT && !c->done[k]) leaf(c, k);
            if (c->rel[k] == R_MARK) {
                flatten(c, k, depth);
                break;
            }
        }
    }
    open_node(c, "S");
    /* opening phrases, then the subject; the verb group from the first
     * auxiliary (or the verb) after them */
    int vp_from = h;
    for (int k = c->first[h]; k >= 0 && k < h; k = c->next[k]) {
        rel r = c->rel[k];
        if (k > subj && (r == R_AUX || r == R_AUX_PASS || r == R_COP || r == R_ADVMOD ||
                         (r == R_MARK && to_inf))) {
            vp_from = k;
            break;
        }
    }
    for (int k = c->first[h]; k >= 0 && k < vp_from; k = c->next[k])
        if (!elsewhere(c, h, k) && !c->done[k]) constituent(c, k, depth);
    verb_group(c, h, vp_from, subj, depth);
    trail_punct(c, h, 1);
    close_node(c);
    if (sbar) close_node(c);
}

/* A non-clausal head: its left dependents, the head, bare right modifiers
 * in one phrase; each right modifier with words of its own (PP, SBAR,
 * apposition) wraps it as the Treebank's NP -> NP PP does; a case marker
 * makes the whole a PP; a possessive 's closes it. */
static void nominal(conv *c, int h, int depth)
{
    const char *label = np_label(&c->w[h]);
    int pp = 0;
    for (int k = c->first[h]; k >= 0 && k < h; k = c->next[k])
        if (c->rel[k] == R_CASE && strcmp(tag_of(&c->w[k]), "POS")) {
            pp = 1;
            break;
        }
    if (pp) {
        /* what comes before the preposition ("earlier in the week") stays
         * outside the PP, in order */
        for (int k = c->first[h]; k >= 0 && k < h; k = c->next[k]) {
            if (c->rel[k] == R_CASE) break;
            if (!elsewhere(c, h, k) && !c->done[k]) constituent(c, k, depth);
        }
        open_node(c, "PP");
        for (int k = c->first[h]; k >= 0 && k < h; k = c->next[k])
            if (c->rel[k] == R_CASE && strcmp(tag_of(&c->w[k]), "POS")) flatten(c, k, depth);
    }
    int wraps = 0;
    for (int k = c->first[h]; k >= 0; k = c->next[k])
        if (k > h && !elsewhere(c, h, k) && !flat_modifier(c, k)) wraps++;
    for (int i = 0; i < wraps; i++) open_node(c, label);
    open_node(c, label);
    for (int k = c->first[h]; k >= 0 && k < h; k = c->next[k])
        if (!elsewhere(c, h, k) && !c->done[k]) constituent(c, k, depth);
    leaf(c, h);
    for (int k = c->first[h]; k >= 0; k = c->next[k]) {
        if (k < h || elsewhere(c, h, k)) continue;
        if (!flat_modifier(c, k)) close_node(c);   /* the phrase so far becomes a child */
        constituent(c, k, depth);
    }
    close_node(c);
    if (pp) close_node(c);
}

/* The phrase of h with its coordination (X CC X as one node of X's label)
 * and the punctuation at its edges written around it. */
static void phrase(conv *c, int h, int depth)
{
    if (depth > c->n + 2) return;   /* cannot happen on a checked tree */
    int conj = c->upto[h] < c->n, cl = clausal(c, h);
    const char *label = cl ? (subject_of(c, h) >= 0 ? "S" : "VP") : np_label(&c->w[h]);
    lead_punct(c, h);
    if (conj) open_node(c, label);
    if (cl) {
        rel r = c->rel[h];
        if (subject_of(c, h) >= 0 || r != R_CONJ) clause(c, h, depth);
        else verb_group(c, h, 0, -1, depth);
    } else {
        nominal(c, h, depth);
    }
    if (conj)   /* from the coordination on, every child in its place */
        for (int k = c->first[h]; k >= 0; k = c->next[k]) {
            if (k < c->upto[h] || c->done[k]) continue;
            if (c->rel[k] == R_CONJ)   /* UD v2 hangs "and" on the second conjunct */
                for (int j = c->first[k]; j >= 0 && j < k; j = c->next[j])
                    if ((c->rel[j] == R_CC || c->rel[j] == R_PUNCT) && c->first[j] < 0)
                        leaf(c, j);
            constituent(c, k, depth);
        }
    if (conj) close_node(c);
    trail_punct(c, h, 0);
}

int dy_ud_brackets(dy_strbuf *out, const dyad_word *w, size_t n)
{
    if (n == 0 || n > 100000) return -1;
    int N = (int)n;
    rel *r = malloc(n * sizeof *r);
    int *first = malloc(n * sizeof *first), *next = malloc(n * sizeof *next);
    int *last = malloc(n * sizeof *last);
    unsigned char *written = calloc(n, 1);
    int *upto = malloc(n * sizeof *upto);
    int rc = -1;
    if (!r || !first || !next || !last || !written || !upto) goto done;
    for (int i = 0; i < N; i++) {
        first[i] = next[i] = last[i] = -1;
        if (w[i].head < 0 || w[i].head > N || w[i].head == i + 1) goto done;
    }
    /* one tree: every word reaches the root within n steps */
    int roots = 0;
    for (int i = 0; i < N; i++) {
        int k = i, steps = 0;
        while (w[k].head != 0 && steps++ <= N) k = w[k].head - 1;
        if (w[k].head != 0) goto done;
        roots += w[i].head == 0;
    }
    if (roots == 0) goto done;
    for (int i = 0; i < N; i++) {
        r[i] = rel_of(&w[i], w);
        int h = w[i].head - 1;
        if (h < 0) continue;
        if (last[h] < 0) first[h] = i;
        else next[last[h]] = i;
        last[h] = i;
    }
    /* a head's coordination starts at its first conjunct after it, or at
     * the conjunction before that one (UD v1 hangs it on the first) */
    for (int h = 0; h < N; h++) {
        upto[h] = N;
        int cc = -1;
        for (int k = first[h]; k >= 0; k = next[k]) {
            if (k < h) continue;
            if (r[k] == R_CC && first[k] < 0 && cc < 0) cc = k;
            if (r[k] == R_CONJ) {
                upto[h] = cc >= 0 ? cc : k;
                break;
            }
            if (r[k] != R_CC && r[k] != R_PUNCT) cc = -1;
        }
    }
    conv c = {w, N, r, first, next, written, upto, 0, -1, 0, out};
    size_t mark = out->len;
    dy_strbuf_adds(out, "(ROOT ");
    if (roots > 1) open_node(&c, "S");
    for (int i = 0; i < N; i++)
        if (w[i].head == 0) {
            r[i] = R_ROOT;
            phrase(&c, i, 0);
        }
    if (roots > 1) close_node(&c);
    dy_strbuf_addc(out, ')');
    /* every word exactly once, in order: else the tree is not used */
#ifdef UD_DEBUG
    fprintf(stderr, "leaves %d of %d, disorder %d: %s\n", c.leaves, N, c.disorder, out->s + mark);
#endif
    if (out->failed || c.leaves != N || c.disorder) {
        dy_strbuf_truncate(out, mark);
        goto done;
    }
    rc = 0;
done:
    free(r);
    free(first);
    free(next);
    free(last);
    free(written);
    free(upto);
    return rc;
}

int dy_ud_is_rows(const char *src, size_t len)
{
    size_t i = 0;
    while (i < len && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r')) i++;
    if (i >= len || src[i] < '0' || src[i] > '9') return 0;
    while (i < len && src[i] >= '0' && src[i] <= '9') i++;
    return i < len && src[i] == '\t';
}

int dy_ud_read_rows(dy_arena *a, const char *src, size_t len, dyad_word *words, size_t max,
                    size_t *n)
{
    *n = 0;
    size_t pos = 0;
    while (pos < len) {
        size_t end = pos;
        while (end < len && src[end] != '\n') end++;
        size_t e = end;
        while (e > pos && (src[e - 1] == '\r' || src[e - 1] == ' ')) e--;
        size_t b = pos;
        while (b < e && (src[b] == ' ' || src[b] == '\t')) b++;
        pos = end + 1;
        if (b == e || src[b] == '#') continue;
        /* the columns */
        const char *col[10];
        size_t cl[10];
        int k = 0;
        size_t s = b;
        for (size_t i = b; i <= e && k < 10; i++)
            if (i == e || src[i] == '\t') {
                col[k] = src + s;
                cl[k++] = i - s;
                s = i + 1;
            }
        if (k < 8) return -1;
        if (memchr(col[0], '-', cl[0]) || memchr(col[0], '.', cl[0])) continue;
        long id = 0, head = 0;
        for (size_t i = 0; i < cl[0]; i++) {
            if (col[0][i] < '0' || col[0][i] > '9' || id > 100000) return -1;
            id = id * 10 + (col[0][i] - '0');
        }
        for (size_t i = 0; i < cl[6]; i++) {
            if (col[6][i] < '0' || col[6][i] > '9' || head > 100000) return -1;
            head = head * 10 + (col[6][i] - '0');
        }
        if (cl[6] == 0 || id != (long)*n + 1 || *n >= max) return -1;
        dyad_word *w = &words[(*n)++];
        memset(w, 0, sizeof *w);
        w->form = dy_arena_strndup(a, col[1], cl[1]);
        w->lemma = dy_arena_strndup(a, col[2], cl[2]);
        w->upos = dy_arena_strndup(a, col[3], cl[3]);
        w->xpos = dy_arena_strndup(a, col[4], cl[4]);
        w->deprel = dy_arena_strndup(a, col[7], cl[7]);
        w->head = (int)head;
        if (!w->form || !w->lemma || !w->upos || !w->xpos || !w->deprel) return -1;
    }
    for (size_t i = 0; i < *n; i++)
        if (words[i].head > (int)*n) return -1;
    return *n ? 0 : -1;
}
