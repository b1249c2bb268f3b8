/* dyad_io.h — streams of stories in and events out, as the dyad command
 * reads and writes them, and coding a stream on many threads. Built on
 * dyad.h alone: everything here could be done with its functions. */
#ifndef DYAD_IO_H
#define DYAD_IO_H

#include <stdio.h>

#include "dyad.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Every type below is an opaque handle or an enumeration: a program reads
 * them through functions, so later versions can add to them without
 * breaking it (docs/architecture.md, "The public API and its stability").
 * A handle is used by one thread at a time unless its comment says more. */

/* ---------------------------------------------------------- input formats */

/* The story formats of `dyad code --in` (docs/formats.md). */
typedef enum dyad_input {
    DYAD_INPUT_AUTO = 0,  /* unknown: the file name, else the first bytes, tell */
    DYAD_INPUT_TEXT,      /* the whole stream is one story */
    DYAD_INPUT_JSONL,     /* one JSON object per line */
    DYAD_INPUT_TABARI,    /* TABARI records, each coded as one sentence */
    DYAD_INPUT_LINES,     /* one sentence per line */
    DYAD_INPUT_PETRARCH,  /* PETRARCH XML: <Sentence>s with optional Treebank <Parse> */
    DYAD_INPUT_CONLLU     /* CoNLL-U: each sentence's block of lines is a story */
} dyad_input;

/* "text", "jsonl", "tabari", "lines", "petrarch", "conllu" -> the format;
 * DYAD_INPUT_AUTO for any other name. */
DYAD_API dyad_input dyad_input_parse(const char *name);
/* By file name: .jsonl/.json -> jsonl; .text/.tabari/.records -> tabari;
 * .xml -> petrarch; .conllu -> conllu; .txt -> text; anything else (and
 * "-") DYAD_INPUT_AUTO: the name says nothing, the first bytes will tell. */
DYAD_API dyad_input dyad_input_detect(const char *path);
/* "text", "jsonl", ...; "auto" for DYAD_INPUT_AUTO. */
DYAD_API const char *dyad_input_name(dyad_input in);

/* -------------------------------------------------------- stop requests */

/* A request to stop reading, made from outside the run: typically by a
 * signal handler (dyad_cancel_request is async-signal-safe). Once it is
 * made, a reader given it ends its input at the next story, and a read
 * waiting on a live feed wakes at once. Any thread may use it. */
typedef struct dyad_cancel dyad_cancel;

DYAD_API dyad_status dyad_cancel_new(dyad_cancel **out, dyad_error *err);
DYAD_API void dyad_cancel_free(dyad_cancel *c);
/* why: a signal number, or 1. Async-signal-safe. */
DYAD_API void dyad_cancel_request(dyad_cancel *c, int why);
/* The request's why, 0 while none was made (c may be NULL). */
DYAD_API int dyad_cancel_requested(const dyad_cancel *c);

/* ---------------------------------------------------------------- reader */

/* Why an input item was not coded (docs/errors.md, "Input policy"). */
typedef enum dyad_skip {
    DYAD_SKIP_NONE = 0,
    DYAD_SKIP_BAD_INPUT,  /* malformed item: bad JSON, no id, no text, bad XML */
    DYAD_SKIP_NO_DATE,    /* no date and no default date */
    DYAD_SKIP_BAD_DATE,   /* a date that is not a calendar date */
    DYAD_SKIP_EMPTY,      /* no text, or only blanks */
    DYAD_SKIP_TOO_LONG,   /* over a DYAD_MAX_* limit */
    DYAD_SKIP_DUPLICATE,  /* a story id already seen in this run (dyad_idset) */
    DYAD_SKIP_CODING,     /* the coder failed (out of memory and the like) */
    /* The reasons of this header; a later library may add some after them:
     * a program treats one it does not know as bad input. */
    DYAD_SKIP_COUNT
} dyad_skip;

/* "bad input", "no date", ... for messages; "bad_input", "no_date", ... as
 * the rejects file writes them. */
DYAD_API const char *dyad_skip_name(dyad_skip s);
DYAD_API const char *dyad_skip_key(dyad_skip s);

/* A reader takes stories one at a time from a stream in one format. It
 * streams: one story in memory at a time, reused buffers. */
typedef struct dyad_reader dyad_reader;

/* f stays the caller's (closed by it, after dyad_reader_free) and must not
 * have been read from; name is used in ids and messages ("stdin" for
 * standard input) and copied. With DYAD_INPUT_AUTO the first bytes decide
 * the format, at the first read unless dyad_reader_sniff is called first. */
DYAD_API dyad_status dyad_reader_new(FILE *f, const char *name, dyad_input in,
                                     dyad_reader **out, dyad_error *err);
