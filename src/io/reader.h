/* reader.h — streaming story readers: open a stream in one of the input
 * formats (text, jsonl, tabari, lines), then take one dyad_story at a time. */
#ifndef DY_READER_H
#define DY_READER_H

#include <stdio.h>

#include "dyad.h"
#include "base/strbuf.h"
#include "io/linereader.h"
#include "io/record.h"

typedef enum dy_in_format {
    DY_IN_AUTO = 0,
    DY_IN_TEXT,     /* the whole stream is one story */
    DY_IN_JSONL,    /* one JSON object per line */
    DY_IN_TABARI,   /* TABARI records, each coded as one sentence */
    DY_IN_LINES,    /* one sentence per line */
    DY_IN_PETRARCH  /* PETRARCH XML: <Sentence>s with optional Treebank <Parse> */
} dy_in_format;

/* "text", "jsonl", "tabari", "lines", "petrarch" -> the format; DY_IN_AUTO
 * when unknown. */
dy_in_format dy_in_format_parse(const char *name);
/* By file name: .jsonl/.json -> jsonl; .text/.tabari/.records -> tabari;
 * .xml -> petrarch; anything else (and "-") -> text. */
dy_in_format dy_in_format_detect(const char *path);
const char *dy_in_format_name(dy_in_format fmt);

typedef struct dy_reader {
    dy_in_format fmt;
    const char *name;       /* for ids and messages; not owned */
    int date;               /* YYYYMMDD from --date, 0 when none */
    int done;
    dy_linereader lr;       /* jsonl, lines, text */
    dy_record_reader rr;    /* tabari */
    dy_strbuf text, id, source, url;
    struct dy_petr_in *petr; /* petrarch (io/read_petrarch.c), made on first read */
} dy_reader;

/* f stays owned by the caller. fmt must not be DY_IN_AUTO. */
void dy_reader_init(dy_reader *r, FILE *f, const char *name, dy_in_format fmt, int date);
void dy_reader_free(dy_reader *r);

/* Next story. DYAD_OK with *got = 1: *story is filled, valid until the next
 * call; DYAD_OK with *got = 0: the end. DYAD_ERR_PARSE: one input item was
 * bad and skipped (err names file, line and reason); call again. Any other
 * status is fatal (read error, out of memory). */
dyad_status dy_reader_next(dy_reader *r, dyad_story *story, int *got, dyad_error *err);

/* The format-specific halves of dy_reader_next (one file each). */
dyad_status dy_read_text(dy_reader *r, dyad_story *story, int *got, dyad_error *err);
dyad_status dy_read_lines(dy_reader *r, dyad_story *story, int *got, dyad_error *err);
dyad_status dy_read_jsonl(dy_reader *r, dyad_story *story, int *got, dyad_error *err);
dyad_status dy_read_tabari(dy_reader *r, dyad_story *story, int *got, dyad_error *err);
dyad_status dy_read_petrarch(dy_reader *r, dyad_story *story, int *got, dyad_error *err);

#endif
