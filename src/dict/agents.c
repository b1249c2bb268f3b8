/* agents.c — reading a .agents file (manual 5.4): PHRASE [~CODE] or [CODE~],
 * plural forms {A B}, and PETRARCH substitution sets !NAME! = A, B, C. */
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/file.h"
#include "dict/build.h"

/* Tolerated oddities (warnings; Phoenix.agents.txt has each once):
 * duplicates (first wins); a code block closed by '}' instead of ']'; a
 * phrase without any code block (skipped). */

#define MAX_SUBST 64
#define MAX_MEMBERS 32

typedef struct subst {
    char name[48];           /* including the '!' marks */
    size_t nlen;
    const char *member[MAX_MEMBERS];
    size_t mlen[MAX_MEMBERS];
    int n;
} subst;

typedef struct agent_ctx {
    dy_build *b;
    const char *file;
    long line;
    dyad_error *err;
    subst subs[MAX_SUBST];
    int n_subs;
    dy_agent proto;          /* code, prefix, special */
} agent_ctx;

static dyad_status add_agent(agent_ctx *c, const char *ph, size_t n)
{
    dy_build *b = c->b;
    dy_trim(&ph, &n);
    if (n == 0)
        return DYAD_OK;
    const char *key = dy_phrase_key(b, ph, n);
    uint32_t old;
    if (dy_strset_get(&b->seen_agent, key, strlen(key), &old)) {
        if (b->dup_warning)
            dy_build_warn(b, c->file, c->line, "duplicate agent %s (first at %s:%u); ignored",
                          key, b->agents.v[old].file, b->agents.v[old].line);
        return DYAD_OK;
    }
    const char *k = dy_build_str(b, key, strlen(key));
    dy_agent a = c->proto;
    dyad_status st = dy_parse_phrase(b, ph, n, 0, &a.phrase, NULL, c->file, c->line, c->err);
    if (st != DYAD_OK)
        return st;
    a.text = dy_build_str(b, ph, n);
    a.file = c->file;
    a.line = (uint32_t)c->line;
    if (!k || !a.text || dy_strset_put(&b->seen_agent, k, (uint32_t)b->agents.n, NULL) < 0 ||
        dy_vec_push(&b->agents, a) != 0)
        return dy_error_set(c->err, DYAD_ERR_NOMEM, c->file, c->line, "out of memory");
    return DYAD_OK;
}

/* Expands the first !NAME! in ph (recursively for further ones). */
static dyad_status expand(agent_ctx *c, const char *ph, size_t n, int depth)
{
    const char *bang = memchr(ph, '!', n);
    if (!bang || depth > 4)
        return add_agent(c, ph, n);
    const char *end = memchr(bang + 1, '!', (size_t)(ph + n - bang - 1));
    if (!end)
        return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line,
                            "unterminated substitution marker in \"%.*s\"", (int)n, ph);
    size_t nlen = (size_t)(end - bang + 1);
    for (int i = 0; i < c->n_subs; i++) {
        subst *s = &c->subs[i];
        if (s->nlen != nlen || memcmp(s->name, bang, nlen) != 0)
            continue;
        for (int m = 0; m < s->n; m++) {
            char tmp[512];
            size_t pre = (size_t)(bang - ph), post = (size_t)(ph + n - end - 1);
            if (pre + s->mlen[m] + post >= sizeof tmp)
                return dy_error_set(c->err, DYAD_ERR_LIMIT, c->file, c->line, "phrase too long");
            memcpy(tmp, ph, pre);
            memcpy(tmp + pre, s->member[m], s->mlen[m]);
            memcpy(tmp + pre + s->mlen[m], end + 1, post);
            dyad_status st = expand(c, tmp, pre + s->mlen[m] + post, depth + 1);
            if (st != DYAD_OK)
                return st;
        }
        return DYAD_OK;
    }
    return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line,
                        "unknown substitution set %.*s", (int)nlen, bang);
}

/* "!NAME! = A, B, C" */
static dyad_status define_subst(agent_ctx *c, const char *s, size_t n)
{
    const char *eq = memchr(s, '=', n);
    const char *end = memchr(s + 1, '!', n - 1);
    if (!eq || !end || end > eq)
        return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line,
                            "expected !NAME! = MEMBER, MEMBER, ...");
    if (c->n_subs == MAX_SUBST)
        return dy_error_set(c->err, DYAD_ERR_LIMIT, c->file, c->line,
                            "more than %d substitution sets", MAX_SUBST);
    subst *sb = &c->subs[c->n_subs];
    memset(sb, 0, sizeof *sb);
    sb->nlen = (size_t)(end - s + 1);
    if (sb->nlen >= sizeof sb->name)
        return dy_error_set(c->err, DYAD_ERR_LIMIT, c->file, c->line, "name too long");
    memcpy(sb->name, s, sb->nlen);
    const char *p = eq + 1, *lim = s + n;
    while (p < lim) {
        const char *comma = memchr(p, ',', (size_t)(lim - p));
        const char *e = comma ? comma : lim;
        const char *m = p;
        size_t mn = (size_t)(e - p);
        dy_trim(&m, &mn);
        if (mn) {
            if (sb->n == MAX_MEMBERS)
                return dy_error_set(c->err, DYAD_ERR_LIMIT, c->file, c->line,
                                    "more than %d members", MAX_MEMBERS);
            sb->member[sb->n] = dy_build_str(c->b, m, mn);
            sb->mlen[sb->n++] = mn;
        }
        p = e + 1;
    }
    c->n_subs++;
    return DYAD_OK;
}

