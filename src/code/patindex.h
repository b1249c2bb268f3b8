/* patindex.h — per verb, its patterns grouped by the most selective word they
 * need, so the verb loop visits only patterns whose word the sentence has. */
#ifndef DY_PATINDEX_H
#define DY_PATINDEX_H

#include <stddef.h>
#include <stdint.h>

#include "code/pattern.h"
#include "dict/dict.h"
#include "parse/wordmask.h"

/* Verbs with more patterns than this are scanned pattern by pattern. */
#define DY_PATINDEX_WORDS 64

typedef struct dy_patindex dy_patindex;

/* Built once per coder from the dictionary and each pattern's dy_need (the
 * first hash of a need is the one grouped on). Only verbs whose patterns
 * are sorted longest first (as the loader sorts them) and that have enough
 * patterns to gain are indexed. NULL when out of memory: callers then scan. */
dy_patindex *dy_patindex_new(const dyad_dict *d, const dy_need *need);
void dy_patindex_free(dy_patindex *x);

/* The patterns of verb `verb` (its index in dict->verbs; forms use their
 * root's) whose first need hash the sentence has, as bits relative to the
 * verb's first_pattern in bits[0..return value). 0: the verb is not
 * indexed, every pattern must be tried. */
size_t dy_patindex_candidates(const dy_patindex *x, uint32_t verb, const dy_wordmask *have,
                              uint64_t *bits);

#endif
