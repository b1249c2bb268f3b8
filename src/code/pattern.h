/* pattern.h — matching one verb (or time, attribution) pattern around the verb
 * found in a sentence: words, $ + % ^ @ tokens, synsets and alternatives. */
#ifndef DY_PATTERN_H
#define DY_PATTERN_H

#include "parse/sentence.h"

typedef struct dy_pmatch {
    int source, target, attrib, compound;  /* word indices set by $ + @ %, else -1 */
    int lenalt;          /* characters matched inside { | } alternatives */
    int lo, hi;          /* first and last word the match touched */
} dy_pmatch;

/* Matches phrase `ph` (which contains one '*') with the verb root spanning
 * words [head, tail]. The upper part may not run past `last` (the clause end);
 * the lower part runs back to the start of the sentence, as in TABARI. */
int dy_match_pattern(const dy_sentence *s, dy_phrase ph, int head, int tail, int last,
                     dy_pmatch *m);

/* A cheap necessary condition for a match: every literal word of a pattern
 * must start some word of the sentence. The sentence's words are summarised
 * by their first one, two and three letters, hashed into a 4096-bit set. */
#define DY_NEED_MAX 4
typedef struct dy_wordmask {
    uint64_t bits[64];
} dy_wordmask;

typedef struct dy_need {
    uint16_t h[DY_NEED_MAX];   /* prefix hashes of up to four literal words */
    uint16_t n;
} dy_need;

static inline uint16_t dy_prefix_hash(const char *w, size_t n)
{
    uint32_t h = 0;
    for (size_t i = 0; i < n && i < 3; ++i) h = h * 131u + (unsigned char)w[i];
    return (uint16_t)((h * 2654435761u) >> 20);
}

static inline void dy_wordmask_add(dy_wordmask *m, const char *w, size_t n)
{
    for (size_t k = 1; k <= n && k <= 3; ++k) {
        uint16_t h = dy_prefix_hash(w, k);
        m->bits[h >> 6] |= 1ull << (h & 63);
    }
}

static inline int dy_wordmask_covers(const dy_wordmask *have, const dy_need *need)
{
    for (unsigned k = 0; k < need->n; ++k)
        if (!(have->bits[need->h[k] >> 6] & (1ull << (need->h[k] & 63)))) return 0;
    return 1;
}

/* The literal words a pattern requires (alternatives and synsets are
 * optional, so they add nothing). */
void dy_pattern_need(const dyad_dict *d, dy_phrase ph, dy_need *need);

/* Length of the longest alternative of each { } set, summed (TABARI's maxalt). */
int dy_pattern_maxalt(const dyad_dict *d, dy_phrase ph);

#endif
