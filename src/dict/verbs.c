/* verbs.c — reading a .verbs file (manual 5.5-5.7, 10.4, 10.5): synsets, <TIME>
 * and <ATTRIB> sections, roots, irregular forms, patterns; PETRARCH-1 blocks too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/error.h"
#include "base/file.h"
#include "dict/build.h"

/* Tolerated oddities (warnings): duplicate roots (later patterns join the
 * first root), duplicate patterns of a root and duplicate forms (skipped).
 * A pattern without a code block has code NULL: it takes its root's code.
 * A pattern with two '*' is skipped with a warning (CAMEO.091003 has two).
 * PETRARCH-1 files ("--- NAME [CODE] ---" blocks): every verb of a block
 * shares the block's patterns (main = the block's first verb) and takes the
 * block code unless it has its own; a pattern without '*' gets one in front. */

typedef struct verbs_ctx {
    dy_build *b;
    const char *file;
    long line;
    dyad_error *err;
    int section;             /* dy_section */
    long section_line;
    int in_synsets;          /* inside <SYNSETS> */
    long cur_root;           /* main verb patterns go to; -1 before any */
    int root_from_this_line; /* for "{forms}" placement checks */
    dy_synset_reader syn;    /* the synset being read */
    /* PETRARCH block */
    int petr_block;          /* inside a --- NAME [CODE] --- block */
    long block_main;         /* first verb of the block, -1 until seen */
    dy_vcode block_code;
} verbs_ctx;

static dyad_status nomem(verbs_ctx *c)
{
    return dy_error_set(c->err, DYAD_ERR_NOMEM, c->file, c->line, "out of memory");
}

static dyad_status close_synset(verbs_ctx *c)
{
    return dy_synset_close(c->b, &c->syn, c->file, c->line, c->err);
}

static dyad_status open_synset(verbs_ctx *c, const char *s, size_t n)
{
    dyad_status st = close_synset(c);   /* before any complaint about the name */
    if (st != DYAD_OK)
        return st;
    s++;
    n--;
    dy_trim(&s, &n);
    while (n && s[n - 1] == '_')    /* PETRARCH writes &AUXVERB1_ */
        n--;
    if (n == 0)
        return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line, "missing synset name");
    char name[128];
    if (n >= sizeof name)
        return dy_error_set(c->err, DYAD_ERR_LIMIT, c->file, c->line, "synset name too long");
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')))
            return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line,
                                "bad character '%c' in synset name", ch);
        name[i] = (char)(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
    }
    return dy_synset_open(c->b, &c->syn, name, n, c->file, c->line, c->err);
}

static dyad_status synset_member(verbs_ctx *c, const char *s, size_t n)
{
    dy_build *b = c->b;
    dy_phrase ph;
    dyad_status st = dy_parse_phrase(b, s, n, 1, &ph, NULL, c->file, c->line, c->err);
    if (st != DYAD_OK)
        return st;
    for (uint32_t i = 0; i < ph.count; i++) {
        const dy_elem *e = &b->elems.v[ph.first + i];
        if (e->kind == DY_EL_SYNSET && (long)e->ref == c->syn.cur)
            return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line,
                                "synset &%s refers to itself", b->synsets.v[e->ref].name);
        if (e->kind == DY_EL_ALT || e->kind == DY_EL_VERB)
            return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line,
                                "synset members cannot hold %s",
                                e->kind == DY_EL_ALT ? "alternatives" : "the verb marker *");
    }
    return dy_synset_member(&c->syn, ph, c->file, c->line, c->err);
}

/* Parses "[...]" at the end of s into code (absent: zero code); *phn gets
 * the length of the text before it. */
static dyad_status line_code(verbs_ctx *c, const char *s, size_t n, size_t *phn,
                             dy_vcode *code, int *has_code)
{
    const char *br = memchr(s, '[', n);
    *has_code = 0;
    memset(code, 0, sizeof *code);
    *phn = n;
    if (!br) {
        if (memchr(s, ']', n))
            return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line, "missing '['");
        return DYAD_OK;
    }
    const char *close = memchr(br, ']', (size_t)(s + n - br));
    if (!close)
        return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line, "missing ']'");
    const char *rest = close + 1;
    size_t rn = (size_t)(s + n - rest);
    dy_trim(&rest, &rn);
    if (rn)
        dy_build_warn(c->b, c->file, c->line, "text after the code block ignored: %.*s",
                      (int)rn, rest);
    *phn = (size_t)(br - s);
    *has_code = 1;
    return dy_parse_vcode(c->b, br + 1, (size_t)(close - br - 1), c->section, code,
                          c->file, c->line, c->err);
}

