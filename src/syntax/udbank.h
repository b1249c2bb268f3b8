/* udbank.h — Universal Dependencies treebanks held in memory, for training
 * the tagger and parser and scoring them (gzip'd or plain CoNLL-U). */
#ifndef DY_UDBANK_H
#define DY_UDBANK_H

#include <stddef.h>
#include <stdint.h>

#include "base/vec.h"
#include "dyad.h"

/* A small table of names (XPOS tags, dependency relations), index < 255. */
#define DY_NAMES_MAX 254
typedef struct dy_names {
    char *name[DY_NAMES_MAX];   /* malloc'd, NUL-terminated */
    int n;
} dy_names;

/* Index of s[0,n), or -1. */
int dy_names_find(const dy_names *t, const char *s, size_t n);
/* Index of s[0,n), added when new; -1 when the table is full or memory is out. */
int dy_names_add(dy_names *t, const char *s, size_t n);
void dy_names_free(dy_names *t);

#define DY_UD_NONE 255          /* a tag or relation not in the table */

typedef struct dy_udword {
    uint32_t form, lemma;       /* offsets of NUL-terminated strings in the pool */
    uint16_t form_len, lemma_len;
    uint16_t head;              /* 0 for the root, else 1-based word index */
    uint8_t upos;               /* dy_upos, DY_UD_NONE when unknown */
    uint8_t xpos, deprel;       /* indices in the bank's tables */
    uint8_t space_after;
} dy_udword;

typedef struct dy_udsent {
    size_t first;               /* index of its first word */
    uint32_t n;                 /* words */
    long line;                  /* line of its first word in the file */
} dy_udsent;

typedef struct dy_udbank {
    DY_VEC(char) pool;
    DY_VEC(dy_udword) w;
    DY_VEC(dy_udsent) s;
    long skipped_long;          /* sentences over DY_SYN_MAX_WORDS left out */
} dy_udbank;

/* Appends the sentences of a CoNLL-U file (gzip'd or not) to b. Multiword
 * token lines and empty nodes are skipped; every word must have a head, an
 * XPOS and a relation. XPOS and relation names are looked up in the tables,
 * and added when add_names (a training file), else DY_UD_NONE. A malformed
 * line is an error naming the file and line. */
dyad_status dy_udbank_read(dy_udbank *b, const char *path, dy_names *xpos, dy_names *deprel,
                           int add_names, dyad_error *err);
void dy_udbank_free(dy_udbank *b);

static inline const char *dy_udbank_str(const dy_udbank *b, uint32_t off)
{
    return b->pool.v + off;
}

#endif
