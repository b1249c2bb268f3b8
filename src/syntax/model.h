/* model.h — dyad's trained syntax model (.dym): tag and relation names, the
 * tag lexicon, the tagger's, parser's and lemmatiser's tables, in one file. */
#ifndef DY_MODEL_H
#define DY_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"
#include "syntax/lemma.h"
#include "syntax/lexicon.h"
#include "syntax/tagger.h"
#include "syntax/weights.h"

/* The file: a 64-byte header (magic "DYADSYNM", format, header size, file
 * size, checksum of the file with this field as 0, section count), a table
 * of sections (id, length, offset), then the sections, each 64-byte aligned.
 * Every count, offset, index and string is checked on load (dy_model_open),
 * so a crafted file is refused rather than read out of bounds. */
#define DY_MODEL_MAGIC "DYADSYNM"
#define DY_MODEL_FORMAT 2

enum dy_model_section {
    DY_MSEC_META = 1,     /* "key = value" lines: name, version, data, accuracy */
    DY_MSEC_XPOS,         /* names of the XPOS tags */
    DY_MSEC_DEPREL,       /* names of the relations */
    DY_MSEC_TAGSET,       /* the tagger's classes as (UPOS, XPOS) pairs */
    DY_MSEC_LEXICON,      /* lexicon.h */
    DY_MSEC_TAGGER,       /* weights.h */
    DY_MSEC_PARSER,       /* weights.h: the parser's transitions */
    DY_MSEC_LEMMA,        /* lemma.h */
    DY_MSEC_LABELLER,     /* weights.h: the parser's relations */
    DY_MSEC_COUNT
};

#define DY_MODEL_NAMES 250   /* at most this many tags or relations */

struct dyad_model {
    const unsigned char *mem;      /* the file's bytes: a huge-page copy we own,
                                    * or the built-in model in place (map_len 0) */
    size_t mem_len, map_len;
    const char *meta;              /* NUL-terminated */
    int n_xpos, n_labels, root_label, punct_label;
    const char *xpos[DY_MODEL_NAMES];
    const char *label[DY_MODEL_NAMES];
    int n_classes;
    uint8_t cls_upos[256], cls_xpos[256];
    dy_lexicon lexicon;
    dy_wtab tagger_w, parser, labeller;
    dy_tagger tagger;              /* tagger_w and its finite-verb classes */
    dy_lemmatizer lemma;
};
typedef struct dyad_model dy_model;

/* The model built into libdyad (data/model/en.dym, embedded at build time
 * by tools/embed_model.sh). */
extern const unsigned char dy_default_model[];
extern const size_t dy_default_model_len;

/* Copies data[0, len) and checks it all; name is for errors. */
dyad_status dy_model_open(const void *data, size_t len, const char *name, dy_model **out,
                          dyad_error *err);
dyad_status dy_model_load(const char *path, dy_model **out, dyad_error *err);
void dy_model_free(dy_model *m);

/* Value of a META key ("name", "version", ...), or NULL; into buf. */
const char *dy_model_meta(const dy_model *m, const char *key, char *buf, size_t cap);

/* The checksum a model file of len bytes (len >= 64) should carry at byte
 * 32: the tests and the fuzzer fix it up after changing a file. */
uint64_t dy_model_checksum(const unsigned char *file, size_t len);

/* Building: the sections' bytes, written into one file. */
typedef struct dy_model_part {
    int id;
    const void *data;
    size_t len;
} dy_model_part;

/* The file's bytes (malloc'd). */
dyad_status dy_model_build(const dy_model_part *parts, int n, unsigned char **out,
                           size_t *len, dyad_error *err);
/* A names section from a table of NUL-terminated names. */
dyad_status dy_model_names(const char *const *names, int n, unsigned char **out, size_t *len,
                           dyad_error *err);

#endif