DYAD_API void dyad_reader_free(dyad_reader *r);

/* Choices of a reader (dyad_reader_set), before its first story. */
typedef enum dyad_reader_option {
    DYAD_READER_DATE = 1,      /* YYYYMMDD given to stories without a date
                                * (`--date`); 0, the default: they are skipped */
    DYAD_READER_DATE_OPTIONAL, /* nonzero: a story without a date is read with
                                * date 0 rather than skipped (`dyad parse`) */
    DYAD_READER_FORMAT         /* a dyad_input other than AUTO: read the stream
                                * in this format (after dyad_reader_sniff too) */
} dyad_reader_option;
DYAD_API dyad_status dyad_reader_set(dyad_reader *r, dyad_reader_option option, int value,
                                     dyad_error *err);

/* The JSON Lines members stories are read from ("id", "text", "date" by
 * default; no title). With a title member, a story's text is its title, a
 * blank line, then its text. name is copied. */
typedef enum dyad_jsonl_member {
    DYAD_JSONL_ID = 1, DYAD_JSONL_TEXT, DYAD_JSONL_DATE, DYAD_JSONL_TITLE
} dyad_jsonl_member;
DYAD_API dyad_status dyad_reader_set_member(dyad_reader *r, dyad_jsonl_member member,
                                            const char *name, dyad_error *err);

/* Lets c end the input (c must outlive the reader; NULL: none). */
DYAD_API void dyad_reader_set_cancel(dyad_reader *r, const dyad_cancel *c);

/* Decides the format from the start of the stream (on a pipe, waiting for
 * its first non-blank byte or its first line) and describes in why (may be
 * NULL) what was seen: "first byte '{'". Nothing read is lost: the stories
 * start at the first byte. A first non-blank '{' is jsonl, '<' petrarch, a
 * first line "YYMMDD ID" tabari, anything else text. DYAD_OK, or a read
 * error. */
DYAD_API dyad_status dyad_reader_sniff(dyad_reader *r, char *why, size_t why_size,
                                       dyad_error *err);

/* The reader's format (DYAD_INPUT_AUTO until decided) and name. */
DYAD_API dyad_input dyad_reader_format(const dyad_reader *r);
DYAD_API const char *dyad_reader_name(const dyad_reader *r);
/* Did a stop request end the input early? */
DYAD_API int dyad_reader_cancelled(const dyad_reader *r);

/* The next story. DYAD_OK with *got 1: *story is filled, its strings valid
 * until the next call; DYAD_OK with *got 0: the end. DYAD_ERR_PARSE: one
 * input item was bad and skipped (err names file, line and reason;
 * dyad_reader_item says more); call again. Any other status is fatal (a
 * read error, out of memory). The input policy is applied here
 * (docs/errors.md): a byte-order mark dropped, CR, LF and CRLF all ending
 * lines, invalid UTF-8 and NULs repaired, HTML tags and entities turned
 * into text (not in PETRARCH XML, whose parser has its own rules). */
DYAD_API dyad_status dyad_reader_next(dyad_reader *r, dyad_story *story, int *got,
                                      dyad_error *err);

/* What the reader found about one input item, beside the story itself: its
 * place, its repairs, and for a skipped one why and what could be read. */
typedef struct dyad_item dyad_item;

/* The last item dyad_reader_next read (valid until its next call). */
DYAD_API const dyad_item *dyad_reader_item(const dyad_reader *r);
/* The item's first line in its input, 0 when the input has no lines. */
DYAD_API long dyad_item_line(const dyad_item *it);

/* What the input policy repaired in an item. */
typedef enum dyad_repair {
    DYAD_REPAIR_BAD_UTF8 = 1,  /* invalid UTF-8 bytes, each replaced by U+FFFD */
    DYAD_REPAIR_NUL,           /* NUL bytes, each replaced by a blank */
    DYAD_REPAIR_HTML_TAG,      /* HTML tags and comments, each replaced by a blank */
    DYAD_REPAIR_HTML_ENTITY    /* HTML character references decoded */
} dyad_repair;
DYAD_API long dyad_item_repairs(const dyad_item *it, dyad_repair what);

/* A skipped item (DYAD_ERR_PARSE): why, what could be read of it (id,
 * date, text may be NULL or 0) and its raw bytes when it did not parse
 * (NULL otherwise; *len set), for a rejects file. */
DYAD_API dyad_skip dyad_item_skip(const dyad_item *it);
DYAD_API const dyad_story *dyad_item_story(const dyad_item *it);
DYAD_API const char *dyad_item_raw(const dyad_item *it, size_t *len);

