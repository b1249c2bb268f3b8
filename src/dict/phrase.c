/* phrase.c — parsing the phrase part of a dictionary line into elements:
 * words with their connectors (_ ~ = -), pattern tokens, synsets, alternatives. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "dict/build.h"
#include "text/token.h"

typedef dy_elem_vec elem_vec;

static int is_blank(char c) { return c == ' ' || c == '\t'; }

/* Characters that end a word. A hyphen is a connector (manual 5.2: hyphens
 * become underscores). */
static int ends_word(char c, int is_pattern)
{
    return is_blank(c) || c == '_' || c == '~' || c == '=' || c == '-' || c == '{' ||
           c == '}' || c == '|' || c == '\0' || (is_pattern && c == '*');
}

static int is_token(char c)
{
    return c == '*' || c == '$' || c == '+' || c == '%' || c == '^' || c == '@';
}

static unsigned alnum_count(const char *w, size_t n)
{
    unsigned k = 0;
    for (size_t i = 0; i < n; i++)
        k += isalnum((unsigned char)w[i]) != 0;
    return k;
}

/* Reads the connector characters after an element and sets its match and
 * adjacency: "X_Y" exact+adjacent, "X_ Y" exact, "X~ Y" stem+adjacent,
 * "X Y" stem, "X=" exact without endings. */
static size_t connectors(const char *s, size_t n, size_t p, dy_elem *e)
{
    int under = 0, tilde = 0, eq = 0;
    size_t start = p;
    while (p < n && (s[p] == '_' || s[p] == '~' || s[p] == '=' || s[p] == '-')) {
        under |= s[p] == '_' || s[p] == '-';
        tilde |= s[p] == '~';
        eq |= s[p] == '=';
        p++;
    }
    if (e->kind == DY_EL_WORD)
        e->match = eq ? DY_MATCH_EXACT : under && !tilde ? DY_MATCH_WORD : DY_MATCH_STEM;
    int follows = p < n && !is_blank(s[p]) && s[p] != '|' && s[p] != '}';
    e->adjacent = (uint8_t)(tilde || (p > start && follows));
    return p;
}

typedef struct parse_ctx {
    dy_build *b;
    const char *s;
    size_t n;
    int is_pattern;
    const char *file;
    long line;
    dyad_error *err;
} parse_ctx;

static dyad_status nomem(parse_ctx *c)
{
    return dy_error_set(c->err, DYAD_ERR_NOMEM, c->file, c->line, "out of memory");
}

static unsigned phrase_len(const dy_build *b, const dy_elem *e, size_t count, int depth);

/* Length of the longest of n phrases starting at alts[first]. */
static unsigned longest_alt(const dy_build *b, uint32_t first, uint32_t n, int depth)
{
    unsigned best = 0;
    if (depth >= DY_SYNSET_DEPTH_MAX)
        return 0;
    for (uint32_t i = 0; i < n; i++) {
        const dy_phrase *ph = &b->alts.v[first + i];
        unsigned l = phrase_len(b, &b->elems.v[ph->first], ph->count, depth + 1);
        if (l > best)
            best = l;
    }
    return best;
}

/* Manual 5.7.1: alphanumeric characters, tokens excluded; an alternative set
 * (and a synset) counts as its longest member. */
static unsigned phrase_len(const dy_build *b, const dy_elem *e, size_t count, int depth)
{
    unsigned len = 0;
    for (size_t i = 0; i < count; i++) {
        if (e[i].kind == DY_EL_WORD)
            len += alnum_count(e[i].word, e[i].len);
        else if (e[i].kind == DY_EL_ALT)
            len += longest_alt(b, e[i].ref, e[i].nref, depth);
        else if (e[i].kind == DY_EL_SYNSET)
            len += longest_alt(b, b->synsets.v[e[i].ref].first_alt,
                               b->synsets.v[e[i].ref].n_alts, depth);
    }
    return len;
}

/* A dictionary word folded exactly as the tokenizer folds text, so entries
 * written with diacritics ("Erdoğan") match the words of a story. */