/* Adds one verb entry; main < 0 makes it a root. *idx as dy_add_verb's. */
static dyad_status add_verb(verbs_ctx *c, const char *s, size_t n, const dy_vcode *code,
                            long main, long *idx)
{
    dy_trim(&s, &n);
    *idx = -1;
    if (n == 0)
        return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line, "missing verb");
    /* PETRARCH-1 marks the verb of a multi-word verb with '+' ("WIRE_+TAP",
     * "+CORDONED_OFF"): the words are matched as a phrase, the mark dropped */
    char plain[256];
    if (c->petr_block && memchr(s, '+', n) && n < sizeof plain) {
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (s[i] != '+')
                plain[m++] = s[i];
        s = plain;
        n = m;
        if (n == 0)
            return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line, "missing verb");
    }
    return dy_add_verb(c->b, s, n, code, c->section, main, 1, c->file, c->line, c->err, idx);
}

dyad_status dy_add_verb(dy_build *b, const char *s, size_t n, const dy_vcode *code, int section,
                        long main, int join_note, const char *file, long line, dyad_error *err,
                        long *idx)
{
    *idx = -1;
    const char *key = dy_phrase_key(b, s, n);
    uint32_t old;
    if (dy_strset_get(&b->seen_verb, key, strlen(key), &old)) {
        if (b->dup_warning)
            dy_build_warn(b, file, line, "duplicate verb %s (first at %s:%u)%s", key,
                          b->verbs.v[old].file, b->verbs.v[old].line,
                          join_note && main < 0 ? "; its patterns join the first" : "; ignored");
        *idx = -2 - (long)b->verbs.v[old].main;   /* tells the caller where patterns go */
        return DYAD_OK;
    }
    const char *k = dy_build_str(b, key, strlen(key));
    dy_verb v = {0};
    dyad_status st = dy_parse_phrase(b, s, n, 0, &v.root, NULL, file, line, err);
    if (st != DYAD_OK)
        return st;
    v.code = *code;
    v.section = (uint8_t)section;
    v.main = main < 0 ? (uint32_t)b->verbs.n : (uint32_t)main;
    v.text = dy_build_str(b, s, n);
    v.file = file;
    v.line = (uint32_t)line;
    if (!k || !v.text || dy_strset_put(&b->seen_verb, k, (uint32_t)b->verbs.n, NULL) < 0 ||
        dy_vec_push(&b->verbs, v) != 0)
        return dy_error_set(err, DYAD_ERR_NOMEM, file, line, "out of memory");
    *idx = (long)b->verbs.n - 1;
    return DYAD_OK;
}

/* A one-word verb of a PETRARCH configuration matches exactly (load.c
 * gives the others PETRARCH's regular forms). */
static void exact_word(dy_build *b, dy_phrase ph)
{
    if (ph.count != 1) return;
    dy_elem *e = &b->elems.v[ph.first];
    if (e->kind == DY_EL_WORD) e->match = DY_MATCH_EXACT;
}

/* "{ BROKE_ BROKEN_ }": forms of the current root. */
static dyad_status forms(verbs_ctx *c, const char *s, size_t n)
{
    const char *cb = memchr(s, '}', n);
    if (!cb)
        return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line, "missing '}' after verb forms");
    if (c->cur_root < 0)
        return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line,
                            "verb forms { ... } before any verb");
    const dy_verb *root = &c->b->verbs.v[c->cur_root];
    dy_vcode code = root->code;
    if (c->b->petrarch) exact_word(c->b, root->root);
    long main = (long)root->main;
    size_t p = 1, end = (size_t)(cb - s);
    while (p < end) {
        while (p < end && (s[p] == ' ' || s[p] == '\t'))
            p++;
        size_t q = p;
        while (q < end && s[q] != ' ' && s[q] != '\t')
            q++;
        if (q > p) {
            long idx;
            dyad_status st = add_verb(c, s + p, q - p, &code, main, &idx);
            if (st != DYAD_OK)
                return st;
            if (c->b->petrarch && idx >= 0)   /* PETRARCH: the listed forms, and only them */
                exact_word(c->b, c->b->verbs.v[idx].root);
        }
        p = q;
    }
    return DYAD_OK;
}

