/* petrarch_verbs.c — reading PETRARCH-2 verb dictionaries (CAMEO.2.0.txt):
 * synsets, "--- NAME [CODE] ---" blocks, verbs with forms, grouped patterns. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/file.h"
#include "dict/build.h"
#include "dict/petrarch.h"

/* The format (PETRARCH-2's PETRreader.read_verb_dictionary, and the header
 * of CAMEO.2.0.txt), mapped onto the TABARI model of dict.h:
 *   &NAME / +MEMBER   synsets; '_' joins words; a member or a label ending
 *                     in '_' gets no plural, others match plurals too
 *   --- NAME [CODE] --- a block: its verbs share its patterns and code
 *   VERB {FORMS} [CODE] a verb ('+' marks the verb of a multi-word one,
 *                     "RE_+ARREST"); regular endings unless {FORMS} is given
 *   - PRE * POST [A:P] # comment   a pattern; {..} a noun phrase (head last),
 *                     (..) a prepositional phrase; A active code, P passive
 *   ~ ...             verb transformations: not supported, skipped
 * Words are whole words (PETRARCH matches no stems): WORD plus regular
 * endings on a phrase's last word. Synset names lose their '_' ("&A_B" is
 * "&AB") because the TABARI phrase syntax reads '_' as a connector. */

typedef struct pv_ctx {
    dy_build *b;
    const char *file;
    long line;
    dyad_error *err;
    dy_strbuf conv;          /* a line rewritten in TABARI phrase syntax */
    DY_VEC(uint8_t) groups;  /* group bits of each element of conv */
    dy_synset_reader syn;
    int synset_plain;        /* label ends in '_': members get no plurals */
    long block_main;         /* first verb of the block, -1 before it */
    dy_vcode block_code;
    int in_block;
    long skipped_transforms;
} pv_ctx;

static dyad_status nomem(pv_ctx *c)
{
    return dy_error_set(c->err, DYAD_ERR_NOMEM, c->file, c->line, "out of memory");
}

