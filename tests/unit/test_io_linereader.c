/* test_io_linereader.c — the buffered line reader against a byte-at-a-time
 * model: lines across buffer and read boundaries, CR/LF/CRLF, NULs, BOM. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/linereader.h"

/* What one call returned: the status, and the line when there is one. */
typedef struct got {
    int rc;
    long lineno;
    size_t len;
    const char *text;   /* into the input for the model, a copy for the reader */
} got;

typedef struct gots {
    got *v;
    size_t n, cap;
} gots;

static void push(gots *g, int rc, long lineno, const char *text, size_t len, int copy)
{
    if (g->n == g->cap) {
        g->cap = g->cap ? 2 * g->cap : 256;
        g->v = realloc(g->v, g->cap * sizeof *g->v);
        cr_assert_not_null(g->v);
    }
    got *x = &g->v[g->n++];
    x->rc = rc;
    x->lineno = lineno;
    x->len = len;
    x->text = text;
    if (copy && text) {
        char *c = malloc(len + 1);
        cr_assert_not_null(c);
        memcpy(c, text, len + 1);
        x->text = c;
    }
}

static void gots_free(gots *g, int copies)
{
    for (size_t i = 0; copies && i < g->n; i++)
        free((void *)g->v[i].text);
    free(g->v);
}

/* The rules of linereader.h, one byte at a time. */
static void model(const char *s, size_t n, gots *out)
{
    size_t i = 0;
    long lineno = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '\n' && s[j] != '\r')
            j++;
        const char *line = s + i;
        size_t len = j - i;
        if (len > (size_t)DYAD_MAX_LINE_BYTES) {
            push(out, DY_LINE_TOO_LONG, ++lineno, NULL, 0, 0);
        } else {
            if (lineno == 0 && len >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3))
                line += 3, len -= 3;
            push(out, 1, ++lineno, line, len, 0);
        }
        if (j < n && s[j] == '\r' && j + 1 < n && s[j + 1] == '\n')
            j++;
        i = j + (j < n);
    }
    push(out, 0, lineno, NULL, 0, 0);
}

static void read_all(FILE *f, gots *out)
{
    dy_linereader lr;
    dyad_error err = {0};
    dy_linereader_init(&lr, f, "t");
    for (;;) {
        int rc = dy_linereader_next(&lr, &err);
        cr_assert(rc == 1 || rc == 0 || rc == DY_LINE_TOO_LONG, "rc %d: %s", rc, err.message);
        if (rc == 1) {
            cr_assert_eq(lr.buf[lr.len], '\0');
            push(out, rc, lr.lineno, lr.buf, lr.len, 1);
        } else {
            push(out, rc, lr.lineno, NULL, 0, 0);
        }
        if (rc == 0)
            break;
    }
    dy_linereader_free(&lr);
}

static void expect_same(const gots *want, const gots *have)
{
    cr_assert_eq(have->n, want->n, "%zu calls, want %zu", have->n, want->n);
    for (size_t i = 0; i < want->n; i++) {
        const got *w = &want->v[i], *h = &have->v[i];
        cr_assert_eq(h->rc, w->rc, "call %zu", i);
        cr_assert_eq(h->lineno, w->lineno, "call %zu", i);
        cr_assert_eq(h->len, w->len, "call %zu: length", i);
        if (w->text)
            cr_assert(!memcmp(h->text, w->text, w->len), "call %zu: text", i);
    }
}

/* Random text whose lines run from empty to well past the 64 KB first
 * buffer, ending in LF, CR or CRLF, with NULs and invalid UTF-8 inside. */
static char *random_text(unsigned seed, size_t n)
{
    static const char bytes[] = "abc xyz\0\xff\xc3\xa9\t\r\n";
    char *s = malloc(n);
    cr_assert_not_null(s);
    unsigned x = seed;
    size_t i = 0;
    memcpy(s, "\xEF\xBB\xBF", 3);
    i = 3;
    while (i < n) {
        x = x * 1103515245u + 12345u;
        unsigned r = x >> 8;
        size_t len = r % 8 == 0 ? r % 200000 : r % 8 == 1 ? 65530 + r % 12 : r % 150;
        for (size_t k = 0; k < len && i < n; k++) {
            x = x * 1103515245u + 12345u;
            unsigned b = (x >> 16) % 64;
            s[i++] = b < 14 ? bytes[b] : (char)('a' + b % 26);   /* some CR, LF among them */
        }
        x = x * 1103515245u + 12345u;
        const char *end = (x >> 12) % 3 == 0 ? "\r\n" : (x >> 12) % 3 == 1 ? "\n" : "\r";
        for (const char *e = end; *e && i < n; e++)
            s[i++] = *e;
    }
    return s;
}

