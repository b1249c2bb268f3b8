/* issues.c — reading issues files (manual 9.2: <ISSUE CATEGORY=.. TYPE=..
 * DEFAULT=..> blocks of PHRASE [CODE]) and discards files (PHRASE, '+' = story). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/error.h"
#include "base/file.h"
#include "dict/build.h"

/* Phoenix issue lines also use PETRARCH marks, read as TABARI connectors:
 * "n:WORD" / "v:WORD" mark a noun or verb (read WORD_: regular endings),
 * "pre+k" joins words (PRE_K), a phrase without [CODE] takes the code of
 * the phrase above it in the category (else the category's name),
 * "~phrase" is an exclusion, stored with code NULL. A stray </ISSUE> and
 * discard lines that look like tab-separated data are warnings. */

/* The value of NAME="..." in a tag, or NULL. */
static const char *attr(dy_build *b, const char *s, size_t n, const char *name, size_t *vn)
{
    size_t m = strlen(name);
    for (size_t i = 0; i + m < n; i++) {
        if (strncasecmp(s + i, name, m) != 0 || (i && isalnum((unsigned char)s[i - 1])))
            continue;
        size_t p = i + m;
        while (p < n && (s[p] == ' ' || s[p] == '\t'))
            p++;
        if (p >= n || s[p] != '=')
            continue;
        p++;
        while (p < n && (s[p] == ' ' || s[p] == '\t'))
            p++;
        if (p >= n || s[p] != '"')
            continue;
        const char *q = memchr(s + p + 1, '"', n - p - 1);
        if (!q)
            return NULL;
        *vn = (size_t)(q - s - p - 1);
        (void)b;
        return s + p + 1;
    }
    return NULL;
}

static dyad_status open_cat(dy_build *b, const char *s, size_t n, const char *file, long line,
                            dyad_error *err)
{
    dy_issue_cat cat = {0};
    size_t vn;
    const char *v = attr(b, s, n, "CATEGORY", &vn);
    cat.name = v ? dy_build_str(b, v, vn) : "";
    v = attr(b, s, n, "DEFAULT", &vn);
    if (v)
        cat.deflt = dy_build_str(b, v, vn);
    v = attr(b, s, n, "TYPE", &vn);
    if (v) {
        for (size_t i = 0; i + 3 <= vn; i++) {
            if (strncasecmp(v + i, "ALL", 3) == 0)
                cat.all = 1;
            if (i + 7 <= vn && strncasecmp(v + i, "NUMERIC", 7) == 0)
                cat.numeric = 1;
        }
    }
    if (!cat.name || dy_vec_push(&b->issue_cats, cat) != 0)
        return dy_error_set(err, DYAD_ERR_NOMEM, file, line, "out of memory");
    return DYAD_OK;
}

/* Rewrites the PETRARCH marks of an issue phrase into b->tmp. */
static const char *issue_text(dy_build *b, const char *s, size_t n, size_t *out_n)
{
    dy_strbuf_clear(&b->tmp);
    for (size_t i = 0; i < n; i++) {
        if (strchr("nNvV", s[i]) && i + 1 < n && s[i + 1] == ':' &&
            (i == 0 || s[i - 1] == ' ' || s[i - 1] == '+')) {
            size_t j = i + 2;
            while (j < n && s[j] != ' ' && s[j] != '+')
                j++;
            dy_strbuf_add(&b->tmp, s + i + 2, j - i - 2);
            dy_strbuf_addc(&b->tmp, '_');
            i = j - 1;
            continue;
        }
        dy_strbuf_addc(&b->tmp, s[i] == '+' ? '_' : s[i]);
    }
    *out_n = b->tmp.len;
    return b->tmp.s ? b->tmp.s : "";
}

