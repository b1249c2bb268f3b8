/* udbank.c — reads CoNLL-U treebanks (through zlib, so .gz or plain) into a
 * dy_udbank: the gold words the trainer learns from and the scorer checks. */
#include "syntax/udbank.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "base/error.h"
#include "syntax/syntax.h"

int dy_names_find(const dy_names *t, const char *s, size_t n)
{
    for (int i = 0; i < t->n; i++)
        if (strlen(t->name[i]) == n && memcmp(t->name[i], s, n) == 0)
            return i;
    return -1;
}

int dy_names_add(dy_names *t, const char *s, size_t n)
{
    int i = dy_names_find(t, s, n);
    if (i >= 0)
        return i;
    if (t->n >= DY_NAMES_MAX)
        return -1;
    char *c = malloc(n + 1);
    if (!c)
        return -1;
    memcpy(c, s, n);
    c[n] = '\0';
    t->name[t->n] = c;
    return t->n++;
}

void dy_names_free(dy_names *t)
{
    for (int i = 0; i < t->n; i++)
        free(t->name[i]);
    t->n = 0;
}

void dy_udbank_free(dy_udbank *b)
{
    dy_vec_free(&b->pool);
    dy_vec_free(&b->w);
    dy_vec_free(&b->s);
}

static int pool_add(dy_udbank *b, const char *s, size_t n, uint32_t *off)
{
    if (b->pool.n + n + 1 > UINT32_MAX)
        return -1;
    *off = (uint32_t)b->pool.n;
    for (size_t i = 0; i < n; i++)
        if (dy_vec_push(&b->pool, s[i]))
            return -1;
    return dy_vec_push(&b->pool, '\0');
}

/* Splits a CoNLL-U word line into its 10 tab-separated columns. */
static int split_cols(char *line, size_t len, const char *col[10], size_t clen[10])
{
    int k = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || line[i] == '\t') {
            if (k == 10)
                return -1;
            col[k] = line + start;
            clen[k] = i - start;
            k++;
            start = i + 1;
        }
    }
    return k == 10 ? 0 : -1;
}

