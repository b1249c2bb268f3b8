/* actors.c — reading a .actors file (manual 5.3, 6.5): phrases with codes,
 * synonym groups, multi-line date restrictions, <NOUN> and <ADJECTIVE> lists. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/error.h"
#include "base/file.h"
#include "dict/build.h"

/* Oddities tolerated (production and test-suite files contain them):
 * - duplicate phrases: warning, the first entry wins (manual 8.2.5);
 * - indented lines that are blank or start with '#': skipped, so a blank
 *   line inside a group does not end it;
 * - a default code that is not the last block: moved last (Keds order);
 * - consecutive phrases without codes followed by indented code lines form
 *   one group, as PETRARCH reads them (Phoenix relies on it); an indented
 *   line that is not a code block is read as a phrase line.
 * Everything else malformed is DYAD_ERR_PARSE naming the file and line. */

typedef struct group {
    int open;
    uint32_t head;          /* first actor of the group */
    uint32_t first_code, n_codes;
    long line;              /* of the head, for errors */
    const char *file;
} group;

static int is_blank(char c) { return c == ' ' || c == '\t'; }

/* Gives every member of the open group its codes. */
static dyad_status close_group(dy_build *b, group *g, dyad_error *err)
{
    if (!g->open)
        return DYAD_OK;
    g->open = 0;
    if (g->n_codes == 0)
        return dy_error_set(err, DYAD_ERR_PARSE, g->file, g->line,
                            "actor has no code: expected [CODE] on the line or on "
                            "indented lines after it");
    /* Manual 6.5.2 note 5 applies to multi-line restrictions too. */
    uint32_t restricted = 0, deflt = 0;
    for (uint32_t i = 0; i < g->n_codes; i++) {
        const dy_dated_code *dc = &b->dated.v[g->first_code + i];
        if (dc->from || dc->to)
            restricted++;
        else
            deflt++;
    }
    if (restricted == 1 && deflt == 0 && g->first_code + g->n_codes == b->dated.n) {
        dy_dated_code dc = {0};
        dc.special = DY_SPECIAL_NULL;
        if (dy_vec_push(&b->dated, dc) != 0)
            return dy_error_set(err, DYAD_ERR_NOMEM, g->file, g->line, "out of memory");
        g->n_codes++;
    }
    for (size_t i = g->head; i < b->actors.n; i++) {
        b->actors.v[i].first_code = g->first_code;
        b->actors.v[i].n_codes = g->n_codes;
    }
    return DYAD_OK;
}

/* Splits "PHRASE [codes]" at the first '['. */
static void split_codes(const char *s, size_t n, const char **ph, size_t *phn,
                        const char **codes, size_t *cn)
{
    const char *br = memchr(s, '[', n);
    *ph = s;
    *phn = br ? (size_t)(br - s) : n;
    *codes = br;
    *cn = br ? (size_t)(s + n - br) : 0;
    dy_trim(ph, phn);
}

static dyad_status add_actor(dy_build *b, group *g, const char *ph, size_t phn,
                             const char *file, long line, dyad_error *err)
{
    const char *key = dy_phrase_key(b, ph, phn);
    uint32_t old;
    if (dy_strset_get(&b->seen_actor, key, strlen(key), &old)) {
        if (b->dup_warning)
            dy_build_warn(b, file, line, "duplicate actor %s (first at %s:%u); ignored",
                          key, b->actors.v[old].file, b->actors.v[old].line);
        return DYAD_OK;
    }
    dy_actor a = {0};
    dyad_status st = dy_parse_phrase(b, ph, phn, 0, &a.phrase, NULL, file, line, err);
    if (st != DYAD_OK)
        return st;
    a.text = dy_build_str(b, ph, phn);
    const char *k = dy_build_str(b, key, strlen(key));
    if (!a.text || !k)
        return dy_error_set(err, DYAD_ERR_NOMEM, file, line, "out of memory");
    a.file = file;
    a.line = (uint32_t)line;
    a.parent = g->open ? g->head : (uint32_t)b->actors.n;
    if (dy_strset_put(&b->seen_actor, k, (uint32_t)b->actors.n, NULL) < 0 ||
        dy_vec_push(&b->actors, a) != 0)
        return dy_error_set(err, DYAD_ERR_NOMEM, file, line, "out of memory");
    return DYAD_OK;
}

/* A <NOUN> or <ADJECTIVE> list entry: a phrase, no code. */
static dyad_status add_word(dy_build *b, int adjective, const char *s, size_t n,
                            const char *file, long line, dyad_error *err)
{
    const char *ph, *codes;
    size_t phn, cn;
    split_codes(s, n, &ph, &phn, &codes, &cn);
    if (cn)
        dy_build_warn(b, file, line, "code ignored on a %s entry",
                      adjective ? "<ADJECTIVE>" : "<NOUN>");
    dy_phrase p;
    dyad_status st = dy_parse_phrase(b, ph, phn, 0, &p, NULL, file, line, err);
    if (st != DYAD_OK)
        return st;
    int rc = adjective ? dy_vec_push(&b->adjectives, p) : dy_vec_push(&b->nouns, p);
    return rc ? dy_error_set(err, DYAD_ERR_NOMEM, file, line, "out of memory") : DYAD_OK;
}

static int tag_is(const char *s, size_t n, const char *tag)
{
    size_t m = strlen(tag);
    return n >= m && strncasecmp(s, tag, m) == 0;
}

