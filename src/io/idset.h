/* idset.h — the story ids seen lately in one run, to find duplicates: 64-bit
 * hashes of the last `window` distinct ids, so memory stays bounded. */
#ifndef DY_IDSET_H
#define DY_IDSET_H

#include <stddef.h>
#include <stdint.h>

/* Ids remembered by default: about 24 MB at most (docs/errors.md). */
#define DY_IDSET_WINDOW 1000000

typedef struct dy_idset {
    uint64_t *slot;   /* open addressing, at most half full; 0 marks an empty slot */
    size_t cap;
    uint64_t *ring;   /* the hashes in arrival order: a FIFO of `window` once full */
    size_t ring_cap, n, oldest;
    size_t window;
} dy_idset;

/* window 0 means DY_IDSET_WINDOW. */
void dy_idset_init(dy_idset *s, size_t window);
void dy_idset_free(dy_idset *s);
/* 1 when id was new (now added), 0 when it is among the last `window`
 * distinct ids, -1 out of memory. When full, the oldest id is forgotten.
 * Two ids of 2^64 hash alike with odds of one in 10^8 per million stories. */
int dy_idset_add(dy_idset *s, const char *id, size_t len);

#endif