/* The inside of [~GOV] / [NGO~] / [---]. */
static dyad_status agent_code(agent_ctx *c, const char *s, size_t n)
{
    memset(&c->proto, 0, sizeof c->proto);
    dy_trim(&s, &n);
    int special = dy_special_code(s, n);
    if (special) {
        c->proto.special = (uint8_t)special;
        return DYAD_OK;
    }
    if (n == 0)
        return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line, "empty code block [ ]");
    if (s[0] == '~') {
        s++;
        n--;
    } else if (s[n - 1] == '~') {
        n--;
        c->proto.prefix = 1;
    } else {
        return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line,
                            "agent code [%.*s] lacks the ~ connector", (int)n, s);
    }
    dy_trim(&s, &n);
    char up[64];
    if (n == 0 || n >= sizeof up)
        return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line, "bad agent code");
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')))
            return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line,
                                "bad character '%c' in agent code", ch);
        up[i] = (char)(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
    }
    c->proto.code = dy_build_intern(c->b, up, n);
    if (!c->proto.code)
        return dy_error_set(c->err, DYAD_ERR_NOMEM, c->file, c->line, "out of memory");
    return DYAD_OK;
}

static dyad_status agent_line(agent_ctx *c, const char *s, size_t n)
{
    if (s[0] == '!' && memchr(s, '=', n))
        return define_subst(c, s, n);
    const char *br = memchr(s, '[', n);
    if (!br) {
        if (memchr(s, ']', n))
            return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line, "missing '['");
        dy_build_warn(c->b, c->file, c->line, "agent without [~CODE] ignored: %.*s", (int)n, s);
        return DYAD_OK;
    }
    const char *close = memchr(br, ']', (size_t)(s + n - br));
    if (!close) {
        close = memchr(br, '}', (size_t)(s + n - br));
        if (!close)
            return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line, "missing ']'");
        dy_build_warn(c->b, c->file, c->line, "code block closed by '}' instead of ']'");
    }
    dyad_status st = agent_code(c, br + 1, (size_t)(close - br - 1));
    if (st != DYAD_OK)
        return st;
    /* phrase, then optional {FORM FORM} */
    const char *ph = s;
    size_t phn = (size_t)(br - s);
    const char *brace = memchr(ph, '{', phn);
    const char *forms = NULL;
    size_t fn = 0;
    if (brace) {
        const char *cb = memchr(brace, '}', (size_t)(br - brace));
        if (!cb)
            return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line, "missing '}'");
        forms = brace + 1;
        fn = (size_t)(cb - brace - 1);
        phn = (size_t)(brace - ph);
    }
    dy_trim(&ph, &phn);
    if (phn == 0)
        return dy_error_set(c->err, DYAD_ERR_PARSE, c->file, c->line, "missing phrase");
    /* given forms ("POLICE {}") replace the regular plurals: the phrase
     * itself then matches without endings */
    char exact[512];
    if (brace && phn + 1 < sizeof exact && ph[phn - 1] != '_' && ph[phn - 1] != '=') {
        memcpy(exact, ph, phn);
        exact[phn] = '=';
        ph = exact;
        phn++;
    }
    st = expand(c, ph, phn, 0);
    size_t p = 0;
    while (st == DYAD_OK && p < fn) {
        while (p < fn && (forms[p] == ' ' || forms[p] == '\t'))
            p++;
        size_t q = p;
        while (q < fn && forms[q] != ' ' && forms[q] != '\t')
            q++;
        if (q > p)
            st = expand(c, forms + p, q - p, 0);
        p = q;
    }
    return st;
}

dyad_status dy_read_agents(dy_build *b, const char *file, const char *buf, size_t len,
                           dyad_error *err)
{
    size_t pos = 0, n;
    const char *s;
    dyad_status st = DYAD_OK;
    agent_ctx *c = calloc(1, sizeof *c);   /* the substitution sets are large */
    if (!c)
        return dy_error_set(err, DYAD_ERR_NOMEM, file, 0, "out of memory");
    c->b = b;
    c->file = file;
    c->err = err;
    int in_comment = 0;
    while (st == DYAD_OK && dy_next_line(buf, len, &pos, &s, &n)) {
        c->line++;
        dy_trim(&s, &n);
        if (dy_xml_comment(s, n, &in_comment))
            continue;
        if (n == 0 || s[0] == '#' || s[0] == '/')
            continue;
        if (s[0] == '~')
            break;
        n = dy_cut_comment(s, n, 1);
        dy_trim(&s, &n);
        if (n)
            st = agent_line(c, s, n);
    }
    free(c);
    return st;
}
