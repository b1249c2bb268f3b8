/* codes.c — parsing bracketed code blocks: actor codes with date restrictions
 * and coded compounds, verb/pattern/time codes, special codes; actor lookup by date. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/error.h"
#include "dict/build.h"

static int is_blank(char c) { return c == ' ' || c == '\t'; }

int dy_special_code(const char *s, size_t n)
{
    /* "---", "- - -", "###", "# # #", "+++": three equal marks, blanks allowed */
    char mark = 0;
    int count = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_blank(s[i]))
            continue;
        if (s[i] != '-' && s[i] != '#' && s[i] != '+')
            return DY_SPECIAL_NONE;
        if (mark && s[i] != mark)
            return DY_SPECIAL_NONE;
        mark = s[i];
        count++;
    }
    if (count != 3)
        return DY_SPECIAL_NONE;
    return mark == '-' ? DY_SPECIAL_NULL : mark == '#' ? DY_SPECIAL_DISCARD : DY_SPECIAL_COMPLEX;
}

/* Length of a leading special code "- - -" etc. in s, or 0. */
static size_t special_prefix(const char *s, size_t n, int *special)
{
    char mark = 0;
    int count = 0;
    size_t i = 0, end = 0;
    for (; i < n && count < 3; i++) {
        if (is_blank(s[i]))
            continue;
        if ((s[i] != '-' && s[i] != '#' && s[i] != '+') || (mark && s[i] != mark))
            return 0;
        mark = s[i];
        count++;
        end = i + 1;
    }
    if (count != 3)
        return 0;
    /* "---123" is not a special code followed by a date */
    *special = dy_special_code(s, end);
    return end;
}

static int code_char(char c) { return isalnum((unsigned char)c) != 0; }

static void trim(const char **s, size_t *n)
{
    while (*n && is_blank(**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && is_blank((*s)[*n - 1]))
        (*n)--;
}

static int parse_date(const char *s, size_t n, int *out)
{
    trim(&s, &n);
    *out = dy_parse_tabari_date(s, n, 0);
    return *out != 0;
}

/* A restriction made only of digits and < > - blanks: a mistyped date
 * ("9008223" occurs in Phoenix), not garbage. */
static int date_like(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]) && !strchr("<>- \t", s[i]))
            return 0;
    return 1;
}

