/* reader.h — streaming story readers: open a stream in one of the input
 * formats (text, jsonl, tabari, lines), then take one dyad_story at a time. */
#ifndef DY_READER_H
#define DY_READER_H

#include <stdio.h>

#include "dyad.h"
#include "base/strbuf.h"
#include "io/linereader.h"
#include "io/record.h"
#include "io/sanitize.h"

typedef enum dy_in_format {
    DY_IN_AUTO = 0,
    DY_IN_TEXT,     /* the whole stream is one story */
    DY_IN_JSONL,    /* one JSON object per line */
    DY_IN_TABARI,   /* TABARI records, each coded as one sentence */
    DY_IN_LINES,    /* one sentence per line */
    DY_IN_PETRARCH, /* PETRARCH XML: <Sentence>s with optional Treebank <Parse> */
    DY_IN_CONLLU    /* CoNLL-U: each sentence's block of lines is a story */
} dy_in_format;

/* "text", "jsonl", "tabari", "lines", "petrarch", "conllu" -> the format;
 * DY_IN_AUTO when unknown. */
dy_in_format dy_in_format_parse(const char *name);
/* By file name: .jsonl/.json -> jsonl; .text/.tabari/.records -> tabari;
 * .xml -> petrarch; .conllu -> conllu; .txt -> text; anything else (and
 * "-") DY_IN_AUTO: the name says nothing, the first bytes will tell. */
dy_in_format dy_in_format_detect(const char *path);
const char *dy_in_format_name(dy_in_format fmt);
/* Does the name end in a suffix dy_in_format_detect knows? */
int dy_in_format_known_suffix(const char *path);

/* What the first bytes of a stream say its format is (io/sniff.c). */
typedef struct dy_sniff {
    dy_in_format fmt;   /* jsonl, petrarch, tabari, else text */
    int byte;           /* the first non-blank byte, -1 when there is none */
    int header;         /* the first line is a TABARI record header */
} dy_sniff;

/* p[0, n) is the start of a stream (at_end: all of it). A first non-blank
 * byte '{' is JSON Lines, '<' PETRARCH XML, a first line "YYMMDD ID" (6 or
 * 8 digits, blanks, one id) TABARI records; anything else text. Returns 1
 * when *out is decided, 0 when more bytes are needed. */
int dy_sniff_bytes(const char *p, size_t n, int at_end, dy_sniff *out);
/* "first byte '{'" and the like, for the message saying what was assumed. */
void dy_sniff_describe(const dy_sniff *s, char *buf, size_t n);

/* Why an input item was not coded (docs/errors.md, "Input policy"). */
typedef enum dy_skip {
    DY_SKIP_NONE = 0,
    DY_SKIP_BAD_INPUT,   /* malformed item: bad JSON, no id, no text, bad XML */
    DY_SKIP_NO_DATE,     /* no date and no --date */
    DY_SKIP_BAD_DATE,    /* a date that is not a calendar date */
    DY_SKIP_EMPTY,       /* no text, or only blanks */
    DY_SKIP_TOO_LONG,    /* over a DYAD_MAX_* limit */
    DY_SKIP_DUPLICATE,   /* a story id already seen in this run */
    DY_SKIP_CODING,      /* the coder failed (out of memory and the like) */
    DY_SKIP_COUNT
} dy_skip;

/* "bad input", "no date", ... for messages and the summary line. */
const char *dy_skip_name(dy_skip s);
/* "bad_input", "no_date", ... for the rejects file. */
const char *dy_skip_key(dy_skip s);
/* The reason of a skip known only by its error (a reader on another thread):
 * from the status and the reader's wording; bad input when unsure. */
dy_skip dy_skip_classify(const dyad_error *err);

/* The JSON Lines members a story is read from. */
typedef struct dy_jsonl_fields {
    const char *id, *text, *date;   /* "id", "text", "date" unless set */
    const char *title;  /* or NULL; when set and present, the text is the
                         * title, a blank line, then the text */
} dy_jsonl_fields;