/* Reads f (holding s[0..n)) to its end, closes it, and compares the lines
 * with the model's. */
static void expect_model(FILE *f, const char *s, size_t n)
{
    gots want = {0}, have = {0};
    model(s, n, &want);
    read_all(f, &have);
    fclose(f);
    expect_same(&want, &have);
    gots_free(&have, 1);
    gots_free(&want, 0);
}

Test(linereader, file_matches_model)
{
    for (unsigned seed = 1; seed <= 4; seed++) {
        size_t n = 1500000 + seed * 777;
        char *s = random_text(seed, n);
        FILE *f = tmpfile();
        cr_assert_not_null(f);
        cr_assert_eq(fwrite(s, 1, n, f), n);
        rewind(f);
        expect_model(f, s, n);
        free(s);
    }
}

Test(linereader, memory_stream_matches_model)
{
    /* fmemopen has no descriptor: the stdio path */
    size_t n = 400000;
    char *s = random_text(9, n);
    FILE *f = fmemopen(s, n, "rb");
    cr_assert_not_null(f);
    expect_model(f, s, n);
    free(s);
}

typedef struct feed {
    int fd;
    const char *s;
    size_t n;
    unsigned seed;
} feed;

/* Writes s in pieces of 1 to 5,000 bytes, so line ends (and the two bytes
 * of a CRLF) fall across reads. */
static void *feeder(void *arg)
{
    feed *fd = arg;
    unsigned x = fd->seed;
    for (size_t i = 0; i < fd->n;) {
        x = x * 1103515245u + 12345u;
        size_t k = 1 + (x >> 8) % ((x >> 4) % 2 ? 3 : 5000);
        if (k > fd->n - i)
            k = fd->n - i;
        ssize_t w = write(fd->fd, fd->s + i, k);
        if (w <= 0)
            break;
        i += (size_t)w;
    }
    close(fd->fd);
    return NULL;
}

Test(linereader, pipe_in_pieces_matches_model)
{
    size_t n = 600000;
    char *s = random_text(5, n);
    gots want = {0}, have = {0};
    model(s, n, &want);
    int p[2];
    cr_assert_eq(pipe(p), 0);
    feed fd = {p[1], s, n, 77};
    pthread_t th;
    cr_assert_eq(pthread_create(&th, NULL, feeder, &fd), 0);
    FILE *f = fdopen(p[0], "rb");
    cr_assert_not_null(f);
    read_all(f, &have);
    pthread_join(th, NULL);
    fclose(f);
    expect_same(&want, &have);
    gots_free(&have, 1);
    gots_free(&want, 0);
    free(s);
}

/* A live feed: each line is handed out once its line end is in, with the
 * writer still holding the pipe open (a wait would hang the test). */
Test(linereader, live_pipe_never_waits, .timeout = 10)
{
    int p[2];
    cr_assert_eq(pipe(p), 0);
    FILE *f = fdopen(p[0], "rb");
    cr_assert_not_null(f);
    dy_linereader lr;
    dyad_error err = {0};
    dy_linereader_init(&lr, f, "live");
    cr_assert_eq(write(p[1], "one\n", 4), 4);
    cr_assert_eq(dy_linereader_next(&lr, &err), 1);
    cr_expect_str_eq(lr.buf, "one");
    cr_assert_eq(write(p[1], "two\r", 4), 4);   /* a CR: its LF may never come */
    cr_assert_eq(dy_linereader_next(&lr, &err), 1);
    cr_expect_str_eq(lr.buf, "two");
    cr_assert_eq(write(p[1], "\nthree\r\nfour", 12), 12);
    cr_assert_eq(dy_linereader_next(&lr, &err), 1);
    cr_expect_str_eq(lr.buf, "three");
    cr_expect_eq(lr.lineno, 3);
    close(p[1]);
    cr_assert_eq(dy_linereader_next(&lr, &err), 1);
    cr_expect_str_eq(lr.buf, "four");
    cr_assert_eq(dy_linereader_next(&lr, &err), 0);
    dy_linereader_free(&lr);
    fclose(f);
}