int dy_petr_is_v2_verbs(const char *text, size_t len)
{
    size_t pos = 0, n;
    const char *s;
    int hits = 0;
    while (dy_next_line(text, len, &pos, &s, &n)) {
        if (n >= 2 && s[0] == '~' && s[1] == ' ')
            return 1;    /* verb transformations exist only in PETRARCH-2 */
        if (n >= 3 && s[0] == '-' && (s[1] == ' ' || s[1] == '\t')) {
            const char *hash = memchr(s, '#', n);
            size_t k = hash ? (size_t)(hash - s) : n;
            if (memchr(s, '(', k) && memchr(s, ')', k) && ++hits >= 3)
                return 1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------ rewriting */

static int word_char(char ch)
{
    return ch && !isspace((unsigned char)ch) && !strchr("{}()[]#", ch);
}

/* Appends word w[0..n) (PETRARCH spelling: '_' joins words, '+' marks a
 * multi-word verb's verb) in TABARI syntax, with `end` ('_' whole word plus
 * regular endings, '=' exactly this word); records its elements' groups. */
static void put_word(pv_ctx *c, const char *w, size_t n, char end, uint8_t group)
{
    size_t parts = 0, k = 0;
    while (n && (w[n - 1] == '_' || w[n - 1] == '-')) {
        n--;
        end = '=';      /* PETRARCH: a trailing '_' means no plural / no endings */
    }
    if (c->conv.len)
        dy_strbuf_addc(&c->conv, ' ');
    for (size_t i = 0; i < n; i++) {
        char ch = w[i];
        if (ch == '+')
            continue;
        if (ch == '_' || ch == '-') {
            if (k) {
                dy_strbuf_addc(&c->conv, '_');
                parts++;
                k = 0;
            }
            continue;
        }
        dy_strbuf_addc(&c->conv, (char)toupper((unsigned char)ch));
        k++;
    }
    if (k)
        parts++;
    if (k)
        dy_strbuf_addc(&c->conv, end);
    for (size_t i = 0; i < parts; i++) {
        uint8_t g = group;
        if (i > 0)
            g &= (uint8_t)~(DY_GROUP_NP_START | DY_GROUP_PP_START);
        if (dy_vec_push(&c->groups, g) != 0)
            c->conv.failed = 1;
    }
}

/* "&NAME_X_" -> "&NAMEX" */
static void put_synset_ref(pv_ctx *c, const char *w, size_t n, uint8_t group)
{
    if (c->conv.len)
        dy_strbuf_addc(&c->conv, ' ');
    dy_strbuf_addc(&c->conv, '&');
    for (size_t i = 1; i < n; i++)
        if (isalnum((unsigned char)w[i]))
            dy_strbuf_addc(&c->conv, (char)toupper((unsigned char)w[i]));
    if (dy_vec_push(&c->groups, group) != 0)
        c->conv.failed = 1;
}

/* Rewrites a pattern body (between '-' and the code) into c->conv. */
static dyad_status rewrite_pattern(pv_ctx *c, const char *s, size_t n)
{
    dy_strbuf_clear(&c->conv);
    c->groups.n = 0;
    int np = 0, pp = 0, np_start = 0, pp_start = 0, verbs = 0;
    size_t p = 0;
    while (p < n) {
        char ch = s[p];
        if (isspace((unsigned char)ch)) {
            p++;
            continue;
        }
        if (ch == '{') {
            np = np_start = 1;
            p++;
            continue;
        }
        if (ch == '}') {
            np = 0;
            p++;
            continue;
        }
        if (ch == '(') {
            pp = pp_start = 1;
            p++;
            continue;
        }
        if (ch == ')') {
            pp = 0;
            p++;
            continue;
        }
        size_t q = p;
        while (q < n && word_char(s[q]))
            q++;
        if (q == p)
            return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line,
                                "unexpected '%c' in pattern", ch);
        uint8_t g = (uint8_t)((np ? DY_GROUP_NP : 0) | (pp ? DY_GROUP_PP : 0) |
                              (np_start ? DY_GROUP_NP_START : 0) |
                              (pp_start ? DY_GROUP_PP_START : 0));
        np_start = pp_start = 0;
        if (q - p == 1 && strchr("*$+%^@", ch)) {
            verbs += ch == '*';
            if (c->conv.len)
                dy_strbuf_addc(&c->conv, ' ');
            dy_strbuf_addc(&c->conv, ch);
            if (dy_vec_push(&c->groups, g) != 0)
                return nomem(c);
        } else if (ch == '&') {
            put_synset_ref(c, s + p, q - p, g);
        } else {
            put_word(c, s + p, q - p, '_', g);
        }
        p = q;
    }
    if (verbs == 0) {   /* "- TO +" : the verb comes first */
        dyad_status st;
        char *copy = malloc(n + 3);
        if (!copy)
            return nomem(c);
        memcpy(copy, "* ", 2);
        memcpy(copy + 2, s, n);
        st = rewrite_pattern(c, copy, n + 2);
        free(copy);
        return st;
    }
    if (c->conv.failed)
        return nomem(c);
    return DYAD_OK;
}

/* ------------------------------------------------------------- synsets */

static dyad_status close_synset(pv_ctx *c)
{
    return dy_synset_close(c->b, &c->syn, c->file, c->line, c->err);
}

static dyad_status open_synset(pv_ctx *c, const char *s, size_t n)
{
    dyad_status st = close_synset(c);   /* before any complaint about the name */
    if (st != DYAD_OK)
        return st;
    char name[128];
    size_t k = 0;
    c->synset_plain = n > 1 && s[n - 1] == '_';
    for (size_t i = 1; i < n && k < sizeof name - 1; i++)
        if (isalnum((unsigned char)s[i]))
            name[k++] = (char)toupper((unsigned char)s[i]);
    if (k == 0)
        return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line, "missing synset name");
    return dy_synset_open(c->b, &c->syn, name, k, c->file, c->line, c->err);
}

static dyad_status synset_member(pv_ctx *c, const char *s, size_t n)
{
    dy_strbuf_clear(&c->conv);
    c->groups.n = 0;
    size_t p = 0;
    /* words of the member: all joined, the last with endings (plurals) */
    while (p < n) {
        while (p < n && isspace((unsigned char)s[p]))
            p++;
        size_t q = p;
        while (q < n && !isspace((unsigned char)s[q]))
            q++;
        if (q > p) {
            size_t r = q;
            while (r < n && isspace((unsigned char)s[r]))
                r++;
            int last = r >= n;
            if (s[p] == '&') {
                put_synset_ref(c, s + p, q - p, 0);
            } else {
                put_word(c, s + p, q - p, last && !c->synset_plain ? '_' : '=', 0);
                if (!last && c->conv.len && (c->conv.s[c->conv.len - 1] == '=' ||
                                              c->conv.s[c->conv.len - 1] == '_'))
                    c->conv.s[c->conv.len - 1] = '_';   /* consecutive words */
            }
        }
        p = q;
    }
    if (c->conv.failed)
        return nomem(c);
    if (c->conv.len == 0)
        return DYAD_OK;
    dy_phrase ph;
    dyad_status st = dy_parse_phrase(c->b, c->conv.s, c->conv.len, 1, &ph, NULL, c->file,
                                     c->line, c->err);
    if (st != DYAD_OK)
        return st;
    return dy_synset_member(&c->syn, ph, c->file, c->line, c->err);
}

/* --------------------------------------------------------- verbs, blocks */

static dyad_status bracket_code(pv_ctx *c, const char *s, size_t n, dy_vcode *code,
                                size_t *before)
{
    memset(code, 0, sizeof *code);
    const char *br = memchr(s, '[', n);
    *before = br ? (size_t)(br - s) : n;
    if (!br)
        return DYAD_OK;
    const char *close = memchr(br, ']', (size_t)(s + n - br));
    if (!close)
        return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line, "missing ']'");
    /* PETRARCH-2's [A:P] is active:passive, not TABARI's pair; "[:P]" codes
     * only the passive voice */
    const char *in = br + 1;
    size_t inn = (size_t)(close - br - 1);
    const char *colon = memchr(in, ':', inn);
    size_t an = colon ? (size_t)(colon - in) : inn;
    dyad_status st = DYAD_OK;
    const char *a = in;
    dy_trim(&a, &an);
    if (an)
        st = dy_parse_vcode(c->b, a, an, DY_SECTION_VERB, code, c->file, c->line, c->err);
    else
        code->special = DY_SPECIAL_NULL;
    if (st == DYAD_OK && colon) {
        const char *p = colon + 1;
        size_t pn = (size_t)(close - p);
        dy_trim(&p, &pn);
        dy_vcode pv;
        memset(&pv, 0, sizeof pv);
        if (pn)
            st = dy_parse_vcode(c->b, p, pn, DY_SECTION_VERB, &pv, c->file, c->line, c->err);
        code->passive = pv.code;
    }
    return st;
}