/* One actor block's inside: CODE[/CODE...] then an optional restriction. */
static dyad_status actor_block(dy_build *b, const char *s, size_t n, dy_dated_code *dc,
                               const char *file, long line, dyad_error *err)
{
    const char *whole = s;
    size_t wn = n;
    memset(dc, 0, sizeof *dc);
    trim(&s, &n);
    if (n == 0)
        return dy_error_set(err, DYAD_ERR_PARSE, file, line, "empty code block [ ]");
    int special = 0;
    size_t p = special_prefix(s, n, &special);
    b->codebuf.n = 0;
    if (p) {
        dc->special = (uint8_t)special;
    } else {
        for (;;) {
            size_t q = p;
            while (q < n && code_char(s[q]))
                q++;
            if (q == p)
                return dy_error_set(err, DYAD_ERR_PARSE, file, line,
                                    "malformed code block [%.*s]", (int)wn, whole);
            char up[64];
            size_t k = q - p < sizeof up ? q - p : sizeof up - 1;
            for (size_t i = 0; i < k; i++)
                up[i] = (char)toupper((unsigned char)s[p + i]);
            const char *code = dy_build_intern(b, up, k);
            if (!code || dy_vec_push(&b->codebuf, code) != 0)
                return dy_error_set(err, DYAD_ERR_NOMEM, file, line, "out of memory");
            p = q;
            if (p < n && s[p] == '/') {
                p++;
                continue;
            }
            break;
        }
    }
    /* the restriction */
    const char *r = s + p;
    size_t rn = n - p;
    trim(&r, &rn);
    if (rn) {
        if (r[0] == '<' || r[0] == '>') {
            int d;
            if (!parse_date(r + 1, rn - 1, &d))
                goto bad_date;
            if (r[0] == '<')
                dc->to = d;
            else
                dc->from = d;
        } else {
            /* D1-D2, and with one side left open D- (from D on) and -D (up
             * to D), as docs/dictionaries.md writes a leader change */
            const char *dash = memchr(r, '-', rn);
            if (!dash || (p < n && !is_blank(s[p])))   /* "[AAA950601-990815]" */
                goto bad_date;
            const char *a = r, *z = dash + 1;
            size_t an = (size_t)(dash - r), zn = (size_t)(r + rn - dash - 1);
            trim(&a, &an);
            trim(&z, &zn);
            if ((an == 0 && zn == 0) || (an && !parse_date(a, an, &dc->from)) ||
                (zn && !parse_date(z, zn, &dc->to)))
                goto bad_date;
            if (dc->from && dc->to && dc->from > dc->to) {
                dy_build_warn(b, file, line, "date range ends before it starts in code block "
                              "[%.*s]; block ignored", (int)wn, whole);
                return DYAD_ERR_LIMIT;   /* private signal: skip this block */
            }
        }
    }
    dc->n_codes = (uint16_t)b->codebuf.n;
    if (dc->n_codes) {
        dc->codes = dy_arena_alloc(&b->d->arena, dc->n_codes * sizeof *dc->codes);
        if (!dc->codes)
            return dy_error_set(err, DYAD_ERR_NOMEM, file, line, "out of memory");
        memcpy(dc->codes, b->codebuf.v, dc->n_codes * sizeof *dc->codes);
    }
    return DYAD_OK;
bad_date:;
    /* TABARI skipped what it could not read; production files hold a few
     * mistyped dates, so those are a warning and the block is dropped. */
    int lettered = dc->special != 0;
    for (size_t i = 0; i < p && !lettered; i++)
        lettered = isalpha((unsigned char)s[i]) != 0;
    /* "[AAA950601-990815]" (no blank after the code) stays an error */
    if (lettered && p < n && is_blank(s[p]) && date_like(r, rn)) {
        dy_build_warn(b, file, line, "bad date in code block [%.*s]; block ignored",
                      (int)wn, whole);
        return DYAD_ERR_LIMIT;   /* private signal: skip this block */
    }
    return dy_error_set(err, DYAD_ERR_PARSE, file, line,
                        "malformed date restriction in [%.*s]", (int)wn, whole);
}

dyad_status dy_parse_actor_codes(dy_build *b, const char *s, size_t n,
                                 uint32_t *first, uint32_t *count,
                                 const char *file, long line, dyad_error *err)
{
    *first = (uint32_t)b->dated.n;
    size_t p = 0;
    int n_restricted = 0, n_default = 0;
    while (p < n) {
        if (is_blank(s[p])) {
            p++;
            continue;
        }
        if (s[p] != '[') {
            if (b->dated.n == *first)
                return dy_error_set(err, DYAD_ERR_PARSE, file, line,
                                    "expected '[' before \"%.*s\"", (int)(n - p), s + p);
            /* Phoenix has uncommented notes after the codes */
            dy_build_warn(b, file, line, "text after the code blocks ignored: %.*s",
                          (int)(n - p), s + p);
            break;
        }
        const char *close = memchr(s + p, ']', n - p);
        if (!close)
            return dy_error_set(err, DYAD_ERR_PARSE, file, line, "missing ']'");
        dy_dated_code dc;
        dyad_status st = actor_block(b, s + p + 1, (size_t)(close - s - p - 1), &dc,
                                     file, line, err);
        if (st == DYAD_ERR_LIMIT) {   /* a mistyped date: block dropped */
            p = (size_t)(close - s) + 1;
            continue;
        }
        if (st != DYAD_OK)
            return st;
        if (dc.from || dc.to)
            n_restricted++;
        else
            n_default++;
        if (dy_vec_push(&b->dated, dc) != 0)
            return dy_error_set(err, DYAD_ERR_NOMEM, file, line, "out of memory");
        p = (size_t)(close - s) + 1;
    }
    /* Manual 6.5.2 note 5: a lone restriction gets a null default. */
    if (n_restricted == 1 && n_default == 0) {
        dy_dated_code dc = {0};
        dc.special = DY_SPECIAL_NULL;
        if (dy_vec_push(&b->dated, dc) != 0)
            return dy_error_set(err, DYAD_ERR_NOMEM, file, line, "out of memory");
    }
    /* Defaults go after the restrictions whatever the input order (Keds
     * allowed them anywhere): a stable partition. */
    size_t total = b->dated.n - *first;
    if (n_default && n_restricted) {
        dy_dated_code tmp[64];
        if (total <= 64) {
            size_t k = 0;
            for (int pass = 0; pass < 2; pass++)
                for (size_t i = *first; i < b->dated.n; i++) {
                    int restricted = b->dated.v[i].from || b->dated.v[i].to;
                    if (restricted == !pass)
                        tmp[k++] = b->dated.v[i];
                }
            memcpy(&b->dated.v[*first], tmp, total * sizeof *tmp);
        }
    }
    *count = (uint32_t)(b->dated.n - *first);
    return DYAD_OK;
}

