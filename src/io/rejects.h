/* rejects.h — the rejects file of `dyad code --rejects FILE`: every skipped
 * input item as one JSON line, re-runnable with `dyad code --in jsonl`. */
#ifndef DY_REJECTS_H
#define DY_REJECTS_H

#include <stdio.h>

#include "dyad.h"

/* One skipped item: what could be read of it and why it was skipped. */
typedef struct dy_reject {
    const dyad_story *story;  /* id, date, text, source, url: NULL or 0 when unknown */
    const char *raw;          /* the raw input item when it did not parse, or NULL */
    size_t raw_len;
    const char *reason;       /* a dy_skip_key: "bad_input", "no_date", ... */
    const char *file;         /* where it was read */
    long line;                /* 0 when the input has no lines */
    const char *message;      /* the message printed for it */
} dy_reject;

/* Writes {"id","date","text","source","url","reason","where","message","raw"}
 * (null for what is unknown; date as YYYY-MM-DD) and a newline to f.
 * DYAD_ERR_IO (err names `name`) when the write fails. */
dyad_status dy_reject_write(FILE *f, const char *name, const dy_reject *rj, dyad_error *err);

#endif