int dy_xml_comment(const char *s, size_t n, int *in_comment)
{
    int starts = n >= 2 && s[0] == '<' && s[1] == '!';
    if (!*in_comment && !starts)
        return 0;
    int ends = 0;
    for (size_t i = 0; i + 3 <= n; i++)
        if (s[i] == '-' && s[i + 1] == '-' && s[i + 2] == '>')
            ends = 1;
    *in_comment = !ends;
    return 1;
}

dyad_status dy_read_actors(dy_build *b, const char *file, const char *buf, size_t len,
                           dyad_error *err)
{
    size_t pos = 0, n;
    const char *raw;
    dyad_status st = DYAD_OK;
    group g = {0};
    g.file = file;
    int list = 0;          /* 1 = in <NOUN>, 2 = in <ADJECTIVE> */
    long list_line = 0, lineno = 0;
    int in_comment = 0;
    while (st == DYAD_OK && dy_next_line(buf, len, &pos, &raw, &n)) {
        lineno++;
        const char *s = raw;
        size_t sn = n;
        dy_trim(&s, &sn);
        if (dy_xml_comment(s, sn, &in_comment))
            continue;
        if (sn == 0 || s[0] == '#' || s[0] == '/')
            continue;
        if (s[0] == '~')     /* ~FINISH, ~~FINISH...: the end of the dictionary */
            break;
        if (s[0] == '<') {
            st = close_group(b, &g, err);
            if (tag_is(s, sn, "<NOUN>") || tag_is(s, sn, "<NOUNS>")) {
                list = 1;
                list_line = lineno;
            } else if (tag_is(s, sn, "<ADJ")) {
                list = 2;
                list_line = lineno;
            } else if (tag_is(s, sn, "</NOUN") || tag_is(s, sn, "</ADJ")) {
                list = 0;
            } else {
                dy_build_warn(b, file, lineno, "unknown tag %.*s ignored", (int)sn, s);
            }
            continue;
        }
        sn = dy_cut_comment(s, sn, 1);
        dy_trim(&s, &sn);
        if (sn == 0)
            continue;
        if (list) {
            st = add_word(b, list == 2, s, sn, file, lineno, err);
            continue;
        }
        if (is_blank(raw[0]) && s[0] == '[') {
            /* a multi-line code block for the group above */
            if (!g.open) {
                st = dy_error_set(err, DYAD_ERR_PARSE, file, lineno,
                                  "indented code line with no actor before it");
                break;
            }
            uint32_t first, count;
            st = dy_parse_actor_codes(b, s, sn, &first, &count, file, lineno, err);
            /* the group's blocks are consecutive in b->dated */
            if (st == DYAD_OK) {
                if (g.n_codes == 0)
                    g.first_code = first;
                /* a lone block gets a null default from the block parser; the
                 * group decides about that once complete, so drop it here */
                if (count == 2 && b->dated.v[first + 1].special == DY_SPECIAL_NULL &&
                    !b->dated.v[first + 1].from && !b->dated.v[first + 1].to &&
                    (b->dated.v[first].from || b->dated.v[first].to)) {
                    b->dated.n--;
                    count = 1;
                }
                g.n_codes += count;
            }
            continue;
        }
        /* a phrase line (an indented one too: Phoenix has one) */
        const char *ph, *codes;
        size_t phn, cn;
        if (s[0] == '+') {
            if (!g.open) {
                st = dy_error_set(err, DYAD_ERR_PARSE, file, lineno,
                                  "synonym '+' line with no actor before it");
                break;
            }
            split_codes(s + 1, sn - 1, &ph, &phn, &codes, &cn);
            if (cn)
                dy_build_warn(b, file, lineno, "code on a synonym line ignored; the "
                                               "group's code applies");
            st = add_actor(b, &g, ph, phn, file, lineno, err);
            continue;
        }
        split_codes(s, sn, &ph, &phn, &codes, &cn);
        if (g.open && g.n_codes == 0) {
            /* PETRARCH style (Phoenix): consecutive uncoded phrases share the
             * codes that follow them, like '+' synonyms */
            st = add_actor(b, &g, ph, phn, file, lineno, err);
            if (st == DYAD_OK && cn)
                st = dy_parse_actor_codes(b, codes, cn, &g.first_code, &g.n_codes,
                                          file, lineno, err);
            continue;
        }
        st = close_group(b, &g, err);
        if (st != DYAD_OK)
            break;
        if (!cn && memchr(s, ']', sn)) {
            st = dy_error_set(err, DYAD_ERR_PARSE, file, lineno, "missing '['");
            break;
        }
        size_t before = b->actors.n;
        st = add_actor(b, &g, ph, phn, file, lineno, err);
        if (st != DYAD_OK)
            break;
        g.open = 1;
        g.head = (uint32_t)before;
        g.line = lineno;
        g.n_codes = 0;
        g.first_code = (uint32_t)b->dated.n;
        if (b->actors.n == before) {
            /* duplicate: swallow its synonyms and codes without effect */
            g.head = (uint32_t)b->actors.n;
        }
        if (cn) {
            st = dy_parse_actor_codes(b, codes, cn, &g.first_code, &g.n_codes,
                                      file, lineno, err);
        }
    }
    if (st == DYAD_OK && list)
        st = dy_error_set(err, DYAD_ERR_PARSE, file, list_line,
                          list == 1 ? "<NOUN> without </NOUN>" : "<ADJECTIVE> without </ADJECTIVE>");
    if (st == DYAD_OK)
        st = close_group(b, &g, err);
    return st;
}
