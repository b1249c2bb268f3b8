/* weights.h — the run-time weight table of a trained model: feature key ->
 * a row of per-class 16-bit weights, read in place from the model file. */
#ifndef DY_WEIGHTS_H
#define DY_WEIGHTS_H

#include <stddef.h>
#include <stdint.h>

#include "dyad.h"
#include "syntax/perceptron.h"

/* Keys are found in buckets of one cache line: 8 fingerprints, then 8
 * values. A key lives in its home bucket or, when that one was full, in a
 * later one (at most max_probe further), so a key the table lacks costs one
 * line in nearly every case. A value is start << 8 | n: a sparse row of n
 * entries (class | weight << 16) at ent[start], or, when n is 0, dense row
 * `start` of dense[]: one int16 weight per class, padded to a multiple of
 * 16 classes for SIMD adds. Rows with many classes (the tag-only features
 * every state has) are dense, the many short rows of word features sparse.
 *
 * A table of at most 4 classes (the parser's transitions) is "tiny": its
 * rows live in the buckets themselves, 5 to a cache line (5 fingerprints,
 * the overflow word, then 5 rows of 4 int16), so a lookup is one line and
 * no second miss. A bucket that was full when a key homed there came says
 * so (the top bit of its first value; a tiny bucket's overflow word), so a
 * key the table lacks costs one line unless its home overflowed.
 *
 * In the file (little-endian, 64-byte aligned sections): a 64-byte header
 * of uint32 (magic, classes, buckets, max probe, entries, dense rows, scale
 * as float bits, padded class count, layout (0, or 1 for tiny), zeros), the
 * buckets, the sparse entries, zeros up to 64 bytes, the dense rows. Every
 * field and every value is checked once on load, so no byte pattern can
 * make scoring read outside the table or probe forever. */
#define DY_WTAB_BUCKET 8
#define DY_WTAB_TINY_CLASSES 4
#define DY_WTAB_TINY_SLOTS 5

typedef struct dy_wtab {
    uint32_t n_classes, c_pad;      /* classes; dense row length */
    uint32_t n_buckets;
    uint32_t max_probe;
    uint32_t n_entries, n_dense;
    int tiny;                       /* rows inline, DY_WTAB_TINY_SLOTS a bucket */
    float scale;                    /* weight = stored weight / scale */
    const uint32_t *bucket;         /* 16 uint32 per bucket */
    const uint32_t *ent;
    const int16_t *dense;
} dy_wtab;

/* Views the table at blob[0, len) (64-byte aligned, little-endian host).
 * what names the table in errors ("tagger weights"). */
dyad_status dy_wtab_open(dy_wtab *t, const unsigned char *blob, size_t len,
                         uint32_t n_classes, const char *what, dyad_error *err);

static inline uint32_t dy_wtab_fp(uint64_t key)
{
    uint32_t fp = (uint32_t)(key >> 32);
    return fp ? fp : 1;
}

/* A key's home bucket: its low 32 bits scaled to the bucket count
 * (Lemire's multiply-shift), so the count need not be a power of two and
 * a table is as large as its rows need. */
static inline uint32_t dy_wtab_home_index(uint32_t n_buckets, uint64_t key)
{
    return (uint32_t)(((uint64_t)(uint32_t)key * n_buckets) >> 32);
}

static inline const uint32_t *dy_wtab_home(const dy_wtab *t, uint64_t key)
{
    return t->bucket + 16 * (size_t)dy_wtab_home_index(t->n_buckets, key);
}

/* Adds the weights of nf keys (at most 256) to scores, which must have
 * room for c_pad classes. */
void dy_wtab_score(const dy_wtab *t, const uint64_t *keys, int nf, int32_t *scores);

/* Builds a table from a trained perceptron: averaged weights under
 * `threshold` (in absolute value) are dropped, as are rows left empty; the
 * rest are quantised to 16 bits. Deterministic. The blob is malloc'd. */
int dy_wtab_build(const dy_ap *m, double threshold, unsigned char **blob, size_t *len);

#endif
