/* read_conllu.c — reading CoNLL-U one sentence at a time: each line is checked
 * and copied into one reused pool; a bad sentence is read to its end and skipped. */
#include "io/read_conllu.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"

#define NO_VALUE SIZE_MAX

static const char *const col_names[10] = {
    "ID", "FORM", "LEMMA", "UPOS", "XPOS", "FEATS", "HEAD", "DEPREL", "DEPS", "MISC"
};

void dy_conllu_init(dy_conllu_reader *r, FILE *f, const char *name)
{
    memset(r, 0, sizeof *r);
    dy_linereader_init(&r->lr, f, name);
    dy_strbuf_init(&r->pool);
}

void dy_conllu_free(dy_conllu_reader *r)
{
    dy_linereader_free(&r->lr);
    dy_strbuf_free(&r->pool);
    free(r->words);
    free(r->cols);
    dy_vec_free(&r->comment_at);
    dy_vec_free(&r->comments);
    dy_vec_free(&r->extras);
    dy_vec_free(&r->extra_at);
    r->words = NULL;
    r->cols = NULL;
}

/* ------------------------------------------------------------ comments */

static const char *skip_blanks(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

/* After the key: p if the key ends there (a blank, '=' or the end follows). */
static const char *after_key(const char *c, const char *key)
{
    const char *p = skip_blanks(c);
    size_t n = strlen(key);
    if (strncmp(p, key, n) != 0)
        return NULL;
    p += n;
    return *p == ' ' || *p == '\t' || *p == '=' || *p == '\0' ? p : NULL;
}

const char *dy_conllu_comment_value(const char *c, const char *key)
{
    const char *p = after_key(c, key);
    if (!p)
        return NULL;
    p = skip_blanks(p);
    return *p == '=' ? skip_blanks(p + 1) : NULL;
}

const char *dy_conllu_newdoc_value(const char *c)
{
    const char *p = after_key(c, "newdoc");
    if (!p)
        return NULL;
    if (*skip_blanks(p) == '\0')
        return skip_blanks(p);   /* "# newdoc": a document without an id */
    return dy_conllu_comment_value(p, "id");
}

/* ------------------------------------------------------------ errors */

/* Records the sentence's first error; the rest of it is then read and
 * dropped. Later errors of the same sentence are not reported. */
#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static void fail(dy_conllu_reader *r, dyad_status st, long line, const char *fmt, ...)
{
    if (r->bad != DYAD_OK)
        return;
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    r->bad = st;
    dy_error_set(&r->bad_err, st, r->lr.name, line, "%s; sentence skipped", msg);
}

static void start_sentence(dy_conllu_reader *r)
{
    dy_strbuf_clear(&r->pool);
    r->n_words = 0;
    r->comment_at.n = 0;
    r->extras.n = 0;
    r->extra_at.n = 0;
    r->sent_id_at = r->text_at = r->newdoc_at = NO_VALUE;
    r->first_line = r->lr.lineno;
    r->last_range = 0;
    r->pending_range = 0;
    r->empty_n = r->empty_m = 0;
    r->bad = DYAD_OK;
}

/* Keeps the line's memory bounded: the sentence's bytes and its lines other
 * than words. Returns 0 when the line may be kept. */
static int over_budget(dy_conllu_reader *r, size_t len, int other_line)
{
    if (r->pool.len + len + 1 > (size_t)DYAD_MAX_STORY_BYTES) {
        fail(r, DYAD_ERR_LIMIT, r->first_line, "sentence longer than the limit of %ld bytes",
             (long)DYAD_MAX_STORY_BYTES);
        return 1;
    }
    if (other_line && r->comment_at.n + r->extras.n >= DY_CONLLU_MAX_OTHER_LINES) {
        fail(r, DYAD_ERR_LIMIT, r->first_line,
             "sentence with more than %d comment, range and empty-node lines",
             DY_CONLLU_MAX_OTHER_LINES);
        return 1;
    }
    return 0;
}

/* Copies s[0, n) and a NUL into the pool; its offset, or NO_VALUE when
 * memory ran out. */
static size_t keep(dy_conllu_reader *r, const char *s, size_t n)
{
    size_t at = r->pool.len;
    dy_strbuf_add(&r->pool, s, n);
    dy_strbuf_addc(&r->pool, '\0');
    return r->pool.failed ? NO_VALUE : at;
}

static dyad_status nomem(dy_conllu_reader *r, dyad_error *err)
{
    return dy_error_set(err, DYAD_ERR_NOMEM, r->lr.name, r->lr.lineno, "out of memory");
}

/* A value's offset in the pool from its pointer into the comment at `at`. */
static size_t value_at(size_t at, const char *comment, const char *value)
{
    return at + (size_t)(value - comment);
}

static dyad_status take_comment(dy_conllu_reader *r, const char *c, size_t len, dyad_error *err)
{
    if (r->n_words || r->extras.n) {
        fail(r, DYAD_ERR_PARSE, r->lr.lineno, "comment line after the words of the sentence "
             "(a blank line missing before it?)");
        return DYAD_OK;
    }
    if (over_budget(r, len, 1))
        return DYAD_OK;
    size_t at = keep(r, c, len);
    if (at == NO_VALUE || dy_vec_push(&r->comment_at, at) != 0)
        return nomem(r, err);
    const char *v;
    if (r->sent_id_at == NO_VALUE && (v = dy_conllu_comment_value(c, "sent_id")))
        r->sent_id_at = value_at(at, c, v);
    else if (r->text_at == NO_VALUE && (v = dy_conllu_comment_value(c, "text")))
        r->text_at = value_at(at, c, v);
    else if (r->newdoc_at == NO_VALUE && (v = dy_conllu_newdoc_value(c)))
        r->newdoc_at = value_at(at, c, v);
    return DYAD_OK;
}

/* ------------------------------------------------------------ words */

/* Splits line into its tab-separated columns; returns how many there are
 * (only the first 10 are recorded). */
static size_t split_columns(const char *line, size_t len, size_t start[10], size_t clen[10])
{
    size_t n = 0, from = 0;
    for (;;) {
        const char *tab = memchr(line + from, '\t', len - from);
        size_t to = tab ? (size_t)(tab - line) : len;
        if (n < 10) {
            start[n] = from;
            clen[n] = to - from;
        }
        n++;
        if (!tab)
            return n;
        from = to + 1;
    }
}

/* A decimal number without sign or leading zero ("0" itself is one), at
 * most 9 digits; -1 otherwise. */
static int parse_num(const char *s, size_t n)
{
    if (n == 0 || n > 9 || (s[0] == '0' && n > 1))
        return -1;
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* The ID column: a word "N" (kind 0), a range "N-M" or an empty node
 * "N.M". Returns 0, or -1 when it is none of them. */
static int parse_id(const char *s, size_t n, int *kind, int *a, int *b)
{
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    *a = parse_num(s, i);
    *b = 0;
    *kind = 0;
    if (*a < 0)
        return -1;
    if (i == n)
        return 0;
    *kind = s[i] == '-' ? DY_CONLLU_RANGE : s[i] == '.' ? DY_CONLLU_EMPTY : -1;
    *b = parse_num(s + i + 1, n - i - 1);
    return *kind < 0 || *b < 0 ? -1 : 0;
}

/* HEAD: '_' gives -1; an integer is range-checked when the sentence ends. */
static int parse_head(const char *s, size_t n, int *head)
{
    if (n == 1 && s[0] == '_') {
        *head = -1;
        return 0;
    }
    *head = parse_num(s, n);
    return *head < 0 ? -1 : 0;
}

/* A range line N-M opens the multiword token of words N..M: it comes right
 * before word N, after any earlier range has ended. */
static int check_range(dy_conllu_reader *r, int a, int b)
{
    long ln = r->lr.lineno;
    int next = (int)r->n_words + 1;
    if (b < a)
        fail(r, DYAD_ERR_PARSE, ln, "bad multiword range %d-%d (its end is before its start)", a, b);
    else if (r->pending_range || a != next || a <= r->last_range)
        fail(r, DYAD_ERR_PARSE, ln, "multiword range %d-%d out of place (the next word is %d%s)",
             a, b, next, a <= r->last_range ? ", inside the previous range" : "");
    else
        return 0;
    return -1;
}

/* An empty node N.M follows word N (N 0: before the first word), and the
 * nodes after one word are numbered N.1, N.2, ... */
static int check_empty(dy_conllu_reader *r, int a, int b)
{
    int n = (int)r->n_words;
    int want_m = r->empty_n == n && r->empty_m ? r->empty_m + 1 : 1;
    if (r->pending_range)
        fail(r, DYAD_ERR_PARSE, r->lr.lineno,
             "empty node %d.%d between a multiword range and its first word", a, b);
    else if (a != n || b != want_m)
        fail(r, DYAD_ERR_PARSE, r->lr.lineno, "empty node %d.%d out of order (want %d.%d)",
             a, b, n, want_m);
    else
        return 0;
    return -1;
}

static dyad_status keep_extra(dy_conllu_reader *r, const char *line, size_t len, int kind,
                              int a, int b, size_t form_len, dyad_error *err)
{
    if (over_budget(r, len, 1))
        return DYAD_OK;
    dy_conllu_line x;
    memset(&x, 0, sizeof x);
    size_t at = keep(r, line, len);
    if (at == NO_VALUE)
        return nomem(r, err);
    x.len = len;
    x.form_len = form_len;
    x.kind = kind;
    x.first = a;
    x.last = b;
    x.before = kind == DY_CONLLU_RANGE ? (size_t)a - 1 : (size_t)a;
    x.line = r->lr.lineno;
    if (dy_vec_push(&r->extras, x) != 0 || dy_vec_push(&r->extra_at, at) != 0)
        return nomem(r, err);
    if (kind == DY_CONLLU_RANGE) {
        r->last_range = b;
        r->pending_range = 1;
    } else {
        r->empty_n = a;
        r->empty_m = b;
    }
    return DYAD_OK;
}

/* A word line: ID n+1, a HEAD that is '_' or a number; copied with its tabs
 * turned into NULs so that each column is a string. */
static dyad_status keep_word(dy_conllu_reader *r, const char *line, size_t len, int id,
                             const size_t start[10], const size_t clen[10], dyad_error *err)
{
    long ln = r->lr.lineno;
    int head;
    if (id != (int)r->n_words + 1) {
        fail(r, DYAD_ERR_PARSE, ln, "word %d out of order (want %d)", id, (int)r->n_words + 1);
        return DYAD_OK;
    }
    if (parse_head(line + start[6], clen[6], &head) != 0) {
        fail(r, DYAD_ERR_PARSE, ln, "bad HEAD '%.*s' (want a word number or _)",
             (int)(clen[6] > 40 ? 40 : clen[6]), line + start[6]);
        return DYAD_OK;
    }
    if (r->n_words == DY_SYN_MAX_WORDS) {
        fail(r, DYAD_ERR_LIMIT, r->first_line, "sentence longer than the limit of %d words",
             DY_SYN_MAX_WORDS);
        return DYAD_OK;
    }
    if (over_budget(r, len, 0))
        return DYAD_OK;
    if (!r->words) {
        r->words = malloc(DY_SYN_MAX_WORDS * sizeof *r->words);
        if (!r->words)
            return nomem(r, err);
    }
    size_t at = keep(r, line, len);
    if (at == NO_VALUE)
        return nomem(r, err);
    dy_conllu_word_at *w = &r->words[r->n_words++];
    for (int c = 1; c < 10; c++) {
        w->col[c - 1] = at + start[c];
        r->pool.s[at + start[c] + clen[c]] = '\0';   /* the tab after it, or the end */
    }
    w->form_len = clen[1];
    w->head = head;
    w->line = ln;
    r->pending_range = 0;
    return DYAD_OK;
}

/* Any line that is not a comment: ten non-empty columns and an ID in its
 * place, then kept as a word, a range or an empty node. */
static dyad_status take_line(dy_conllu_reader *r, const char *line, size_t len, dyad_error *err)
{
    long ln = r->lr.lineno;
    size_t start[10], clen[10];
    size_t ncol = split_columns(line, len, start, clen);
    if (ncol != 10) {
        fail(r, DYAD_ERR_PARSE, ln, "line of %zu tab-separated columns, not 10", ncol);
        return DYAD_OK;
    }
    for (int c = 0; c < 10; c++)
        if (clen[c] == 0) {
            fail(r, DYAD_ERR_PARSE, ln, "empty %s column (want a value or _)", col_names[c]);
            return DYAD_OK;
        }
    int kind, a, b;
    if (parse_id(line, clen[0], &kind, &a, &b) != 0) {
        fail(r, DYAD_ERR_PARSE, ln, "bad ID '%.*s' (want N, N-M or N.M)",
             (int)(clen[0] > 40 ? 40 : clen[0]), line);
        return DYAD_OK;
    }
    if (kind == 0)
        return keep_word(r, line, len, a, start, clen, err);
    if (kind == DY_CONLLU_RANGE ? check_range(r, a, b) : check_empty(r, a, b))
        return DYAD_OK;
    return keep_extra(r, line, len, kind, a, b, clen[1], err);
}

/* One non-blank line of the sentence being read. Once the sentence is bad
 * its lines are only counted, never kept. */
static dyad_status take(dy_conllu_reader *r, const char *line, size_t len, dyad_error *err)
{
    if (r->bad != DYAD_OK)
        return DYAD_OK;
    if (memchr(line, '\0', len)) {
        fail(r, DYAD_ERR_PARSE, r->lr.lineno, "NUL byte in the line");
        return DYAD_OK;
    }
    if (line[0] == '#')
        return take_comment(r, line + 1, len - 1, err);
    return take_line(r, line, len, err);
}

/* ------------------------------------------------------------ the end */

/* What can only be checked once every word is in: HEADs name words of the
 * sentence, the last range ends at a word, there is a word at all. */
static void check_sentence(dy_conllu_reader *r)
{
    int n = (int)r->n_words;
    if (n == 0) {
        fail(r, DYAD_ERR_PARSE, r->first_line, "no word line in the sentence");
        return;
    }
    for (int i = 0; i < n; i++)
        if (r->words[i].head > n) {
            fail(r, DYAD_ERR_PARSE, r->words[i].line,
                 "HEAD %d is not a word of the sentence (it has %d)", r->words[i].head, n);
            return;
        }
    for (size_t i = 0; i < r->extras.n; i++) {
        const dy_conllu_line *x = &r->extras.v[i];
        if (x->kind == DY_CONLLU_RANGE && x->last > n) {
            fail(r, DYAD_ERR_PARSE, x->line, "multiword range %d-%d goes past the last word (%d)",
                 x->first, x->last, n);
            return;
        }
    }
}

/* Turns the pool offsets into the pointers handed out. */
static dyad_status hand_out(dy_conllu_reader *r, dy_conllu_sent *s, dyad_error *err)
{
    if (!r->cols && !(r->cols = malloc(sizeof *r->cols)))
        return nomem(r, err);
    const char *pool = r->pool.s;
    dy_conllu_cols *c = r->cols;
    static const int from[8] = {0, 1, 2, 3, 4, 6, 7, 8};   /* HEAD is a number */
    for (size_t i = 0; i < r->n_words; i++) {
        const dy_conllu_word_at *w = &r->words[i];
        for (int k = 0; k < 8; k++)
            c->col[k][i] = pool + w->col[from[k]];
        c->form_len[i] = w->form_len;
        c->head[i] = w->head;
        c->line[i] = w->line;
    }
    r->comments.n = 0;
    for (size_t i = 0; i < r->comment_at.n; i++)
        if (dy_vec_push(&r->comments, pool + r->comment_at.v[i]) != 0)
            return nomem(r, err);
    for (size_t i = 0; i < r->extras.n; i++) {
        dy_conllu_line *x = &r->extras.v[i];
        x->text = pool + r->extra_at.v[i];
        x->form = strchr(x->text, '\t') + 1;   /* ten columns: there is one */
    }
    memset(s, 0, sizeof *s);
    s->comments = r->comments.v;
    s->n_comments = r->comments.n;
    s->n_words = r->n_words;
    s->forms = c->col[0];
    s->form_lens = c->form_len;
    s->lemmas = c->col[1];
    s->upos = c->col[2];
    s->xpos = c->col[3];
    s->feats = c->col[4];
    s->heads = c->head;
    s->deprels = c->col[5];
    s->deps = c->col[6];
    s->misc = c->col[7];
    s->lines = c->line;
    s->extras = r->extras.v;
    s->n_extras = r->extras.n;
    s->sent_id = r->sent_id_at == NO_VALUE ? NULL : pool + r->sent_id_at;
    s->text = r->text_at == NO_VALUE ? NULL : pool + r->text_at;
    s->newdoc = r->newdoc_at == NO_VALUE ? NULL : pool + r->newdoc_at;
    s->line = r->first_line;
    return DYAD_OK;
}

/* The sentence is read: hands it out, or reports why it was skipped. */
static dyad_status finish(dy_conllu_reader *r, dy_conllu_sent *s, int *got, dyad_error *err)
{
    check_sentence(r);
    dyad_status st = r->bad;
    if (st != DYAD_OK) {
        if (err)
            *err = r->bad_err;
    } else {
        st = hand_out(r, s, err);
        *got = st == DYAD_OK;
    }
    r->first_line = 0;   /* the next line starts a sentence */
    return st;
}

/* A line over DYAD_MAX_LINE_BYTES: the linereader skipped it and said so. */
static void line_too_long(dy_conllu_reader *r, const dyad_error *lerr)
{
    if (r->bad != DYAD_OK)
        return;
    r->bad = DYAD_ERR_PARSE;
    dy_error_set(&r->bad_err, DYAD_ERR_PARSE, lerr->where, lerr->line,
                 "line longer than the limit of %ld bytes; sentence skipped",
                 (long)DYAD_MAX_LINE_BYTES);
}

dyad_status dy_conllu_next(dy_conllu_reader *r, dy_conllu_sent *s, int *got, dyad_error *err)
{
    *got = 0;
    for (;;) {
        dyad_error lerr;
        int rc = dy_linereader_next(&r->lr, &lerr);
        if (rc == -1) {
            if (err)
                *err = lerr;
            return lerr.status;
        }
        if (rc == 0)
            return r->first_line ? finish(r, s, got, err) : DYAD_OK;
        /* a line of blanks ends a sentence as an empty one does */
        int blank = rc == 1 && dy_line_is_blank(r->lr.buf, r->lr.len);
        if (blank) {
            if (r->first_line)
                return finish(r, s, got, err);
            continue;
        }
        if (!r->first_line)
            start_sentence(r);
        if (rc == DY_LINE_TOO_LONG) {
            line_too_long(r, &lerr);
            continue;
        }
        dyad_status st = take(r, r->lr.buf, r->lr.len, err);
        if (st != DYAD_OK)
            return st;
    }
}