static dyad_status block_header(pv_ctx *c, const char *s, size_t n)
{
    size_t before;
    c->in_block = 1;
    c->block_main = -1;
    return bracket_code(c, s, n, &c->block_code, &before);
}

/* Adds one verb (TABARI syntax in c->conv); main < 0: it starts the block. */
static dyad_status add_verb(pv_ctx *c, const dy_vcode *code, long main, long *idx)
{
    return dy_add_verb(c->b, c->conv.s, c->conv.len, code, DY_SECTION_VERB, main, 0, c->file,
                       c->line, c->err, idx);
}

/* "VERB {FORMS} [CODE]" */
static dyad_status verb_line(pv_ctx *c, const char *s, size_t n)
{
    if (!c->in_block) {
        dy_build_warn(c->b, c->file, c->line, "verb outside a --- block ignored");
        return DYAD_OK;
    }
    dy_vcode code;
    size_t before;
    dyad_status st = bracket_code(c, s, n, &code, &before);
    if (st != DYAD_OK)
        return st;
    if (!code.code && !code.special)
        code = c->block_code;
    const char *ob = memchr(s, '{', before), *cb = ob ? memchr(ob, '}', before - (size_t)(ob - s)) : NULL;
    size_t vn = ob ? (size_t)(ob - s) : before;
    while (vn && isspace((unsigned char)s[vn - 1]))
        vn--;
    if (vn == 0)
        return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line, "missing verb");
    dy_strbuf_clear(&c->conv);
    c->groups.n = 0;
    /* with {FORMS} every form is listed: no regular endings */
    put_word(c, s, vn, ob ? '=' : '_', 0);
    if (c->conv.failed)
        return nomem(c);
    long idx;
    st = add_verb(c, &code, c->block_main, &idx);
    if (st != DYAD_OK)
        return st;
    if (c->block_main < 0)
        c->block_main = idx <= -2 ? -2 - idx : idx;
    if (!ob || !cb)
        return DYAD_OK;
    size_t p = (size_t)(ob - s) + 1, end = (size_t)(cb - s);
    while (p < end) {
        while (p < end && isspace((unsigned char)s[p]))
            p++;
        size_t q = p;
        while (q < end && !isspace((unsigned char)s[q]))
            q++;
        if (q > p) {
            dy_strbuf_clear(&c->conv);
            c->groups.n = 0;
            put_word(c, s + p, q - p, '=', 0);
            if (c->conv.failed)
                return nomem(c);
            long fidx;
            st = add_verb(c, &code, c->block_main, &fidx);
            if (st != DYAD_OK)
                return st;
        }
        p = q;
    }
    return DYAD_OK;
}