dyad_status dy_parse_vcode(dy_build *b, const char *s, size_t n, int section,
                           dy_vcode *out, const char *file, long line, dyad_error *err)
{
    memset(out, 0, sizeof *out);
    trim(&s, &n);
    if (n == 0)
        return dy_error_set(err, DYAD_ERR_PARSE, file, line, "empty code block [ ]");
    int special = dy_special_code(s, n);
    if (special) {
        out->special = (uint8_t)special;
        return DYAD_OK;
    }
    if (section == DY_SECTION_TIME) {
        size_t i = 0;
        int sign = 1;
        if (s[0] == '+' || s[0] == '-') {
            sign = s[0] == '-' ? -1 : 1;
            i++;
        }
        while (i < n && is_blank(s[i]))
            i++;
        long v = 0;
        size_t d0 = i;
        while (i < n && isdigit((unsigned char)s[i]) && v < 100000)
            v = v * 10 + (s[i++] - '0');
        if (i == d0 || i != n)
            return dy_error_set(err, DYAD_ERR_PARSE, file, line,
                                "bad time shift [%.*s]: expected a signed number of days",
                                (int)n, s);
        if (v > 8192) {   /* manual 10.5: larger shifts become zero */
            dy_build_warn(b, file, line, "time shift %ld exceeds 8192 days; set to 0", v);
            v = 0;
        }
        out->shift = (int)(sign * v);
        return DYAD_OK;
    }
    size_t e = n;
    if (s[e - 1] == '?') {
        out->subordinate = 1;
        e--;
    } else if (s[e - 1] == '!') {
        out->dominant = 1;
        e--;
    }
    const char *colon = memchr(s, ':', e);
    size_t n1 = colon ? (size_t)(colon - s) : e;
    for (int part = 0; part < (colon ? 2 : 1); part++) {
        const char *c = part ? colon + 1 : s;
        size_t cn = part ? e - n1 - 1 : n1;
        trim(&c, &cn);
        char up[64];
        if (cn == 0 || cn >= sizeof up)
            return dy_error_set(err, DYAD_ERR_PARSE, file, line, "bad code [%.*s]", (int)n, s);
        for (size_t i = 0; i < cn; i++) {
            if (!code_char(c[i]))
                return dy_error_set(err, DYAD_ERR_PARSE, file, line,
                                    "bad character '%c' in code [%.*s]", c[i], (int)n, s);
            up[i] = (char)toupper((unsigned char)c[i]);
        }
        const char *code = dy_build_intern(b, up, cn);
        if (!code)
            return dy_error_set(err, DYAD_ERR_NOMEM, file, line, "out of memory");
        if (part)
            out->paired = code;
        else
            out->code = code;
    }
    return DYAD_OK;
}

static int holds(const dy_dated_code *dc, int date)
{
    return (!dc->from || date >= dc->from) && (!dc->to || date <= dc->to);
}

const dy_dated_code *dy_actor_codes(const struct dyad_dict *d, const dy_actor *a, int date)
{
    const dy_dated_code *deflt = NULL;
    for (uint32_t i = 0; i < a->n_codes; i++) {
        const dy_dated_code *dc = &d->dated[a->first_code + i];
        if (!dc->from && !dc->to) {
            if (!deflt)
                deflt = dc;
        } else if (holds(dc, date)) {
            return dc;
        }
    }
    return deflt;
}
