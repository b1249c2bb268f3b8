/* lexcache.h — a per-coder memo of dictionary lookups by word: news text
 * repeats its words, so most lookups are answered without the index. */
#ifndef DY_LEXCACHE_H
#define DY_LEXCACHE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "dict/dict.h"
#include "parse/wordmask.h"

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
    uint16_t key;            /* DY_CAND_TRY, or h1: the sentence must have it */
    uint16_t solo;           /* one-word phrase: characters it matches at this word, 0 none */
} dy_cand;

/* A candidate to try whatever the sentence's words (one word long). Phrases
 * whose second element is not a word never match and are left out. */
#define DY_CAND_TRY DY_HASH_ALWAYS

/* The word class an entry gives its words (dy_wtype). */
uint8_t dy_entry_wtype(const dyad_dict *d, dy_entry_ref ref);

/* For a word with many multi-word candidates whose second word must follow
 * it at once (THE_HAGUE, THE_UNITED_...): those are found by the next word's
 * prefix hashes in `adj` (sorted by key) and the others are listed in order
 * in `rest`. Positions index the word's candidate array. */
typedef struct dy_adjkey {
    uint16_t key, pos;
} dy_adjkey;

typedef struct dy_lexsplit {
    const uint16_t *rest;
    uint32_t n_rest;
    const dy_adjkey *adj;
    uint32_t n_adj;
    /* adj[bucket[b], bucket[b + 1]) are the keys k with k >> DY_SPLIT_SHIFT
     * == b (keys are prefix hashes, below 4096): no binary search */
    const uint16_t *bucket;
} dy_lexsplit;

#define DY_SPLIT_SHIFT 4
#define DY_SPLIT_BUCKETS (4096u >> DY_SPLIT_SHIFT)

typedef struct dy_lexslot {
    uint32_t hash;
    uint32_t len;            /* 0 = empty slot */
    uint64_t pre;            /* first eight letters packed (key_of): most probes end here */
    const char *word;        /* copy in the cache arena */
    const dy_cand *cands;
    uint32_t nref;
    int16_t closed;          /* dy_closed_lookup of the word */
    uint8_t listed;          /* the dictionary has phrases starting with it
                                (dy_lookup finds some, before any pruning) */
    const dy_lexsplit *split;
} dy_lexslot;

typedef struct dy_lexcache {
    dy_lexslot *slots;       /* cap slots, cap a power of two */
    size_t slots_len;        /* bytes mapped for them (base/hugemem.h) */
    uint32_t cap, used;
    dy_arena arena;
} dy_lexcache;

/* A word's cache key: its first eight bytes packed (compared instead of
 * calling memcmp) and a hash mixed from them and the rest eight bytes at a
 * time, so a word costs a few loads, not a multiply per byte. */
static inline uint32_t dy_lexcache_key(const char *w, size_t n, uint64_t *pre)
{
    uint64_t p = 0, x;
    size_t i;
    if (n >= 8) {
        memcpy(&p, w, 8);
    } else {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        /* two overlapping loads: byte k still lands at bits 8k..8k+7 */
        if (n >= 4) {
            uint32_t a, b;
            memcpy(&a, w, 4);
            memcpy(&b, w + n - 4, 4);
            p = a | (uint64_t)b << (8 * (n - 4));
        } else if (n >= 2) {
            uint16_t a, b;
            memcpy(&a, w, 2);
            memcpy(&b, w + n - 2, 2);
            p = a | (uint64_t)b << (8 * (n - 2));
        } else if (n == 1) {
            p = (unsigned char)w[0];
        }
#else
        for (i = 0; i < n; ++i) p |= (uint64_t)(unsigned char)w[i] << (8 * i);
#endif
    }
    uint64_t h = (p ^ n) * 0x9E3779B97F4A7C15u;
    for (i = 8; i + 8 <= n; i += 8) {
        memcpy(&x, w + i, 8);
        h = (h ^ (h >> 29) ^ x) * 0x9E3779B97F4A7C15u;
    }
    if (i < n) {
        x = 0;
        for (size_t k = 0; i + k < n; ++k) x |= (uint64_t)(unsigned char)w[i + k] << (8 * k);
        h = (h ^ (h >> 29) ^ x) * 0x9E3779B97F4A7C15u;
    }
    *pre = p;
    return (uint32_t)(h >> 32);   /* the high half is the well-mixed one */
}