/* "- PRE * POST [CODE]" */
static dyad_status pattern_line(pv_ctx *c, const char *s, size_t n)
{
    dy_build *b = c->b;
    if (!c->in_block || c->block_main < 0) {
        dy_build_warn(b, c->file, c->line, "pattern before any verb of its block; ignored");
        return DYAD_OK;
    }
    dy_pattern p = {0};
    size_t before;
    dyad_status st = bracket_code(c, s, n, &p.code, &before);
    if (st != DYAD_OK)
        return st;
    st = rewrite_pattern(c, s, before);
    if (st != DYAD_OK)
        return st;
    unsigned len = 0;
    st = dy_parse_phrase(b, c->conv.s, c->conv.len, 1, &p.phrase, &len, c->file, c->line,
                         c->err);
    if (st != DYAD_OK) {
        if (st != DYAD_ERR_PARSE)
            return st;
        /* an undefined synset: PETRARCH ignores such a pattern too */
        dy_build_warn(b, c->file, c->line, "pattern ignored: %s", c->err->message);
        return DYAD_OK;
    }
    int verbs = 0;
    for (uint32_t i = 0; i < p.phrase.count; i++)
        verbs += b->elems.v[p.phrase.first + i].kind == DY_EL_VERB;
    if (verbs != 1) {
        dy_build_warn(b, c->file, c->line, "pattern with %d verb markers '*' ignored", verbs);
        return DYAD_OK;
    }
    if (p.phrase.count == c->groups.n)
        for (uint32_t i = 0; i < p.phrase.count; i++)
            b->elems.v[p.phrase.first + i].group = c->groups.v[i];
    /* duplicates: same block, same pattern */
    char keybuf[700];
    int kl = snprintf(keybuf, sizeof keybuf, "%ld|%s", c->block_main, c->conv.s);
    if (kl > 0 && (size_t)kl < sizeof keybuf) {
        const char *key = dy_phrase_key(b, keybuf, (size_t)kl);
        uint32_t old;
        if (dy_strset_get(&b->seen_pattern, key, strlen(key), &old))
            return DYAD_OK;   /* synset expansion makes these common: silent */
        const char *k = dy_build_str(b, key, strlen(key));
        if (!k || dy_strset_put(&b->seen_pattern, k, (uint32_t)c->line, NULL) < 0)
            return nomem(c);
    }
    const char *txt = s;
    size_t tn = before;
    dy_trim(&txt, &tn);
    p.length = (uint16_t)(len > 65535 ? 65535 : len);
    p.text = dy_build_str(b, txt, tn);
    p.file = c->file;
    p.line = (uint32_t)c->line;
    uint32_t owner = (uint32_t)c->block_main;
    if (!p.text || dy_vec_push(&b->patterns, p) != 0 ||
        dy_vec_push(&b->pattern_owner, owner) != 0)
        return nomem(c);
    return DYAD_OK;
}

/* ----------------------------------------------------------------- file */

static dyad_status read_line(pv_ctx *c, const char *s, size_t n, int *in_comment)
{
    dy_trim(&s, &n);
    if (dy_xml_comment(s, n, in_comment))
        return DYAD_OK;
    if (n == 0 || s[0] == '#' || s[0] == ';')
        return DYAD_OK;
    if (n >= 3 && s[0] == '-' && s[1] == '-' && s[2] == '-') {
        dyad_status st = close_synset(c);
        return st != DYAD_OK ? st : block_header(c, s, n);
    }
    /* comments: '#' anywhere, as PETRARCH, but inside a code's brackets:
     * "[###]" is the discard code, as in TABARI's files */
    int in_bracket = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '[') in_bracket = 1;
        else if (s[i] == ']') in_bracket = 0;
        else if (s[i] == '#' && !in_bracket) {
            n = i;
            break;
        }
    }
    const char *semi = memchr(s, ';', n);
    if (semi)
        n = (size_t)(semi - s);
    dy_trim(&s, &n);
    if (n == 0)
        return DYAD_OK;
    if (s[0] == '~') {
        c->skipped_transforms++;
        return DYAD_OK;
    }
    if (s[0] == '&')
        return open_synset(c, s, n);
    if (s[0] == '+' && c->syn.cur >= 0)
        return synset_member(c, s + 1, n - 1);
    dyad_status st = close_synset(c);
    if (st != DYAD_OK)
        return st;
    if (s[0] == '-' && (n == 1 || isspace((unsigned char)s[1])))
        return pattern_line(c, s + 1, n - 1);
    return verb_line(c, s, n);
}

dyad_status dy_read_petrarch_verbs(dy_build *b, const char *file, const char *buf, size_t len,
                                   dyad_error *err)
{
    size_t pos = 0, n;
    const char *s;
    dyad_status st = DYAD_OK;
    pv_ctx c;
    memset(&c, 0, sizeof c);
    c.b = b;
    c.err = err;
    dy_synset_reader_init(&c.syn);
    c.block_main = -1;
    dy_strbuf_init(&c.conv);
    c.file = file;
    int in_comment = 0;
    while (st == DYAD_OK && dy_next_line(buf, len, &pos, &s, &n)) {
        c.line++;
        st = read_line(&c, s, n, &in_comment);
    }
    if (st == DYAD_OK)
        st = close_synset(&c);
    if (st == DYAD_OK && c.skipped_transforms)
        dy_build_warn(b, c.file, 0, "%ld verb transformations (~ lines) not supported; skipped",
                      c.skipped_transforms);
    dy_synset_reader_free(&c.syn);
    dy_vec_free(&c.groups);
    dy_strbuf_free(&c.conv);
    return st;
}