static dyad_status pattern(verbs_ctx *c, const char *s, size_t n)
{
    dy_build *b = c->b;
    if (c->cur_root < 0)
        return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line,
                            "pattern before any verb");
    size_t phn;
    int has_code;
    dy_pattern p = {0};
    dyad_status st = line_code(c, s, n, &phn, &p.code, &has_code);
    if (st != DYAD_OK)
        return st;
    const char *ph = s;
    dy_trim(&ph, &phn);
    unsigned len = 0;
    char implied[600];
    if (c->petr_block && !memchr(ph, '*', phn) && phn + 2 < sizeof implied) {
        /* PETRARCH-1 patterns without '*' follow the verb */
        memcpy(implied, "* ", 2);
        memcpy(implied + 2, ph, phn);
        st = dy_parse_phrase(b, implied, phn + 2, 1, &p.phrase, &len, c->file, c->line,
                             c->err);
    } else {
        st = dy_parse_phrase(b, ph, phn, 1, &p.phrase, &len, c->file, c->line, c->err);
    }
    if (st != DYAD_OK)
        return st;
    int verbs = 0;
    for (uint32_t i = 0; i < p.phrase.count; i++)
        verbs += b->elems.v[p.phrase.first + i].kind == DY_EL_VERB;
    if (verbs == 0)
        return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line,
                            "missing verb marker '*' in pattern");
    if (verbs > 1) {   /* CAMEO.091003 has two such lines */
        dy_build_warn(b, c->file, c->line, "more than one verb marker '*'; pattern ignored");
        return DYAD_OK;
    }
    /* duplicate check: root index + pattern text */
    char keybuf[600];
    int kl = snprintf(keybuf, sizeof keybuf, "%ld|%.*s", c->cur_root, (int)phn, ph);
    if (kl > 0 && (size_t)kl < sizeof keybuf) {
        const char *key = dy_phrase_key(b, keybuf, (size_t)kl);
        uint32_t old;
        if (dy_strset_get(&b->seen_pattern, key, strlen(key), &old)) {
            if (b->dup_warning)
                dy_build_warn(b, c->file, c->line, "duplicate pattern (first at line %u); ignored",
                              old);
            return DYAD_OK;
        }
        const char *k = dy_build_str(b, key, strlen(key));
        if (!k || dy_strset_put(&b->seen_pattern, k, (uint32_t)c->line, NULL) < 0)
            return nomem(c);
    }
    p.length = (uint16_t)(len > 65535 ? 65535 : len);
    p.text = dy_build_str(b, ph, phn);
    p.file = c->file;
    p.line = (uint32_t)c->line;
    uint32_t owner = (uint32_t)c->cur_root;
    if (!p.text || dy_vec_push(&b->patterns, p) != 0 ||
        dy_vec_push(&b->pattern_owner, owner) != 0)
        return nomem(c);
    return DYAD_OK;
}

/* "ROOT [CODE]", "ROOT", or PETRARCH "ROOT {FORMS} [CODE]" / "+MULTI_WORD". */
static dyad_status root_line(verbs_ctx *c, const char *s, size_t n)
{
    size_t phn;
    int has_code;
    dy_vcode code;
    if (c->petr_block && s[0] == '+') {
        s++;
        n--;
    }
    /* forms "{...}" may sit before or after the code block: cut them out */
    char rest[600];
    const char *brace = memchr(s, '{', n), *cb = NULL;
    if (brace && (cb = memchr(brace, '}', (size_t)(s + n - brace))) != NULL &&
        n < sizeof rest) {
        size_t pre = (size_t)(brace - s), post = (size_t)(s + n - cb - 1);
        memcpy(rest, s, pre);
        rest[pre] = ' ';
        memcpy(rest + pre + 1, cb + 1, post);
        dyad_status st = line_code(c, rest, pre + 1 + post, &phn, &code, &has_code);
        if (st != DYAD_OK)
            return st;
        phn = phn < pre ? phn : pre;
    } else {
        brace = NULL;
        dyad_status st = line_code(c, s, n, &phn, &code, &has_code);
        if (st != DYAD_OK)
            return st;
    }
    if (c->petr_block && !has_code)
        code = c->block_code;
    size_t rootn = phn;
    dyad_status st;
    long main = c->petr_block && c->block_main >= 0 ? c->block_main : -1;
    long idx;
    st = add_verb(c, s, rootn, &code, main, &idx);
    if (st != DYAD_OK)
        return st;
    if (idx <= -2)
        idx = -2 - idx;     /* duplicate: patterns go to the first one */
    c->cur_root = c->petr_block && c->block_main >= 0 ? c->block_main : idx;
    if (c->petr_block && c->block_main < 0)
        c->block_main = idx;
    if (brace) {
        long keep = c->cur_root;
        c->cur_root = idx;
        /* forms inherit this verb's code, but patterns stay with the block */
        st = forms(c, brace, (size_t)(cb - brace + 1));
        c->cur_root = keep;
    }
    return st;
}