/* Asks the CPU to start loading a word's home slot (its key's), so that the
 * lexer can look up all the words of a sentence with their misses overlapped. */
#if defined(__GNUC__)
#define DY_PREFETCH(p) __builtin_prefetch(p)
#else
#define DY_PREFETCH(p) ((void)(p))
#endif

static inline void dy_lexcache_prefetch(const dy_lexcache *c, uint32_t h)
{
    DY_PREFETCH(&c->slots[h & (c->cap - 1)]);
}

/* The slot caching w[0..n) whose key (dy_lexcache_key) is h and pre, or NULL
 * when it is not cached (yet); c has slots and 0 < n <= 64. */
static inline const dy_lexslot *dy_lexcache_probe(const dy_lexcache *c, const char *w, size_t n,
                                                  uint32_t h, uint64_t pre)
{
    uint32_t mask = c->cap - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        const dy_lexslot *s = &c->slots[i];
        if (s->len == 0) return NULL;
        if (s->hash == h && s->len == n && s->pre == pre &&
            (n <= 8 || memcmp(s->word + 8, w + 8, n - 8) == 0))
            return s;
    }
}

/* Can w[0..n) be cached at all? */
static inline int dy_lexcache_takes(const dy_lexcache *c, size_t n)
{
    return c && c->slots && n > 0 && n <= 64;
}

/* The slot caching w[0..n), or NULL when it is not cached (yet). */
static inline const dy_lexslot *dy_lexcache_find(const dy_lexcache *c, const char *w,
                                                 size_t n)
{
    if (!dy_lexcache_takes(c, n)) return NULL;
    uint64_t pre;
    uint32_t h = dy_lexcache_key(w, n, &pre);
    return dy_lexcache_probe(c, w, n, h, pre);
}

/* Clears the cache now if n more words might fill it: then no slot or
 * candidate array found for a sentence of n words moves or goes away while
 * the sentence is being looked up. */
void dy_lexcache_reserve(dy_lexcache *c, size_t n);

/* cap_log2 slots (e.g. 15 = 32768); returns 0, or -1 when out of memory. */
int dy_lexcache_init(dy_lexcache *c, unsigned cap_log2);
void dy_lexcache_free(dy_lexcache *c);

/* Every phrase whose first word matches w[0..n) (dy_lookup, plus the E+D
 * verb ending the index does not know), in dictionary order, and in *closed
 * the closed-class word w is (dy_closed_lookup). The array stays valid until
 * the cache fills up and is cleared, i.e. at least for the current
 * sentence's call. With c == NULL the result goes to `a`.
 * With a cache (the lexer's longest-match search), one-word phrases that can
 * never be the longest match at this word are left out: those matching fewer
 * characters than another one-word phrase, and all of them when w is a
 * closed-class word (it matches the whole word and wins ties). *split
 * (when split is not NULL) gets the word's dy_lexsplit, or NULL; *listed
 * (when not NULL) whether dy_lookup finds any phrase for w at all. */
const dy_cand *dy_lexcache_lookup(dy_lexcache *c, dy_arena *a, const dyad_dict *d,
                                  const char *w, size_t n, size_t *nref, int *closed,
                                  const dy_lexsplit **split, int *listed);

/* Characters a one-word candidate matches at the word w[0..n) (its whole
 * first word may add a regular ending, tabari-manual 5.2.3), 0 for none. */
int dy_cand_solo_len(const dy_cand *c, const char *w, size_t n);

#endif