typedef struct dy_reader {
    dy_in_format fmt;
    const char *name;       /* for ids and messages; not owned */
    int date;               /* YYYYMMDD from --date, 0 when none */
    int date_optional;      /* a story without a date is read with date 0
                             * (dyad parse), not skipped */
    dy_jsonl_fields fields; /* jsonl: the members to read (callers may set them
                             * after dy_reader_init; not owned) */
    int done;
    dy_linereader lr;       /* jsonl, lines, text */
    dy_record_reader rr;    /* tabari */
    dy_strbuf text, id, source, url;
    size_t id_prefix;       /* lines: id keeps "NAME:", this long, from line to line */
    struct dy_petr_in *petr; /* petrarch (io/read_petrarch.c), made on first read */

    /* About the last item read (valid until the next call): */
    long line;              /* its first line, 0 when the input has no lines */
    dy_fixes fixes;         /* what the input policy repaired in it */
    dy_skip skip;           /* when skipped (DYAD_ERR_PARSE): why */
    dyad_story bad;         /* and what could be read of it (id, date, text may be
                               NULL/0), for the rejects file */
    const char *raw;        /* the item as read when it did not parse, or NULL */
    size_t raw_len;
    dy_strbuf clean, line_buf; /* sanitized story text; sanitized JSON line */
    dy_strbuf title, date_text, key; /* jsonl: those members as read; a member
                                      * name with escapes, decoded */
    const struct dy_cancel *cancel;   /* a stop request, or NULL (base/cancel.h) */
    int cancelled;          /* the input ended early for it */
} dy_reader;

/* f stays owned by the caller and must not have been read from. With fmt
 * DY_IN_AUTO the first bytes decide (dy_reader_sniff), at the first read
 * unless the caller sniffs first. */
void dy_reader_init(dy_reader *r, FILE *f, const char *name, dy_in_format fmt, int date);
void dy_reader_free(dy_reader *r);

/* Lets a stop request end the input: once c is requested (a signal), the
 * next story asked for is the end (r->cancelled set), a read waiting on a
 * live feed wakes at once, and a story only partly read is dropped; one
 * handed out before is whole. c must outlive the reader. */
void dy_reader_set_cancel(dy_reader *r, const struct dy_cancel *c);

/* Looks at the start of the stream (waiting, on a pipe, for its first
 * non-blank byte or its first line) and sets r->fmt from it; the caller may
 * set another format before the first read. Nothing read is lost: every
 * format's reader starts at the first byte. DYAD_OK, or a read error (err
 * filled). */
dyad_status dy_reader_sniff(dy_reader *r, dy_sniff *out, dyad_error *err);

/* Next story. DYAD_OK with *got = 1: *story is filled, valid until the next
 * call; DYAD_OK with *got = 0: the end. DYAD_ERR_PARSE: one input item was
 * bad and skipped (err names file, line and reason; r->skip says why, r->bad
 * and r->raw hold what could be read of it); call again. Any other status is
 * fatal (read error, out of memory).
 * The input policy is applied here: a byte-order mark is dropped, CR, LF and
 * CRLF all end lines, and (except for petrarch, whose XML parser has its own
 * rules) story text is sanitized (io/sanitize.h: invalid UTF-8 and NULs
 * repaired, r->fixes counts them; HTML tags and entities turned into text).
 * A story with no text left is skipped as DY_SKIP_EMPTY. */
dyad_status dy_reader_next(dy_reader *r, dyad_story *story, int *got, dyad_error *err);

/* Might dy_reader_next wait for input that has not arrived (a live pipe with
 * no whole line read ahead)? A batch of stories already read is then handed
 * on rather than held. Exact for one-line formats; for TABARI records and
 * PETRARCH XML it only knows whether a line, or any byte, has arrived. */
int dy_reader_would_wait(dy_reader *r);

/* The reader inside a public dyad_reader (api_read.c). */
struct dyad_reader;
dy_reader *dy_reader_of(struct dyad_reader *r);

/* The format-specific halves of dy_reader_next (one file each). */
dyad_status dy_read_text(dy_reader *r, dyad_story *story, int *got, dyad_error *err);
dyad_status dy_read_lines(dy_reader *r, dyad_story *story, int *got, dyad_error *err);
dyad_status dy_read_jsonl(dy_reader *r, dyad_story *story, int *got, dyad_error *err);
dyad_status dy_read_tabari(dy_reader *r, dyad_story *story, int *got, dyad_error *err);
dyad_status dy_read_petrarch(dy_reader *r, dyad_story *story, int *got, dyad_error *err);
/* CoNLL-U: the lines of one sentence, up to its blank line, as the story's
 * text (checked by whoever parses it, io/read_conllu.h); id from its
 * "# sent_id", else "FILE:LINE". */
dyad_status dy_read_conllu_block(dy_reader *r, dyad_story *story, int *got, dyad_error *err);

#endif
