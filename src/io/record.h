/* record.h — reading TABARI text records (tabari-manual 4.3): a "YYMMDD ID"
 * header line, text lines, a blank line; blocks not starting with a digit are comments. */
#ifndef DY_RECORD_H
#define DY_RECORD_H

#include <stddef.h>
#include <stdio.h>

#include "dyad.h"
#include "base/strbuf.h"
#include "io/linereader.h"

typedef struct dy_record {
    long line;              /* line number of the header */
    const char *date_text;  /* the header's first field, as written */
    int date;               /* YYYYMMDD; 0 when date_text is not a valid date */
    const char *id;         /* the rest of the header, trimmed */
    const char *text;       /* text lines joined by one blank, comment removed */
    size_t text_len;
    const char *comment;    /* from the first slash-star to the last star-slash
                               (or the end of the record), markers excluded */
    size_t comment_len;
} dy_record;

typedef struct dy_record_reader {
    dy_linereader lr;
    dy_strbuf head, body, text, comment;
} dy_record_reader;

void dy_record_reader_init(dy_record_reader *r, FILE *f, const char *name);
void dy_record_reader_free(dy_record_reader *r);

/* Next record: 1 when *rec was filled (valid until the next call), 0 at the
 * end of the stream, -1 on a read error (err filled), DY_LINE_TOO_LONG when
 * a line or a record over the limits was skipped (err filled; call again). */
int dy_record_next(dy_record_reader *r, dy_record *rec, dyad_error *err);

/* Splits a record body into text and comment (exposed for tests). A comment
 * runs from the first slash-star to the last star-slash, or to the end when
 * unclosed, as TABARI's files rely on; a "\n" that opens a line is dropped. */
void dy_record_split(const char *body, size_t len, dy_strbuf *text, dy_strbuf *comment);

#endif
