/* lexcache.h — a per-coder memo of dictionary lookups by word: news text
 * repeats its words, so most lookups are answered without the index. */
#ifndef DY_LEXCACHE_H
#define DY_LEXCACHE_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "dict/dict.h"

/* A candidate phrase with what the lexer needs of its first word inline, so
 * single-word phrases are decided without touching the dictionary arrays. */
typedef struct dy_cand {
    dy_entry_ref ref;
    uint32_t first;          /* first element in dict->elems */
    uint16_t count;          /* number of elements */
    uint16_t len0;           /* length of the first word */
    uint8_t wtype;           /* dy_wtype of the entry */
    uint8_t match0;          /* dy_match of the first word */
    uint8_t adj0;            /* the second word must follow the first */
    char last0;              /* last letter of the first word */
    uint8_t word1;           /* the second element is a word */
    uint16_t len1;           /* its length */
    char pre1[8];            /* and first letters (most candidates fail here) */
    uint16_t h1;             /* its prefix hash (parse/wordmask.h) */
} dy_cand;

/* The word class an entry gives its words (dy_wtype). */
uint8_t dy_entry_wtype(const dyad_dict *d, dy_entry_ref ref);

typedef struct dy_lexslot {
    uint32_t hash;
    uint32_t len;            /* 0 = empty slot */
    char pre[8];             /* first letters: most probes end here */
    const char *word;        /* copy in the cache arena */
    const dy_cand *cands;
    uint32_t nref;
} dy_lexslot;

typedef struct dy_lexcache {
    dy_lexslot *slots;       /* cap slots, cap a power of two */
    uint32_t cap, used;
    dy_arena arena;
} dy_lexcache;

/* cap_log2 slots (e.g. 15 = 32768); returns 0, or -1 when out of memory. */
int dy_lexcache_init(dy_lexcache *c, unsigned cap_log2);
void dy_lexcache_free(dy_lexcache *c);

/* Every phrase whose first word matches w[0..n) (dy_lookup, plus the E+D
 * verb ending the index does not know). The array stays valid until the
 * cache fills up and is cleared, i.e. at least for the current sentence's
 * call. With c == NULL the result goes to `a`. */
const dy_cand *dy_lexcache_lookup(dy_lexcache *c, dy_arena *a, const dyad_dict *d,
                                  const char *w, size_t n, size_t *nref);

#endif