static long parse_uint(const char *s, size_t n)
{
    if (n == 0 || n > 9)
        return -1;
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Closes the sentence being read: checks its heads, appends it. */
static dyad_status end_sentence(dy_udbank *b, size_t first, long line, const char *path,
                                dyad_error *err)
{
    size_t n = b->w.n - first;
    if (n == 0)
        return DYAD_OK;
    if (n > DY_SYN_MAX_WORDS) {
        b->w.n = first;
        b->skipped_long++;
        return DYAD_OK;
    }
    for (size_t i = first; i < b->w.n; i++)
        if (b->w.v[i].head > n)
            return dy_error_set(err, DYAD_ERR_PARSE, path, line,
                                "head %u of word %zu is past the sentence's %zu words",
                                b->w.v[i].head, i - first + 1, n);
    dy_udsent s = {first, (uint32_t)n, line};
    if (dy_vec_push(&b->s, s))
        return dy_error_set(err, DYAD_ERR_NOMEM, path, line, "out of memory");
    return DYAD_OK;
}

static dyad_status add_word(dy_udbank *b, const char *col[10], const size_t clen[10],
                            dy_names *xpos, dy_names *deprel, int add_names, size_t first,
                            const char *path, long line, dyad_error *err)
{
    dy_udword w = {0};
    long id = parse_uint(col[0], clen[0]);
    long head = parse_uint(col[6], clen[6]);
    if (id != (long)(b->w.n - first + 1))
        return dy_error_set(err, DYAD_ERR_PARSE, path, line, "word id %.*s out of order",
                            (int)(clen[0] < 20 ? clen[0] : 20), col[0]);
    if (head < 0 || head > 65535)
        return dy_error_set(err, DYAD_ERR_PARSE, path, line, "bad head '%.*s'",
                            (int)(clen[6] < 20 ? clen[6] : 20), col[6]);
    if (clen[1] == 0 || clen[1] > 65535 || clen[2] > 65535)
        return dy_error_set(err, DYAD_ERR_PARSE, path, line, "empty or overlong form");
    w.head = (uint16_t)head;
    int u = dy_upos_parse(col[3], clen[3]);
    w.upos = u < 0 ? DY_UD_NONE : (uint8_t)u;
    /* relations are kept whole ("nsubj:pass"); a missing XPOS is "_" */
    int x = add_names ? dy_names_add(xpos, col[4], clen[4]) : dy_names_find(xpos, col[4], clen[4]);
    int d = add_names ? dy_names_add(deprel, col[7], clen[7])
                      : dy_names_find(deprel, col[7], clen[7]);
    if (add_names && (x < 0 || d < 0))
        return dy_error_set(err, DYAD_ERR_LIMIT, path, line,
                            "more than %d distinct XPOS tags or relations", DY_NAMES_MAX);
    w.xpos = x < 0 ? DY_UD_NONE : (uint8_t)x;
    w.deprel = d < 0 ? DY_UD_NONE : (uint8_t)d;
    w.space_after = 1;
    /* MISC is '|'-separated; SpaceAfter=No is one of its items */
    const char *m = col[9], *end = col[9] + clen[9];
    while (m < end) {
        const char *bar = memchr(m, '|', (size_t)(end - m));
        size_t n = (size_t)((bar ? bar : end) - m);
        if (n == 13 && memcmp(m, "SpaceAfter=No", 13) == 0)
            w.space_after = 0;
        m += n + 1;
    }
    w.form_len = (uint16_t)clen[1];
    w.lemma_len = (uint16_t)clen[2];
    if (pool_add(b, col[1], clen[1], &w.form) || pool_add(b, col[2], clen[2], &w.lemma) ||
        dy_vec_push(&b->w, w))
        return dy_error_set(err, DYAD_ERR_NOMEM, path, line, "out of memory");
    return DYAD_OK;
}

dyad_status dy_udbank_read(dy_udbank *b, const char *path, dy_names *xpos, dy_names *deprel,
                           int add_names, dyad_error *err)
{
    gzFile f = gzopen(path, "rb");
    if (!f)
        return dy_error_set(err, DYAD_ERR_IO, path, 0, "cannot open: %s",
                            errno ? strerror(errno) : "out of memory");
    enum { CAP = 1 << 16 };
    char *buf = malloc(CAP);
    if (!buf) {
        gzclose(f);
        return dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
    }
    dyad_status st = DYAD_OK;
    long line = 0, sent_line = 0;
    size_t first = b->w.n;
    while (st == DYAD_OK && gzgets(f, buf, CAP)) {
        line++;
        size_t len = strlen(buf);
        if (len == CAP - 1 && buf[len - 1] != '\n') {
            st = dy_error_set(err, DYAD_ERR_LIMIT, path, line, "line longer than %d bytes", CAP);
            break;
        }
        while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
            len--;
        if (len == 0) {
            st = end_sentence(b, first, sent_line, path, err);
            first = b->w.n;
            continue;
        }
        if (buf[0] == '#')
            continue;
        const char *col[10];
        size_t clen[10];
        if (split_cols(buf, len, col, clen))
            st = dy_error_set(err, DYAD_ERR_PARSE, path, line, "not 10 tab-separated columns");
        else if (memchr(col[0], '-', clen[0]) || memchr(col[0], '.', clen[0]))
            continue;  /* multiword token or empty node */
        else {
            if (b->w.n == first)
                sent_line = line;
            st = add_word(b, col, clen, xpos, deprel, add_names, first, path, line, err);
        }
    }
    if (st == DYAD_OK) {
        int zerr = 0;
        const char *msg = gzerror(f, &zerr);
        if (zerr != Z_OK && zerr != Z_STREAM_END)
            st = dy_error_set(err, DYAD_ERR_IO, path, line, "read error: %s", msg);
        else
            st = end_sentence(b, first, sent_line, path, err);
    }
    free(buf);
    gzclose(f);
    return st;
}
