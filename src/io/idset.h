/* idset.h — the story ids seen in one run, to find duplicates: 64-bit hashes
 * only (8 bytes a story, whatever the id's length). */
#ifndef DY_IDSET_H
#define DY_IDSET_H

#include <stddef.h>
#include <stdint.h>

typedef struct dy_idset {
    uint64_t *slot;   /* open addressing; 0 marks an empty slot */
    size_t cap, n;
} dy_idset;

void dy_idset_init(dy_idset *s);
void dy_idset_free(dy_idset *s);
/* 1 when id was new (now added), 0 when already seen, -1 out of memory.
 * Two ids of 2^64 hash alike with odds of one in 10^8 per million stories. */
int dy_idset_add(dy_idset *s, const char *id, size_t len);

#endif
