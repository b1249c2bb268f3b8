/* linereader.c — reading a stream one line at a time, counting lines.
 * One reused buffer; LF, CRLF and a lone CR end a line; a byte-order mark
 * opening the stream is dropped; lines over DYAD_MAX_LINE_BYTES are skipped. */
#include "io/linereader.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "base/error.h"

void dy_linereader_init(dy_linereader *lr, FILE *f, const char *name)
{
    memset(lr, 0, sizeof *lr);
    lr->f = f;
    lr->name = name;
}

void dy_linereader_free(dy_linereader *lr)
{
    free(lr->buf);
    lr->buf = NULL;
    lr->cap = 0;
}

/* After a CR: a LF right after it belongs to the same line end. */
static void eat_lf(FILE *f)
{
    int ch = getc_unlocked(f);
    if (ch != '\n' && ch != EOF)
        ungetc(ch, f);
}

/* Skips the rest of an overlong line without keeping it. */
static void skip_rest(FILE *f)
{
    int ch;
    while ((ch = getc_unlocked(f)) != EOF && ch != '\n') {
        if (ch == '\r') {
            eat_lf(f);
            break;
        }
    }
}

int dy_linereader_next(dy_linereader *lr, dyad_error *err)
{
    size_t len = 0;
    int any = 0, ch = EOF;
    FILE *f = lr->f;
    errno = 0;
    /* getc rather than getline: a line may not grow past the limit. The
     * inner loop runs until the buffer or the limit is reached, so it only
     * tests for the line end. */
    for (;;) {
        if (len + 2 > lr->cap) {
            size_t nc = lr->cap ? lr->cap * 2 : 256;
            char *p = realloc(lr->buf, nc);
            if (!p) {
                dy_error_set(err, DYAD_ERR_NOMEM, lr->name, lr->lineno + 1, "out of memory");
                return -1;
            }
            lr->buf = p;
            lr->cap = nc;
        }
        size_t stop = lr->cap - 1;   /* room for the NUL */
        if (stop > (size_t)DYAD_MAX_LINE_BYTES)
            stop = (size_t)DYAD_MAX_LINE_BYTES;
        char *buf = lr->buf;
        while (len < stop) {
            ch = getc_unlocked(f);
            /* one test for ordinary bytes: EOF, LF and CR are all <= '\r' */
            if (ch <= '\r' && (ch == '\n' || ch == '\r' || ch == EOF))
                goto line_end;
            buf[len++] = (char)ch;
        }
        any = 1;
        if (len >= (size_t)DYAD_MAX_LINE_BYTES) {
            ch = getc_unlocked(f);
            if (ch == '\n' || ch == '\r' || ch == EOF)
                goto line_end;
            skip_rest(f);
            lr->lineno++;
            lr->len = 0;
            lr->buf[0] = '\0';
            dy_error_set(err, DYAD_ERR_PARSE, lr->name, lr->lineno,
                         "line longer than the limit of %ld bytes; skipped",
                         (long)DYAD_MAX_LINE_BYTES);
            return DY_LINE_TOO_LONG;
        }
    }
line_end:
    if (len > 0 || ch != EOF)
        any = 1;
    if (ch == '\r')
        eat_lf(f);
    if (ch == EOF && ferror(lr->f)) {
        dy_error_set(err, DYAD_ERR_IO, lr->name, lr->lineno + 1, "read error: %s",
                     strerror(errno ? errno : EIO));
        return -1;
    }
    if (!any)
        return 0;
    if (!lr->buf) {   /* an empty last line still needs a buffer */
        lr->buf = malloc(1);
        if (!lr->buf) {
            dy_error_set(err, DYAD_ERR_NOMEM, lr->name, lr->lineno + 1, "out of memory");
            return -1;
        }
        lr->cap = 1;
    }
    if (lr->lineno == 0 && len >= 3 && !memcmp(lr->buf, "\xEF\xBB\xBF", 3)) {
        memmove(lr->buf, lr->buf + 3, len - 3);   /* a byte-order mark */
        len -= 3;
    }
    lr->buf[len] = '\0';
    lr->len = len;
    lr->lineno++;
    return 1;
}

int dy_line_is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
            return 0;
    return 1;
}
