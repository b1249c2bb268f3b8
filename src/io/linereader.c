/* linereader.c — reading a stream one line at a time, counting lines: read(2)
 * into one buffer, memchr for line ends (LF, CRLF, a lone CR), a leading BOM
 * dropped, lines over DYAD_MAX_LINE_BYTES skipped without being stored. */
#include "io/linereader.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/error.h"
#include "base/file.h"

/* First read-ahead buffer; it doubles only for a longer line. */
#define FIRST_CAP ((size_t)1 << 16)
/* Room for one line at the limit, the byte that shows a line is over it,
 * and the NUL after a last line that has no line end. */
#define MAX_CAP ((size_t)DYAD_MAX_LINE_BYTES + 2)

void dy_linereader_init(dy_linereader *lr, FILE *f, const char *name)
{
    memset(lr, 0, sizeof *lr);
    lr->f = f;
    lr->name = name;
    lr->fd = f ? fileno(f) : -1;
    struct stat st;
    lr->live = lr->fd >= 0 && fstat(lr->fd, &st) == 0 && !S_ISREG(st.st_mode);
}

void dy_linereader_free(dy_linereader *lr)
{
    free(lr->data);
    lr->data = NULL;
    lr->buf = NULL;
    lr->cap = lr->pos = lr->end = lr->seen = lr->lf = 0;
}

/* Index of the first CR or LF in data[pos, end), or end. Remembers how far
 * it looked, so a line arriving in pieces (or a file of lone CRs, where the
 * LF search runs far ahead) is never searched twice. */
static size_t line_end(dy_linereader *lr)
{
    const char *d = lr->data;
    size_t from = lr->seen > lr->pos ? lr->seen : lr->pos;
    size_t lf = lr->lf > from ? lr->lf : from;
    if (lf < lr->end && d[lf] != '\n') {
        const char *p = memchr(d + lf, '\n', lr->end - lf);
        lf = p ? (size_t)(p - d) : lr->end;
    }
    lr->lf = lf;
    /* nothing to search (and no buffer yet, before the first read) */
    const char *cr = lf > from ? memchr(d + from, '\r', lf - from) : NULL;
    size_t e = cr ? (size_t)(cr - d) : lf;
    lr->seen = e;
    return e;
}

/* Consumes the line end at data[e] (a CR may bring an LF with it). */
static void eat_line_end(dy_linereader *lr, size_t e)
{
    if (lr->data[e] == '\r') {
        if (e + 1 == lr->end)
            lr->cr_last = 1;   /* its LF, if any, is not here yet: never wait for it */
        else if (lr->data[e + 1] == '\n')
            e++;
    }
    lr->pos = e + 1;
}

/* Appends what the stream has (at least one byte, or none at its end) to
 * data[end, cap - 1). Returns the count, 0 at the end, -1 on an error. */
static long fill(dy_linereader *lr)
{
    /* a stream without a descriptor (fmemopen and the like) stops at a
     * line end, so that a live source is never waited on */
    long n = dy_read_some(lr->fd, lr->f, lr->data + lr->end, lr->cap - 1 - lr->end, "\n\r",
                          lr->cancel);
    if (n == DY_READ_CANCELLED) {   /* the end, without the line not yet ended */
        lr->cancelled = lr->eof = 1;
        lr->pos = lr->end;
        return 0;
    }
    return n;
}

/* Makes room to read into: drops what was handed out, slides a partial line
 * to the front, and doubles the buffer when the line fills most of it. */
static int make_room(dy_linereader *lr)
{
    if (lr->pos == lr->end) {
        lr->pos = lr->end = lr->seen = lr->lf = 0;
    } else if (lr->pos > 0 && lr->cap - 1 - lr->end < lr->cap / 2) {
        size_t shift = lr->pos;
        memmove(lr->data, lr->data + shift, lr->end - shift);
        lr->end -= shift;
        lr->seen = lr->seen > shift ? lr->seen - shift : 0;
        lr->lf = lr->lf > shift ? lr->lf - shift : 0;
        lr->pos = 0;
    }
    if (lr->cap && lr->cap - 1 - lr->end >= lr->cap / 4)
        return 0;
    if (lr->cap >= MAX_CAP)
        return lr->cap - 1 > lr->end ? 0 : -1;
    size_t nc = lr->cap ? lr->cap * 2 : FIRST_CAP;
    if (nc > MAX_CAP)
        nc = MAX_CAP;
    char *p = realloc(lr->data, nc);
    if (!p)
        return -1;
    lr->data = p;
    lr->cap = nc;
    return 0;
}