static char *fold_word(dy_build *b, const char *s, size_t n)
{
    int ascii = 1;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            ascii = 0;
    if (ascii) {
        char *w = dy_arena_strndup(&b->d->arena, s, n);
        if (w)
            for (char *t = w; *t; t++)
                *t = (char)toupper((unsigned char)*t);
        return w;
    }
    char buf[1024];
    size_t m = dy_fold_word(s, n, buf, sizeof buf);
    return dy_arena_strndup(&b->d->arena, buf, m);
}

static dyad_status parse_seq(parse_ctx *c, size_t *pos, int depth, elem_vec *out);

/* { a | b_c | &SET } starting at s[*pos] == '{'. Members go to b->elems and
 * b->alts at once; the caller gets one DY_EL_ALT element. */
static dyad_status parse_alts(parse_ctx *c, size_t *pos, elem_vec *out)
{
    dy_build *b = c->b;
    size_t p = *pos + 1;
    elem_vec member = {0};
    DY_VEC(dy_phrase) runs = {0};
    dyad_status st = DYAD_OK;
    for (;;) {
        member.n = 0;
        st = parse_seq(c, &p, 1, &member);
        if (st != DYAD_OK)
            goto done;
        if (member.n == 0) {
            st = dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line,
                              "empty alternative in { ... | ... }");
            goto done;
        }
        member.v[member.n - 1].adjacent = 0;
        dy_phrase ph = {(uint32_t)b->elems.n, (uint32_t)member.n};
        for (size_t i = 0; i < member.n; i++)
            if (dy_vec_push(&b->elems, member.v[i]) != 0) {
                st = nomem(c);
                goto done;
            }
        if (dy_vec_push(&runs, ph) != 0) {
            st = nomem(c);
            goto done;
        }
        if (p >= c->n) {
            st = dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line,
                              "missing '}' after alternatives");
            goto done;
        }
        if (c->s[p] == ']')   /* CAMEO.091003 has "{ WAS | WERE ]" */
            dy_build_warn(b, c->file, c->line, "alternatives closed by ']' instead of '}'");
        if (c->s[p++] != '|')
            break;
    }
    dy_elem e = {0};
    e.kind = DY_EL_ALT;
    e.ref = (uint32_t)b->alts.n;
    e.nref = (uint32_t)runs.n;
    for (size_t i = 0; i < runs.n; i++)
        if (dy_vec_push(&b->alts, runs.v[i]) != 0) {
            st = nomem(c);
            goto done;
        }
    p = connectors(c->s, c->n, p, &e);
    if (dy_vec_push(out, e) != 0)
        st = nomem(c);
    *pos = p;
done:
    free(member.v);
    free(runs.v);
    return st;
}

