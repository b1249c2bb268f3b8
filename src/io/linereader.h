/* linereader.h — reading a stream one line at a time, counting lines.
 * Shared by every story reader; reads ahead into one reused buffer. */
#ifndef DY_LINEREADER_H
#define DY_LINEREADER_H

#include <stddef.h>
#include <stdio.h>

#include "dyad.h"

typedef struct dy_linereader {
    FILE *f;
    const char *name;   /* for messages; not owned */
    const char *buf;    /* current line, NUL-terminated, without its line end;
                         * points into data, valid until the next call */
    size_t len;
    long lineno;        /* 1-based number of the current line */
    /* read-ahead: data[pos, end) is read but not yet handed out */
    char *data;
    size_t cap, pos, end;
    size_t seen;        /* data[pos, seen) holds no CR or LF */
    size_t lf;          /* data[max(pos, seen), lf) holds no LF; data[lf] is one if lf < end */
    int fd;             /* f's descriptor; -1: read through stdio */
    int live;           /* fd is a pipe, terminal or socket: reads may wait */
    int eof;
    unsigned long long offset;   /* bytes read from the stream so far */
    int cr_last;        /* the last line ended in a CR with nothing after it yet */
    const struct dy_cancel *cancel;   /* a stop request (NULL: none), see base/cancel.h */
    int cancelled;      /* reading stopped for it: the end, a partial line dropped */
} dy_linereader;

/* Reads f's descriptor directly (stdio only when f has none), so f must not
 * have been read from and is left as it was; the caller still owns it. */
void dy_linereader_init(dy_linereader *lr, FILE *f, const char *name);
void dy_linereader_free(dy_linereader *lr);

/* Reads the next line into lr->buf; LF, CRLF and a lone CR end a line, and
 * a UTF-8 byte-order mark opening the stream is dropped. A line is handed
 * out as soon as its line end has been read: on a pipe or terminal it never
 * waits for more input. Returns 1 on a line, 0 at the end of
 * the stream, -1 on a read error or when memory runs out (err filled), and
 * DY_LINE_TOO_LONG for a line over DYAD_MAX_LINE_BYTES: it was skipped, err
 * says so (DYAD_ERR_PARSE, with its line number); reading may go on.
 * Once lr->cancel is requested it returns 0 (lr->cancelled set) at its next
 * read, dropping a line whose end has not arrived. */
#define DY_LINE_TOO_LONG (-2)
int dy_linereader_next(dy_linereader *lr, dyad_error *err);

/* Can dy_linereader_next return a line (or the end) without waiting for
 * input that has not arrived? Always on a regular file or a stream without a
 * descriptor; on a live one, reads what has arrived (never waiting) and
 * looks for a line end. lr->buf is not valid afterwards. */
int dy_linereader_ready(dy_linereader *lr);

/* The start of a stream, looked at before it is read as some format
 * (io/sniff.c): reads more into the read-ahead without handing out a line.
 * The count of new bytes, 0 at the end of the stream, -1 on an error (err
 * filled). Nothing is lost: the next line, or dy_linereader_read_bytes,
 * starts at the first byte. */
long dy_linereader_peek_more(dy_linereader *lr, dyad_error *err);
/* The bytes read ahead and not yet handed out (*n of them). */
const char *dy_linereader_pending(const dy_linereader *lr, size_t *n);

/* For readers of bytes rather than lines (the text and PETRARCH formats):
 * hands out what was read ahead first, then reads the stream as
 * dy_read_some does (base/file.h). The count, 0 at the end, -1 on a read
 * error (errno says why), DY_READ_CANCELLED once lr->cancel is requested. */
long dy_linereader_read_bytes(dy_linereader *lr, char *dst, size_t room, const char *stops);

/* Hands lr's stream and read-ahead over to `to` (its own buffer freed),
 * so that a reader with its own line reader (TABARI records) goes on where
 * lr stopped; lr is left empty, reading nothing more. */
void dy_linereader_move(dy_linereader *to, dy_linereader *lr);

/* Nonzero when s[0..n) holds only blanks and tabs (TABARI's "blank line"). */
int dy_line_is_blank(const char *s, size_t n);

#endif