/* "--- NAME [CODE] ---" opens a PETRARCH-1 block. */
static dyad_status petr_block(verbs_ctx *c, const char *s, size_t n)
{
    c->petr_block = 1;
    c->block_main = -1;
    c->cur_root = -1;
    memset(&c->block_code, 0, sizeof c->block_code);
    const char *br = memchr(s, '[', n);
    if (!br)
        return DYAD_OK;
    const char *close = memchr(br, ']', (size_t)(s + n - br));
    if (!close)
        return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line, "missing ']'");
    return dy_parse_vcode(c->b, br + 1, (size_t)(close - br - 1), DY_SECTION_VERB,
                          &c->block_code, c->file, c->line, c->err);
}

static int tag_is(const char *s, size_t n, const char *tag)
{
    size_t m = strlen(tag);
    return n >= m && strncasecmp(s, tag, m) == 0;
}

static dyad_status tag_line(verbs_ctx *c, const char *s, size_t n)
{
    dyad_status st = close_synset(c);
    if (st != DYAD_OK)
        return st;
    if (tag_is(s, n, "<SYNSET")) {
        c->in_synsets = 1;
    } else if (tag_is(s, n, "</SYNSET")) {
        c->in_synsets = 0;
    } else if (tag_is(s, n, "<TIME>") || tag_is(s, n, "<ATTRIB")) {
        if (c->section != DY_SECTION_VERB)
            return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line,
                                "section opened inside another one (line %ld)", c->section_line);
        c->section = tag_is(s, n, "<TIME>") ? DY_SECTION_TIME : DY_SECTION_ATTRIB;
        c->section_line = c->line;
        c->cur_root = -1;
        if (c->section == DY_SECTION_TIME)
            c->b->d->has_time = 1;
        else
            c->b->d->has_attrib = 1;
    } else if (tag_is(s, n, "</TIME>") || tag_is(s, n, "</ATTRIB")) {
        c->section = DY_SECTION_VERB;
        c->cur_root = -1;
    } else {
        dy_build_warn(c->b, c->file, c->line, "unknown tag %.*s ignored", (int)n, s);
    }
    return DYAD_OK;
}

dyad_status dy_read_verbs(dy_build *b, const char *file, const char *buf, size_t len,
                          dyad_error *err)
{
    size_t pos = 0, n;
    const char *s;
    dyad_status st = DYAD_OK;
    verbs_ctx c;
    memset(&c, 0, sizeof c);
    c.b = b;
    c.err = err;
    c.cur_root = -1;
    dy_synset_reader_init(&c.syn);
    c.block_main = -1;
    c.file = file;
    int in_comment = 0;
    while (st == DYAD_OK && dy_next_line(buf, len, &pos, &s, &n)) {
        c.line++;
        dy_trim(&s, &n);
        if (dy_xml_comment(s, n, &in_comment))
            continue;
        if (n == 0 || s[0] == '#' || s[0] == '/' || s[0] == ';')
            continue;
        if (s[0] == '~')
            break;
        if (s[0] == '<') {
            st = tag_line(&c, s, n);
            continue;
        }
        if (n >= 3 && s[0] == '-' && s[1] == '-' && s[2] == '-') {
            st = close_synset(&c);
            if (st == DYAD_OK)
                st = petr_block(&c, s, n);
            continue;
        }
        n = dy_cut_comment(s, n, 1);
        dy_trim(&s, &n);
        if (n == 0)
            continue;
        if (s[0] == '&') {
            st = open_synset(&c, s, n);
            continue;
        }
        if (s[0] == '+' && c.syn.cur >= 0) {
            st = synset_member(&c, s + 1, n - 1);
            continue;
        }
        st = close_synset(&c);
        if (st != DYAD_OK)
            break;
        if (c.in_synsets) {
            st = dy_error_set(err, DYAD_ERR_PARSE, c.file, c.line,
                              "expected &NAME or +MEMBER inside <SYNSETS>");
            break;
        }
        if ((s[0] == '-' || s[0] == '_') && (n == 1 || s[1] == ' ' || s[1] == '\t'))
            st = pattern(&c, s + 1, n - 1);
        else if (s[0] == '{')
            st = forms(&c, s, n);
        else
            st = root_line(&c, s, n);
    }
    if (st == DYAD_OK)
        st = close_synset(&c);
    if (st == DYAD_OK && c.section != DY_SECTION_VERB)
        st = dy_error_set(err, DYAD_ERR_PARSE, c.file, c.section_line,
                          c.section == DY_SECTION_TIME ? "<TIME> without </TIME>"
                                                       : "<ATTRIB> without </ATTRIB>");
    if (st == DYAD_OK && c.in_synsets)
        dy_build_warn(b, c.file, c.line, "<SYNSETS> without </SYNSETS>");
    dy_synset_reader_free(&c.syn);
    return st;
}
