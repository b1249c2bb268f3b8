/* pipeline.h — parallel coding of a story stream: a reader thread, N coder
 * threads and results handed back in input order, with bounded memory. */
#ifndef DY_PIPELINE_H
#define DY_PIPELINE_H

#include "dyad.h"
#include "io/reader.h"

/* Called on the caller's thread once per input item, in input order.
 * status is DYAD_OK with the story's result; DYAD_ERR_PARSE for an input
 * item the reader skipped (story NULL, err says why); another status for a
 * story that failed to code (err), or a fatal read error (story NULL; it is
 * the last call). Return 0 to go on, nonzero to stop the run. */
typedef int (*dy_pipeline_sink)(void *ctx, const dyad_story *story, const dyad_result *res,
                                dyad_status status, const dyad_error *err);

typedef struct dy_pipeline dy_pipeline;

/* threads <= 1 codes on the caller's thread, without copies. So does a
 * dictionary with FORWARD: (pronouns forwarded from one record to the next
 * need the records coded in order by one coder). The coders are made once
 * and reused by every dy_pipeline_run. */
dyad_status dy_pipeline_new(const dyad_dict *dict, int threads, dy_pipeline **out,
                            dyad_error *err);
void dy_pipeline_free(dy_pipeline *p);

/* During a sink call: the reader's fields about the item handed out (line,
 * fixes, skip, bad, raw; fmt and name), as dy_reader_next left them for it,
 * whichever thread read it. NULL outside a run. */
const dy_reader *dy_pipeline_reader(const dy_pipeline *p);

/* Reads every story of rd, codes it and calls sink in input order. Returns
 * DYAD_OK when the input ended, or the status that stopped it: a fatal
 * read error (also given to the sink), DYAD_ERR_ARG when the sink asked to
 * stop, DYAD_ERR_NOMEM when the pipeline itself ran out of memory (err). */
dyad_status dy_pipeline_run(dy_pipeline *p, dy_reader *rd, dy_pipeline_sink sink, void *ctx,
                            dyad_error *err);

#endif