static dyad_status issue_line(dy_build *b, const char *s, size_t n, const char *file,
                              long line, dyad_error *err)
{
    if (b->issue_cats.n == 0)
        return dy_error_set(err, DYAD_ERR_PARSE, file, line,
                            "issue phrase outside an <ISSUE ...> block");
    dy_issue is = {0};
    is.cat = (uint32_t)b->issue_cats.n - 1;
    is.file = file;
    is.line = (uint32_t)line;
    int exclude = s[0] == '~';
    if (exclude) {
        s++;
        n--;
    }
    const char *br = memchr(s, '[', n);
    size_t phn = br ? (size_t)(br - s) : n;
    if (br) {
        const char *close = memchr(br, ']', (size_t)(s + n - br));
        if (!close)
            return dy_error_set(err, DYAD_ERR_PARSE, file, line, "missing ']'");
        const char *c = br + 1;
        size_t cn = (size_t)(close - c);
        dy_trim(&c, &cn);
        if (cn == 0)
            return dy_error_set(err, DYAD_ERR_PARSE, file, line, "empty code block [ ]");
        char up[128];
        if (cn >= sizeof up)
            return dy_error_set(err, DYAD_ERR_PARSE, file, line, "code too long");
        for (size_t i = 0; i < cn; i++)
            up[i] = (char)toupper((unsigned char)c[i]);
        is.code = dy_build_intern(b, up, cn);
    } else if (!exclude && !b->issue_cats.v[is.cat].numeric) {
        /* Phoenix lists phrases without codes under a coded one: they take
         * the previous code of the category, else the category's name. */
        const dy_issue *prev = b->issues.n ? &b->issues.v[b->issues.n - 1] : NULL;
        if (prev && prev->cat == is.cat && prev->code)
            is.code = prev->code;
        else
            is.code = dy_build_intern(b, b->issue_cats.v[is.cat].name,
                                      strlen(b->issue_cats.v[is.cat].name));
    }
    size_t tn;
    const char *t = issue_text(b, s, phn, &tn);
    char *copy = malloc(tn + 1);
    if (!copy)
        return dy_error_set(err, DYAD_ERR_NOMEM, file, line, "out of memory");
    memcpy(copy, t, tn);
    dyad_status st = dy_parse_phrase(b, copy, tn, 0, &is.phrase, NULL, file, line, err);
    free(copy);
    if (st != DYAD_OK)
        return st;
    if (exclude)
        is.code = NULL;
    return dy_vec_push(&b->issues, is) ? dy_error_set(err, DYAD_ERR_NOMEM, file, line,
                                                      "out of memory")
                                       : DYAD_OK;
}

dyad_status dy_read_issues(dy_build *b, const char *file, const char *buf, size_t len,
                           dyad_error *err)
{
    size_t pos = 0, n;
    const char *s;
    long lineno = 0, open_line = 0;
    int open = 0;
    dyad_status st = DYAD_OK;
    while (st == DYAD_OK && dy_next_line(buf, len, &pos, &s, &n)) {
        lineno++;
        dy_trim(&s, &n);
        if (n == 0 || s[0] == '#' || s[0] == '/')
            continue;
        if (s[0] == '<') {
            if (n >= 7 && strncasecmp(s, "</ISSUE", 7) == 0) {
                if (!open)
                    dy_build_warn(b, file, lineno, "</ISSUE> without <ISSUE>");
                open = 0;
            } else if (n >= 6 && strncasecmp(s, "<ISSUE", 6) == 0) {
                if (open)
                    dy_build_warn(b, file, lineno, "<ISSUE> inside an open <ISSUE> (line %ld)",
                                  open_line);
                open = 1;
                open_line = lineno;
                st = open_cat(b, s, n, file, lineno, err);
            } else {
                dy_build_warn(b, file, lineno, "unknown tag ignored");
            }
            continue;
        }
        if (!open) {
            st = dy_error_set(err, DYAD_ERR_PARSE, file, lineno,
                              "issue phrase outside an <ISSUE ...> block");
            break;
        }
        n = dy_cut_comment(s, n, 1);
        dy_trim(&s, &n);
        if (n)
            st = issue_line(b, s, n, file, lineno, err);
    }
    if (st == DYAD_OK && open)
        st = dy_error_set(err, DYAD_ERR_PARSE, file, open_line, "<ISSUE> without </ISSUE>");
    return st;
}

dyad_status dy_read_discards(dy_build *b, const char *file, const char *buf, size_t len,
                             dyad_error *err)
{
    size_t pos = 0, n;
    const char *s;
    long lineno = 0;
    dyad_status st = DYAD_OK;
    int skipped = 0;
    while (st == DYAD_OK && dy_next_line(buf, len, &pos, &s, &n)) {
        lineno++;
        dy_trim(&s, &n);
        if (n == 0 || s[0] == '#' || s[0] == '/')
            continue;
        if (s[0] == '~')
            break;
        n = dy_cut_comment(s, n, 1);
        dy_trim(&s, &n);
        if (n == 0)
            continue;
        if (memchr(s, '\t', n) || memchr(s, '"', n)) {
            if (skipped++ == 0)
                dy_build_warn(b, file, lineno, "not a discard phrase (tab-separated data?); "
                                               "such lines are skipped");
            continue;
        }
        dy_discard dc = {0};
        dc.file = file;
        dc.line = (uint32_t)lineno;
        if (s[0] == '+') {
            dc.whole_story = 1;
            s++;
            n--;
            dy_trim(&s, &n);
        }
        /* an optional code block ("[###]") adds nothing: drop it */
        const char *br = memchr(s, '[', n);
        if (br) {
            n = (size_t)(br - s);
            dy_trim(&s, &n);
        }
        st = dy_parse_phrase(b, s, n, 0, &dc.phrase, NULL, file, lineno, err);
        if (st == DYAD_OK && dy_vec_push(&b->discards, dc) != 0)
            st = dy_error_set(err, DYAD_ERR_NOMEM, file, lineno, "out of memory");
    }
    return st;
}