/* Lines at the limit are read, one byte over are skipped by number, and the
 * next line is read either way. */
Test(linereader, limit)
{
    size_t max = (size_t)DYAD_MAX_LINE_BYTES;
    static const char *const ends[] = {"\n", "\r\n", "\r", ""};
    for (int last = 0; last < 4; last++) {
        FILE *f = tmpfile();
        cr_assert_not_null(f);
        char *big = malloc(max + 1);
        cr_assert_not_null(big);
        memset(big, 'x', max + 1);
        fwrite(big, 1, max, f);           /* line 1: at the limit */
        fputs("\r\n", f);
        fwrite(big, 1, max + 1, f);       /* line 2: one byte over */
        fputs(ends[last], f);
        if (*ends[last])
            fputs("after", f);            /* line 3 */
        rewind(f);
        dy_linereader lr;
        dyad_error err = {0};
        dy_linereader_init(&lr, f, "big");
        cr_assert_eq(dy_linereader_next(&lr, &err), 1);
        cr_expect_eq(lr.len, max);
        cr_assert_eq(dy_linereader_next(&lr, &err), DY_LINE_TOO_LONG);
        cr_expect_eq(err.line, 2);
        cr_expect_eq(err.status, DYAD_ERR_PARSE);
        if (*ends[last]) {
            cr_assert_eq(dy_linereader_next(&lr, &err), 1);
            cr_expect_str_eq(lr.buf, "after");
            cr_expect_eq(lr.lineno, 3);
        }
        cr_assert_eq(dy_linereader_next(&lr, &err), 0);
        dy_linereader_free(&lr);
        fclose(f);
        free(big);
    }
}

Test(linereader, read_error)
{
    FILE *f = fopen("tests", "rb");   /* a folder: read(2) fails */
    cr_assert_not_null(f);
    dy_linereader lr;
    dyad_error err = {0};
    dy_linereader_init(&lr, f, "tests");
    cr_assert_eq(dy_linereader_next(&lr, &err), -1);
    cr_expect_eq(err.status, DYAD_ERR_IO);
    cr_expect(strstr(err.message, "read error: Is a directory"), "%s", err.message);
    dy_linereader_free(&lr);
    fclose(f);
}

/* A file cut while it is read (log rotation by copy and truncate): the
 * lines that were lost are reported, not taken for the end of the input. */
Test(linereader, file_truncated_while_read)
{
    FILE *f = tmpfile();
    cr_assert_not_null(f);
    for (int i = 0; i < 20000; i++)
        fprintf(f, "line %d of a long log\n", i);
    rewind(f);
    dy_linereader lr;
    dyad_error err = {0};
    dy_linereader_init(&lr, f, "log.txt");
    cr_assert_eq(dy_linereader_next(&lr, &err), 1);
    cr_assert_eq(ftruncate(fileno(f), 40), 0);
    int rc;
    long lines = 1;
    while ((rc = dy_linereader_next(&lr, &err)) == 1)
        lines++;
    cr_assert_eq(rc, -1, "the shrink went unnoticed after %ld lines", lines);
    cr_expect_eq(err.status, DYAD_ERR_IO);
    cr_expect(strstr(err.message, "shrank") != NULL, "%s", err.message);
    cr_expect(lines < 20000);
    dy_linereader_free(&lr);
    fclose(f);
}

/* A file that grows while it is read is not a truncation. */
Test(linereader, file_growing_while_read)
{
    FILE *f = tmpfile();
    cr_assert_not_null(f);
    fprintf(f, "first\n");
    fflush(f);
    rewind(f);
    dy_linereader lr;
    dyad_error err = {0};
    dy_linereader_init(&lr, f, "log.txt");
    cr_assert_eq(dy_linereader_next(&lr, &err), 1);
    cr_assert_eq(dy_linereader_next(&lr, &err), 0);
    dy_linereader_free(&lr);
    fclose(f);
}
