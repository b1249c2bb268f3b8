/* pipeline.h — parallel processing of a story stream: a reader thread, N
 * worker threads and results handed back in input order, with bounded
 * memory. What a worker does to a story (code it, parse it) is a dy_work. */
#ifndef DY_PIPELINE_H
#define DY_PIPELINE_H

#include "base/arena.h"
#include "dyad.h"
#include "io/reader.h"
#include "io/writer.h"

/* What each worker thread does. */
typedef struct dy_work {
    void *ctx;                 /* shared by every thread, read only */
    /* Makes one thread's own state (a coder, a parser). */
    dyad_status (*open)(void *ctx, void **state, dyad_error *err);
    void (*close)(void *state);
    /* Processes one story (line: its first line in the input, 0 when
     * unknown) into *out. With keep NULL, *out need only live until the
     * next run on this state; with keep, everything it refers to must be
     * copied into keep, where it lives until handed out. */
    dyad_status (*run)(void *state, const dyad_story *story, long line, dy_arena *keep,
                       const void **out, dyad_error *err);
    int sequential;            /* stories depend on each other: one thread */
    void (*free_ctx)(void *ctx);   /* called on ctx by dy_pipeline_free, or NULL */
} dy_work;

/* Called on the caller's thread once per input item, in input order.
 * status is DYAD_OK with the story's result (what run gave); DYAD_ERR_PARSE
 * for an input item the reader skipped (story NULL, err says why); another
 * status for a story that failed (err), or a fatal read error (story NULL;
 * it is the last call). Return 0 to go on, nonzero to stop the run. */
typedef int (*dy_pipeline_sink)(void *ctx, const dyad_story *story, const void *result,
                                dyad_status status, const dyad_error *err);

typedef struct dy_pipeline dy_pipeline;

/* threads <= 1 (or a sequential work) runs on the caller's thread, without
 * copies. The states are made once and reused by every dy_pipeline_run.
 * work is copied. */
dyad_status dy_pipeline_new_work(const dy_work *work, int threads, dy_pipeline **out,
                                 dyad_error *err);
/* What a coding pipeline hands the sink for each story. */
typedef struct dy_coded {
    dyad_result res;
    /* With a format asked for: the story's event lines, built on the thread
     * that coded it (dy_format_story), for dy_writer_lines. */
    const char *lines;
    size_t len;
    long n_lines;
} dy_coded;

/* Coding with dict (and, for syntax mode, model; NULL: shallow): results
 * are dy_coded. fmt other than DY_OUT_NONE (with opt) has the coding
 * threads build each story's event lines too, so the caller's thread only
 * writes them. A dictionary with FORWARD: (pronouns forwarded from one
 * record to the next) codes on one thread. */
dyad_status dy_pipeline_new(const dyad_dict *dict, const dyad_model *model, int threads,
                            dy_out_format fmt, const dy_out_options *opt, dy_pipeline **out,
                            dyad_error *err);
void dy_pipeline_free(dy_pipeline *p);

/* During a sink call: the reader's fields about the item handed out (line,
 * fixes, skip, bad, raw; fmt and name), as dy_reader_next left them for it,
 * whichever thread read it. NULL outside a run. */
const dy_reader *dy_pipeline_reader(const dy_pipeline *p);

/* on_idle (NULL: none) is called on the caller's thread, with the sink's
 * ctx, after the items handed out when the input has nothing more yet (a
 * live feed waiting for its next story, or reading slowly): the moment to
 * flush what was written, so that a feed's events appear as its stories come. */
void dy_pipeline_on_idle(dy_pipeline *p, void (*on_idle)(void *ctx));

/* Reads every story of rd, runs the work on it and calls sink in input
 * order. Returns DYAD_OK when the input ended, or the status that stopped
 * it: a fatal read error (also given to the sink), DYAD_STOPPED when the
 * sink asked to stop, DYAD_ERR_NOMEM when the pipeline itself ran out of
 * memory (err). */
dyad_status dy_pipeline_run(dy_pipeline *p, dy_reader *rd, dy_pipeline_sink sink, void *ctx,
                            dyad_error *err);

#endif