/* Parses elements until the end, or (depth 1) until '|' or '}'. */
static dyad_status parse_seq(parse_ctx *c, size_t *pos, int depth, elem_vec *out)
{
    const char *s = c->s;
    size_t n = c->n, p = *pos;
    dy_build *b = c->b;
    while (p < n) {
        char ch = s[p];
        if (is_blank(ch) || ch == '_' || ch == '~' || ch == '=' || ch == '-') {
            p++;      /* stray connector before any element: harmless */
            continue;
        }
        if (ch == '|' || ch == '}' || (ch == ']' && depth > 0)) {
            if (depth == 0) {   /* CAMEO.091003 has a stray '}' */
                dy_build_warn(b, c->file, c->line, "'%c' outside of { ... } ignored", ch);
                p++;
                continue;
            }
            break;
        }
        dy_elem e = {0};
        if (ch == '{') {
            if (!c->is_pattern || depth > 0)
                return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line,
                                    depth ? "nested { ... } alternatives"
                                          : "alternatives { ... } outside a pattern");
            dyad_status st = parse_alts(c, &p, out);
            if (st != DYAD_OK)
                return st;
            continue;
        }
        if (ch == '&' && p + 1 < n && isalnum((unsigned char)s[p + 1])) {
            size_t q = p + 1;
            char name[128];
            size_t k = 0;
            while (q < n && isalnum((unsigned char)s[q])) {
                if (k < sizeof name - 1)
                    name[k++] = (char)toupper((unsigned char)s[q]);
                q++;
            }
            name[k] = '\0';
            uint32_t idx;
            if (!dy_strset_get(&b->synset_names, name, k, &idx))
                return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line,
                                    "unknown synset &%s", name);
            e.kind = DY_EL_SYNSET;
            e.ref = idx;
            p = connectors(s, n, q, &e);
        } else if (c->is_pattern && is_token(ch) &&
                   (ch == '*' || p + 1 >= n || ends_word(s[p + 1], 1))) {
            static const uint8_t kinds[] = {DY_EL_VERB, DY_EL_SOURCE, DY_EL_TARGET,
                                            DY_EL_COMPOUND, DY_EL_SKIP, DY_EL_ATTRIB};
            e.kind = kinds[strchr("*$+%^@", ch) - "*$+%^@"];
            p = connectors(s, n, p + 1, &e);
        } else {
            size_t q = p;
            while (q < n && !ends_word(s[q], c->is_pattern))
                q++;
            if (q == p)  /* '*' outside a pattern, or the like */
                return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line,
                                    "unexpected '%c' in phrase", ch);
            char *w = fold_word(b, s + p, q - p);
            if (!w)
                return nomem(c);
            e.kind = DY_EL_WORD;
            e.word = w;
            e.len = (uint32_t)strlen(w);
            p = connectors(s, n, q, &e);
            /* Treebank splits contractions ("DID N'T" in PETRARCH dictionaries);
             * the tokenizer keeps "DIDN'T" whole, so the two words join */
            if (e.len == 3 && !strcmp(w, "N'T") && out->n > 0 &&
                out->v[out->n - 1].kind == DY_EL_WORD) {
                dy_elem *prev = &out->v[out->n - 1];
                char *j = dy_arena_alloc(&b->d->arena, prev->len + 4);
                if (!j)
                    return nomem(c);
                memcpy(j, prev->word, prev->len);
                memcpy(j + prev->len, "N'T", 4);
                prev->word = j;
                prev->len += 3;
                prev->match = e.match;
                prev->adjacent = e.adjacent;
                continue;
            }
        }
        if (dy_vec_push(out, e) != 0)
            return nomem(c);
    }
    *pos = p;
    return DYAD_OK;
}

dyad_status dy_parse_phrase(dy_build *b, const char *s, size_t n, int is_pattern,
                            dy_phrase *out, unsigned *len,
                            const char *file, long line, dyad_error *err)
{
    parse_ctx c = {b, s, n, is_pattern, file, line, err};
    size_t pos = 0;
    b->scratch.n = 0;
    dyad_status st = parse_seq(&c, &pos, 0, &b->scratch);
    if (st != DYAD_OK)
        return st;
    if (b->scratch.n == 0)
        return dy_error_set(err, DYAD_ERR_PARSE, file, line, "missing phrase");
    b->scratch.v[b->scratch.n - 1].adjacent = 0;
    out->first = (uint32_t)b->elems.n;
    out->count = (uint32_t)b->scratch.n;
    for (size_t i = 0; i < b->scratch.n; i++)
        if (dy_vec_push(&b->elems, b->scratch.v[i]) != 0)
            return nomem(&c);
    if (len)
        *len = phrase_len(b, &b->elems.v[out->first], out->count, 0);
    return DYAD_OK;
}

const char *dy_phrase_key(dy_build *b, const char *s, size_t n)
{
    dy_strbuf_clear(&b->tmp);
    int blank = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (is_blank(ch)) {
            blank = 1;
            continue;
        }
        if (blank && b->tmp.len)
            dy_strbuf_addc(&b->tmp, ' ');
        blank = 0;
        dy_strbuf_addc(&b->tmp, ch == '-' ? '_' : (char)toupper((unsigned char)ch));
    }
    return b->tmp.s ? b->tmp.s : "";
}