/* Reads more; returns 0, or -1 with err filled. */
static int read_more(dy_linereader *lr, dyad_error *err)
{
    if (make_room(lr) != 0) {
        dy_error_set(err, DYAD_ERR_NOMEM, lr->name, lr->lineno + 1, "out of memory");
        return -1;
    }
    errno = 0;
    long n = fill(lr);
    if (lr->cancelled)
        return 0;
    if (n < 0) {
        dy_error_set(err, DYAD_ERR_IO, lr->name, lr->lineno + 1, "read error: %s",
                     strerror(errno ? errno : EIO));
        return -1;
    }
    if (n == 0) {
        lr->eof = 1;
        /* a regular file shorter than what was read from it was cut while
         * being read (log rotation by copy and truncate): what followed is
         * lost, and that must not pass for the end of the input */
        struct stat st;
        if (lr->fd >= 0 && fstat(lr->fd, &st) == 0 && S_ISREG(st.st_mode) &&
            (unsigned long long)st.st_size < lr->offset) {
            dy_error_set(err, DYAD_ERR_IO, lr->name, lr->lineno,
                         "the file shrank to %llu bytes while being read (%llu read): it was "
                         "truncated, and what followed line %ld is lost",
                         (unsigned long long)st.st_size, lr->offset, lr->lineno);
            return -1;
        }
    }
    lr->end += (size_t)n;
    lr->offset += (unsigned long long)n;
    return 0;
}

/* The line at pos is over the limit: drops it through its line end. */
static int skip_line(dy_linereader *lr, dyad_error *err)
{
    for (;;) {
        size_t e = line_end(lr);
        if (e < lr->end) {
            eat_line_end(lr, e);
            break;
        }
        lr->pos = lr->end;   /* keeps nothing of it */
        if (lr->eof)
            break;
        if (read_more(lr, err) != 0)
            return -1;
    }
    lr->lineno++;
    lr->len = 0;
    lr->buf = "";
    dy_error_set(err, DYAD_ERR_PARSE, lr->name, lr->lineno,
                 "line longer than the limit of %ld bytes; skipped", (long)DYAD_MAX_LINE_BYTES);
    return DY_LINE_TOO_LONG;
}

int dy_linereader_next(dy_linereader *lr, dyad_error *err)
{
    for (;;) {
        if (lr->cr_last && lr->pos < lr->end) {
            lr->cr_last = 0;   /* the LF of a CRLF that came in two reads */
            if (lr->data[lr->pos] == '\n')
                lr->pos++;
        }
        size_t e = lr->pos < lr->end ? line_end(lr) : lr->end;
        size_t len = e - lr->pos;
        if (len > (size_t)DYAD_MAX_LINE_BYTES)
            return skip_line(lr, err);
        if (e < lr->end || (lr->eof && len > 0)) {
            char *line = lr->data + lr->pos;
            if (e < lr->end)
                eat_line_end(lr, e);
            else
                lr->pos = e;        /* the last line has no line end; data has room */
            line[len] = '\0';
            if (lr->lineno == 0 && len >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)) {
                line += 3;          /* a byte-order mark */
                len -= 3;
            }
            lr->buf = line;
            lr->len = len;
            lr->lineno++;
            return 1;
        }
        if (lr->eof)
            return 0;
        if (read_more(lr, err) != 0)
            return -1;
    }
}

long dy_linereader_peek_more(dy_linereader *lr, dyad_error *err)
{
    if (lr->eof)
        return 0;
    size_t before = lr->end - lr->pos;
    if (read_more(lr, err) != 0)
        return -1;
    return (long)(lr->end - lr->pos - before);
}

const char *dy_linereader_pending(const dy_linereader *lr, size_t *n)
{
    *n = lr->end - lr->pos;
    return lr->data ? lr->data + lr->pos : "";
}

long dy_linereader_read_bytes(dy_linereader *lr, char *dst, size_t room, const char *stops)
{
    size_t have = lr->end - lr->pos;
    if (have > 0) {
        size_t n = have < room ? have : room;
        memcpy(dst, lr->data + lr->pos, n);
        lr->pos += n;
        return (long)n;
    }
    if (lr->eof || !lr->f)
        return 0;
    long n = dy_read_some(lr->fd, lr->f, dst, room, stops, lr->cancel);
    if (n == DY_READ_CANCELLED)
        lr->cancelled = lr->eof = 1;
    return n;
}

void dy_linereader_move(dy_linereader *to, dy_linereader *lr)
{
    dy_linereader_free(to);
    *to = *lr;
    memset(lr, 0, sizeof *lr);
    lr->fd = -1;
    lr->eof = 1;   /* the stream is `to`'s now */
}

int dy_line_is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
            return 0;
    return 1;
}

int dy_linereader_ready(dy_linereader *lr)
{
    if (!lr->live || lr->eof)
        return 1;
    for (;;) {
        size_t e = line_end(lr);    /* remembers how far it looked */
        if (e < lr->end) {
            if (!(lr->cr_last && e == lr->pos && lr->data[e] == '\n'))
                return 1;
            /* that LF ends the CR line already handed out: look past it */
            const char *d = lr->data + e + 1;
            size_t n = lr->end - e - 1;
            if (memchr(d, '\n', n) || memchr(d, '\r', n))
                return 1;
        }
        if (!dy_fd_ready(lr->fd))
            return 0;               /* nothing more has arrived */
        if (make_room(lr) != 0)
            return 1;               /* let dy_linereader_next report it */
        long n = fill(lr);          /* poll said it will not block */
        if (n <= 0) {
            if (n == 0)
                lr->eof = 1;
            return 1;
        }
        lr->end += (size_t)n;
    }
}