/* Writes one skipped item to f as a JSON line that `dyad code --in jsonl`
 * reads again: {"id","date","text","source","url","reason","where",
 * "message","raw"}, null for what is unknown. story is what could be read
 * of it (may be NULL), raw its bytes (may be NULL), e the error that
 * skipped it (where, line, message). DYAD_ERR_IO (err naming `name`) when
 * the write fails. */
DYAD_API dyad_status dyad_reject_write(FILE *f, const char *name, const dyad_story *story,
                                       const char *raw, size_t raw_len, dyad_skip why,
                                       const dyad_error *e, dyad_error *err);

/* ----------------------------------------------------- duplicate stories */

/* The ids of the stories seen lately: 64-bit hashes of the last `window`
 * distinct ids, so memory stays bounded on an endless feed. */
typedef struct dyad_idset dyad_idset;

#define DYAD_IDSET_WINDOW 1000000   /* the default window: about 24 MB at most */

/* window 0: DYAD_IDSET_WINDOW. */
DYAD_API dyad_status dyad_idset_new(size_t window, dyad_idset **out, dyad_error *err);
DYAD_API void dyad_idset_free(dyad_idset *s);
/* 1 when id (len bytes) was new and is now remembered, 0 when it is among
 * the last `window` distinct ids, -1 out of memory. Two ids hash alike with
 * odds of one in 10^8 per million stories. */
DYAD_API int dyad_idset_add(dyad_idset *s, const char *id, size_t len);

/* ---------------------------------------------------------------- writer */

/* A writer writes events to a stream in one of the formats of dyad.h,
 * line by line as a dyad_formatter builds them, the header first; write
 * errors are reported, never ignored. */
typedef struct dyad_writer dyad_writer;

/* f stays the caller's; name is for messages and copied. */
DYAD_API dyad_status dyad_writer_new(FILE *f, const char *name, dyad_format format,
                                     dyad_writer **out, dyad_error *err);
DYAD_API void dyad_writer_free(dyad_writer *w);
/* The writer's formatter: set its options (dyad_formatter_set) before the
 * first write; it belongs to the writer. */
DYAD_API dyad_formatter *dyad_writer_formatter(dyad_writer *w);
/* Writes a story's events, identical ones once (dyad_format_story). */
DYAD_API dyad_status dyad_writer_story(dyad_writer *w, const dyad_story *story,
                                       const dyad_result *result, dyad_error *err);
/* Writes n event lines built beforehand by a formatter of the same format
 * and options (on another thread: dyad_pipeline_lines). */
DYAD_API dyad_status dyad_writer_lines(dyad_writer *w, const char *text, size_t len, size_t n,
                                       dyad_error *err);
/* Writes the header if no event did, flushes and reports any write error. */
DYAD_API dyad_status dyad_writer_finish(dyad_writer *w, dyad_error *err);
/* Event lines written so far. */
DYAD_API long dyad_writer_events(const dyad_writer *w);

/* One event a day (`dyad code --one-a-day`): every event with the same
 * date, source, target and code, across all the stories added, written
 * once with the number of its mentions and the ids of its stories. */
typedef struct dyad_daily dyad_daily;

DYAD_API dyad_status dyad_daily_new(dyad_daily **out, dyad_error *err);
DYAD_API void dyad_daily_free(dyad_daily *d);
/* Adds the events of a coded story (copied: story and result may go). */
DYAD_API dyad_status dyad_daily_add(dyad_daily *d, const dyad_story *story,
                                    const dyad_result *result, dyad_error *err);
/* Writes every group, in the order first seen. */
DYAD_API dyad_status dyad_daily_write(dyad_daily *d, dyad_writer *w, dyad_error *err);

/* -------------------------------------------------------------- pipeline */

/* A pipeline codes (or parses) a stream on N threads: a reader thread,
 * N workers each with its own coder, and every story's result handed back
 * on the caller's thread in input order, in batches from a fixed pool so
 * memory stays bounded on an endless stream. Output is the same whatever
 * N. A dictionary with FORWARD: (pronouns carried from one record to the
 * next) is coded on one thread. */
typedef struct dyad_pipeline dyad_pipeline;

/* Coding with dict and, for syntax mode, model (NULL: shallow); both must
 * outlive the pipeline. threads <= 1 reads, codes and hands out on the
 * caller's thread without copies. With lines_like (may be NULL), each
 * worker also builds the story's event lines as that formatter (its format
 * and options, as they are now) would, so the caller's thread only writes
 * them (dyad_pipeline_lines). */
DYAD_API dyad_status dyad_pipeline_new(const dyad_dict *dict, const dyad_model *model,
                                       int threads, const dyad_formatter *lines_like,
                                       dyad_pipeline **out, dyad_error *err);
