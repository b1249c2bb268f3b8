/* linereader.h — reading a stream one line at a time, counting lines.
 * Shared by every story reader; the line buffer is reused, never per line. */
#ifndef DY_LINEREADER_H
#define DY_LINEREADER_H

#include <stddef.h>
#include <stdio.h>

#include "dyad.h"

typedef struct dy_linereader {
    FILE *f;
    const char *name;   /* for messages; not owned */
    char *buf;          /* current line, NUL-terminated, without its line end */
    size_t cap;
    size_t len;
    long lineno;        /* 1-based number of the current line */
} dy_linereader;

void dy_linereader_init(dy_linereader *lr, FILE *f, const char *name);
void dy_linereader_free(dy_linereader *lr);

/* Reads the next line into lr->buf; LF, CRLF and a lone CR end a line, and
 * a UTF-8 byte-order mark opening the stream is dropped. Returns 1 on a line, 0 at the end of
 * the stream, -1 on a read error or when memory runs out (err filled), and
 * DY_LINE_TOO_LONG for a line over DYAD_MAX_LINE_BYTES: it was skipped, err
 * says so (DYAD_ERR_PARSE, with its line number); reading may go on. */
#define DY_LINE_TOO_LONG (-2)
int dy_linereader_next(dy_linereader *lr, dyad_error *err);

/* Nonzero when s[0..n) holds only blanks and tabs (TABARI's "blank line"). */
int dy_line_is_blank(const char *s, size_t n);

#endif
