/* writer.h — event writers: one line per event in TSV (with a header) or
 * JSON Lines, to a FILE*, with write errors reported, never ignored. */
#ifndef DY_WRITER_H
#define DY_WRITER_H

#include <stdio.h>

#include "dyad.h"
#include "base/strbuf.h"

typedef enum dy_out_format {
    DY_OUT_NONE = 0,
    DY_OUT_TSV,
    DY_OUT_JSONL
} dy_out_format;

/* "tsv", "jsonl" -> the format; DY_OUT_NONE when unknown. */
dy_out_format dy_out_format_parse(const char *name);

typedef struct dy_writer {
    FILE *f;                /* not owned */
    const char *name;       /* for messages */
    dy_out_format fmt;
    int header_done;
    long events;            /* events written */
    dy_strbuf line;         /* reused for every line */
} dy_writer;

void dy_writer_init(dy_writer *w, FILE *f, const char *name, dy_out_format fmt);
void dy_writer_free(dy_writer *w);

/* Writes one event of story (offsets are bytes in story->text). */
dyad_status dy_writer_event(dy_writer *w, const dyad_story *story, const dyad_event *ev,
                            dyad_error *err);
/* Writes the TSV header if no event did, flushes, and reports any write error. */
dyad_status dy_writer_finish(dy_writer *w, dyad_error *err);

/* The line builders (one file per format); each appends one line with '\n'. */
void dy_tsv_header(dy_strbuf *b);
void dy_tsv_event(dy_strbuf *b, const dyad_story *story, const dyad_event *ev);
void dy_jsonl_event(dy_strbuf *b, const dyad_story *story, const dyad_event *ev);

/* Appends s[0..n) as a JSON string literal (quotes included); bytes that are
 * not valid UTF-8 become U+FFFD. */
void dy_json_string(dy_strbuf *b, const char *s, size_t n);

#endif