/* Parsing with model (`dyad parse`): each story becomes its CoNLL-U text
 * (dyad_pipeline_lines, dyad_pipeline_parsed); conllu: the stories are
 * CoNLL-U sentences (DYAD_INPUT_CONLLU) to parse again. */
DYAD_API dyad_status dyad_pipeline_new_parse(const dyad_model *model, int threads, int conllu,
                                             dyad_pipeline **out, dyad_error *err);
DYAD_API void dyad_pipeline_free(dyad_pipeline *p);

/* Called on the caller's thread once per input item, in input order.
 * status DYAD_OK: story and its result (NULL for a parse pipeline).
 * DYAD_ERR_PARSE with story NULL: an item the reader skipped (err says
 * why; dyad_pipeline_item says more). Another status with a story: that
 * story failed (err). Another status without: a fatal read error, the
 * last call. Return 0 to go on, nonzero to stop the run. */
typedef int (*dyad_sink)(void *ctx, dyad_status status, const dyad_story *story,
                         const dyad_result *result, const dyad_error *err);

/* on_idle (NULL: none) is called on the caller's thread, with the sink's
 * ctx, when the input has nothing more yet (a live feed waiting for its
 * next story): the moment to flush what was written. */
DYAD_API void dyad_pipeline_on_idle(dyad_pipeline *p, void (*on_idle)(void *ctx));

/* Reads every story of rd, codes it and calls sink in input order.
 * DYAD_OK when the input ended; DYAD_STOPPED when the sink asked to stop;
 * the status of a fatal read error (also given to the sink); DYAD_ERR_NOMEM
 * when the pipeline itself ran out of memory (err). rd stays the caller's;
 * the pipeline may be run again on the next input. */
DYAD_API dyad_status dyad_pipeline_run(dyad_pipeline *p, dyad_reader *rd, dyad_sink sink,
                                       void *ctx, dyad_error *err);

/* During a sink call, about the item handed out (whichever thread read
 * or coded it): what the reader found (dyad_item_*); the story's event
 * lines (coding with lines_like; *lines counts them) or its CoNLL-U
 * (parsing; *lines is 0), "" when none, valid until the sink returns; a
 * parse's sentences and words.
 * Outside a sink call they say nothing (NULL, "", 0). */
DYAD_API const dyad_item *dyad_pipeline_item(const dyad_pipeline *p);
DYAD_API const char *dyad_pipeline_lines(const dyad_pipeline *p, size_t *len, size_t *lines);
DYAD_API void dyad_pipeline_parsed(const dyad_pipeline *p, size_t *sentences, size_t *words);

/* ------------------------------------------------------------------ files */

/* Writes data to path whole, as dyad writes every file: a temporary file
 * beside it (never through a symbolic link), flushed to disk and renamed
 * over path, so a reader sees the old file or the new one, never half. A
 * path that exists and is not a regular file is refused. The new file keeps
 * the old one's permissions, else 0644. */
DYAD_API dyad_status dyad_write_file(const char *path, const void *data, size_t len,
                                     dyad_error *err);

/* ---------------------------------------------------------------- folders */

/* The files of a folder given as input: regular files sorted by name (byte
 * order), names starting with '.' left out, sub-folders depth-first when
 * asked; what was left out is said, so that nothing is skipped silently. */
typedef enum dyad_walk {
    DYAD_WALK_END = 0,
    DYAD_WALK_FILE,          /* a regular file (or a symbolic link to one) */
    DYAD_WALK_DIR_SKIPPED,   /* a sub-folder not entered: the walk is not recursive */
    DYAD_WALK_LINK_SKIPPED,  /* a symbolic link to a folder: never followed */
    DYAD_WALK_LOOP,          /* a folder already being walked (a bind mount) */
    DYAD_WALK_OTHER,         /* neither a file nor a folder (a FIFO, a device) */
    DYAD_WALK_ERROR          /* an entry that could not be read (err); the walk goes on */
} dyad_walk;

typedef struct dyad_dirwalk dyad_dirwalk;

/* DYAD_ERR_IO when path cannot be listed. */
DYAD_API dyad_status dyad_dirwalk_open(const char *path, int recursive, dyad_dirwalk **out,
                                       dyad_error *err);
/* The next entry's kind and path (path/name/..., valid until the next call). */
DYAD_API dyad_walk dyad_dirwalk_next(dyad_dirwalk *w, const char **path, dyad_error *err);
DYAD_API void dyad_dirwalk_free(dyad_dirwalk *w);

#ifdef __cplusplus
}
#endif
#endif
