/* lexicon.h — what training saw of each frequent word: its ambiguity class
 * (the set of tags it took), a feature for the word and its right context. */
#ifndef DY_LEXICON_H
#define DY_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"

/* In the file (little-endian, 8-byte aligned): 4 uint32 (magic, slots,
 * max probe, reserved), then `slots` pairs of uint32 (fingerprint of the
 * normalised form, ambiguity class + 1; 0 0 for an empty slot). */
typedef struct dy_lexicon {
    uint32_t mask, max_probe;
    const uint32_t *slot;
} dy_lexicon;

dyad_status dy_lexicon_open(dy_lexicon *lx, const unsigned char *blob, size_t len,
                            dyad_error *err);

/* The ambiguity class of a word by the hash of its normalised form: 0 for
 * a word the lexicon does not hold, else 1 + the class. */
static inline uint32_t dy_lexicon_class(const dy_lexicon *lx, uint64_t norm)
{
    uint32_t fp = (uint32_t)(norm >> 32) | 1u;
    uint32_t i = (uint32_t)norm & lx->mask;
    for (uint32_t p = 0; p <= lx->max_probe; p++, i = (i + 1) & lx->mask) {
        uint32_t f = lx->slot[2 * i];
        if (f == fp)
            return lx->slot[2 * i + 1];
        if (f == 0)
            return 0;
    }
    return 0;
}

/* Building (training): norms[i] with the 64-bit class-set value sets[i];
 * equal sets share a class number. Deterministic for sorted input. */
int dy_lexicon_build(const uint64_t *norms, const uint64_t *sets, size_t n,
                     unsigned char **blob, size_t *len);

#endif
