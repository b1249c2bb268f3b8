/* writer.h — event writers: one line per event in TSV or CSV (with a header),
 * JSON Lines, PETRARCH-2, TABARI or GDELT 2.0 columns, to a FILE*, with write
 * errors reported, never ignored. docs/formats.md documents every field. */
#ifndef DY_WRITER_H
#define DY_WRITER_H

#include <stdint.h>
#include <stdio.h>

#include "dyad.h"
#include "base/strbuf.h"

typedef enum dy_out_format {
    DY_OUT_NONE = 0,
    DY_OUT_TSV,
    DY_OUT_JSONL,
    DY_OUT_CSV,
    DY_OUT_PETRARCH,
    DY_OUT_TABARI,
    DY_OUT_GDELT
} dy_out_format;

/* "tsv", "csv", "jsonl", "petrarch", "tabari", "gdelt" -> the format;
 * DY_OUT_NONE when unknown. */
dy_out_format dy_out_format_parse(const char *name);
/* "tsv, csv, jsonl, petrarch, tabari or gdelt": for messages. */
const char *dy_out_format_list(void);

/* What duplicate removal adds to an event (src/event/dedup.h). */
typedef struct dy_event_extra {
    int mentions;            /* identical events folded into this one (>= 1) */
    const char *sentence_ids;/* "ID_1;ID_3": the story's sentences that had it */
    int n_stories;           /* --one-a-day: stories that reported it; 0 otherwise */
    const char *story_ids;   /* --one-a-day: their ids, ';'-separated */
} dy_event_extra;

/* Per-format choices. */
typedef struct dy_out_options {
    int quad_phoenix;        /* write the Phoenix quad class instead of GDELT's */
    int tabari_label;        /* tabari: the label field (SET: LABEL), default 1 */
    int tabari_shift, tabari_id, tabari_text, tabari_pattern;  /* OUTPUT: fields */
    int petrarch_text;       /* petrarch: actor and event text columns */
} dy_out_options;

typedef struct dy_writer {
    FILE *f;                /* not owned */
    const char *name;       /* for messages */
    dy_out_format fmt;
    dy_out_options opt;
    int header_done;
    long events;            /* events written */
    dy_strbuf line;         /* reused for every line */
} dy_writer;

void dy_writer_init(dy_writer *w, FILE *f, const char *name, dy_out_format fmt);
void dy_writer_free(dy_writer *w);

/* Writes one event of story (offsets are bytes in story->text). */
dyad_status dy_writer_event(dy_writer *w, const dyad_story *story, const dyad_event *ev,
                            dyad_error *err);
/* The same with what duplicate removal found (x may be NULL). */
dyad_status dy_writer_event_ex(dy_writer *w, const dyad_story *story, const dyad_event *ev,
                               const dy_event_extra *x, dyad_error *err);
/* Writes n event lines built beforehand (dy_format_story, on a worker
 * thread), after the header if none was written yet. */
dyad_status dy_writer_lines(dy_writer *w, const char *text, size_t len, long n,
                            dyad_error *err);
/* Writes the header if no event did, flushes, and reports any write error. */
dyad_status dy_writer_finish(dy_writer *w, dyad_error *err);

/* What a line builder sees. */
typedef struct dy_out_event {
    const dyad_story *story;
    const dyad_event *ev;
    int64_t event_id;        /* dy_event_id (src/event/event_id.h) */
    dy_event_extra x;        /* never NULL fields: defaults filled in */
    const dy_out_options *opt;
} dy_out_event;

/* Appends the line of one event in format fmt (what dy_writer_event_ex
 * writes). A line depends on its event alone, never on its place in the
 * output, so worker threads build them (dy_format_story). */
void dy_format_event(dy_strbuf *b, dy_out_format fmt, const dy_out_options *opt,
                     const dyad_story *story, const dyad_event *ev, const dy_event_extra *x);

/* Appends the format's header line (TSV, CSV, GDELT; nothing for others). */
void dy_format_header(dy_strbuf *b, dy_out_format fmt);

struct dy_story_dedup;
/* Appends the lines of a story's events to b, identical events once with
 * their count and sentence ids (dd is the caller's scratch); *lines says
 * how many. DYAD_ERR_NOMEM when memory ran out. */
dyad_status dy_format_story(dy_strbuf *b, dy_out_format fmt, const dy_out_options *opt,
                            struct dy_story_dedup *dd, const dyad_story *story,
                            const dyad_result *res, long *lines);

/* A public formatter's format and options (formatter.c): what the public
 * writer and the pipeline's workers build lines with. */
void dy_formatter_get(const dyad_formatter *f, dy_out_format *fmt, dy_out_options *opt);

/* The line builders (one file per format); each appends one line with '\n'. */
void dy_tsv_header(dy_strbuf *b);
void dy_tsv_event(dy_strbuf *b, const dy_out_event *o);
void dy_csv_header(dy_strbuf *b);
void dy_csv_event(dy_strbuf *b, const dy_out_event *o);
void dy_jsonl_event(dy_strbuf *b, const dy_out_event *o);
void dy_petrarch_event(dy_strbuf *b, const dy_out_event *o);
void dy_tabari_event(dy_strbuf *b, const dy_out_event *o);
void dy_gdelt_header(dy_strbuf *b);
void dy_gdelt_event(dy_strbuf *b, const dy_out_event *o);

/* The columns TSV and CSV share (write_table.c): each field goes through
 * put, which escapes (TSV) or quotes (CSV) it and adds the separator. */
typedef void (*dy_put_field)(dy_strbuf *b, const char *s, size_t n, int first);
void dy_table_header(dy_strbuf *b, dy_put_field put);
void dy_table_event(dy_strbuf *b, dy_put_field put, const dy_out_event *o);

/* Appends s[0..n) as a JSON string literal (quotes included); bytes that are
 * not valid UTF-8 become U+FFFD. */
void dy_json_string(dy_strbuf *b, const char *s, size_t n);

/* Names for the enumerations, as every format writes them. */
const char *dy_date_origin_name(dyad_date_origin o);
/* The event's date origin for the output: NULL when it has no date (a
 * story without one: --in lines without --date), since none came from anywhere. */
const char *dy_event_date_origin(const dyad_event *ev);
const char *dy_precision_name(dyad_place_precision p);

#endif
