/* work_parse.h — parsing as pipeline work (`dyad parse`): each story (or
 * CoNLL-U sentence) becomes its CoNLL-U text in the worker, in input order. */
#ifndef DY_WORK_PARSE_H
#define DY_WORK_PARSE_H

#include "dyad.h"
#include "io/pipeline.h"

typedef struct dy_parse_ctx {
    const dyad_model *model;
    int conllu;            /* the stories are CoNLL-U sentences (--in conllu) */
    const char *name;      /* the input being read, for messages */
} dy_parse_ctx;

/* What the work gives each story: the CoNLL-U to write. */
typedef struct dy_parse_out {
    const char *text;
    size_t len;
    size_t sentences, words;
} dy_parse_out;

/* The work; ctx must outlive the pipeline (its name may change between
 * runs). */
dy_work dy_work_parse(dy_parse_ctx *ctx);

#endif
