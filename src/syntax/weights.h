/* weights.h — the run-time weight table of a trained model: feature key ->
 * a short row of (class, 16-bit weight), read in place from the model file. */
#ifndef DY_WEIGHTS_H
#define DY_WEIGHTS_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"
#include "syntax/perceptron.h"

/* In the file (little-endian, 8-byte aligned): a header of 8 uint32
 * (magic, classes, slots, max probe, entries, scale as float bits, 2
 * reserved), then `slots` pairs of uint32 (fingerprint, start << 8 | n),
 * then `entries` uint32 (class | weight << 16). A slot with fingerprint 0
 * is empty. Every field is checked once when the model loads, so no byte
 * pattern can make a lookup read outside the table or probe forever. */
typedef struct dy_wtab {
    uint32_t n_classes;
    uint32_t mask;          /* slots - 1 */
    uint32_t max_probe;     /* no key sits further than this from its home slot */
    uint32_t n_entries;
    float scale;            /* weight = entry weight / scale */
    const uint32_t *slot;   /* 2 per slot */
    const uint32_t *ent;
} dy_wtab;

/* Views the table at blob[0, len) (8-byte aligned, little-endian host).
 * what names the table in errors ("tagger weights"). */
dyad_status dy_wtab_open(dy_wtab *t, const unsigned char *blob, size_t len,
                         uint32_t n_classes, const char *what, dyad_error *err);

/* The slot of a key, for prefetching. */
static inline const uint32_t *dy_wtab_home(const dy_wtab *t, uint64_t key)
{
    return t->slot + 2 * ((uint32_t)key & t->mask);
}

static inline uint32_t dy_wtab_fp(uint64_t key)
{
    uint32_t fp = (uint32_t)(key >> 32);
    return fp ? fp : 1;
}

/* Adds the weights of key to scores. */
static inline void dy_wtab_add(const dy_wtab *t, uint64_t key, int32_t *scores)
{
    uint32_t fp = dy_wtab_fp(key);
    uint32_t i = (uint32_t)key & t->mask;
    for (uint32_t p = 0; p <= t->max_probe; p++, i = (i + 1) & t->mask) {
        uint32_t f = t->slot[2 * i];
        if (f == fp) {
            uint32_t v = t->slot[2 * i + 1];
            const uint32_t *e = t->ent + (v >> 8);
            for (uint32_t k = 0, n = v & 0xff; k < n; k++)
                scores[e[k] & 0xff] += (int16_t)(e[k] >> 16);
            return;
        }
        if (f == 0)
            return;
    }
}

/* Adds the weights of nf keys, prefetching every home slot first so the
 * cache misses overlap. */
void dy_wtab_score(const dy_wtab *t, const uint64_t *keys, int nf, int32_t *scores);

/* Builds a table from a trained perceptron: averaged weights under
 * `threshold` (in absolute value) are dropped, as are rows left empty;
 * the rest are quantised to 16 bits. Deterministic. The blob is malloc'd. */
int dy_wtab_build(const dy_ap *m, double threshold, unsigned char **blob, size_t *len);

#endif
