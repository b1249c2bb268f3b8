/* idset.c — the last N story ids of a run, to find duplicates: an open
 * addressing table of 64-bit hashes plus a FIFO ring for eviction. */
#include "io/idset.h"

#include <stdlib.h>
#include <string.h>

void dy_idset_init(dy_idset *s, size_t window)
{
    s->slot = s->ring = NULL;
    s->cap = s->ring_cap = s->n = s->oldest = 0;
    s->window = window ? window : DY_IDSET_WINDOW;
}

void dy_idset_free(dy_idset *s)
{
    free(s->slot);
    free(s->ring);
    dy_idset_init(s, s->window);
}

/* Eight bytes a step (ids are paths plus line numbers, forty bytes and
 * more); every step is invertible, so ids of one length that differ in one
 * chunk never collide. */
static uint64_t hash(const char *id, size_t len)
{
    uint64_t h = 0xcbf29ce484222325u ^ len, x;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        memcpy(&x, id + i, 8);
        h = (h ^ x) * 0x100000001b3u;
        h ^= h >> 29;
    }
    x = 0;
    for (size_t k = 0; i + k < len; k++)
        x |= (uint64_t)(unsigned char)id[i + k] << (8 * k);
    h = (h ^ x) * 0x100000001b3u;
    h ^= h >> 33;   /* spread the low bits used for the slot */
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    return h ? h : 1;   /* 0 marks an empty slot */
}

/* 1 when h was added, 0 when there. */
static int put(uint64_t *slot, size_t cap, uint64_t h)
{
    size_t i = (size_t)h & (cap - 1);
    while (slot[i]) {
        if (slot[i] == h)
            return 0;
        i = (i + 1) & (cap - 1);
    }
    slot[i] = h;
    return 1;
}

/* Removes h by shifting later members of its probe run back (no tombstones,
 * so an endless stream never degrades the table). */
static void del(uint64_t *slot, size_t cap, uint64_t h)
{
    size_t mask = cap - 1, i = (size_t)h & mask;
    while (slot[i] != h) {
        if (!slot[i])
            return;
        i = (i + 1) & mask;
    }
    for (size_t j = (i + 1) & mask; slot[j]; j = (j + 1) & mask) {
        size_t home = (size_t)slot[j] & mask;
        /* slot[j] may move to the hole at i unless its home lies in (i, j] */
        int stays = i < j ? (home > i && home <= j) : (home > i || home <= j);
        if (!stays) {
            slot[i] = slot[j];
            i = j;
        }
    }
    slot[i] = 0;
}

static int grow_table(dy_idset *s)
{
    size_t nc = s->cap ? 2 * s->cap : 1024;
    uint64_t *ns = calloc(nc, sizeof *ns);
    if (!ns)
        return -1;
    for (size_t i = 0; i < s->cap; i++)
        if (s->slot[i])
            put(ns, nc, s->slot[i]);
    free(s->slot);
    s->slot = ns;
    s->cap = nc;
    return 0;
}

/* The ring grows with the run up to `window` entries, then wraps. */
static int grow_ring(dy_idset *s)
{
    size_t nc = s->ring_cap ? 2 * s->ring_cap : 1024;
    if (nc > s->window)
        nc = s->window;
    uint64_t *nr = realloc(s->ring, nc * sizeof *nr);
    if (!nr)
        return -1;
    s->ring = nr;
    s->ring_cap = nc;
    return 0;
}

int dy_idset_add(dy_idset *s, const char *id, size_t len)
{
    uint64_t h = hash(id, len);
    if (s->n < s->window && ((2 * (s->n + 1) > s->cap && grow_table(s) != 0) ||
                             (s->n == s->ring_cap && grow_ring(s) != 0)))
        return -1;
    if (!put(s->slot, s->cap, h))
        return 0;
    if (s->n < s->window) {
        s->ring[s->n++] = h;
        return 1;
    }
    del(s->slot, s->cap, s->ring[s->oldest]);   /* forget the oldest id */
    s->ring[s->oldest] = h;
    s->oldest = (s->oldest + 1) % s->window;
    return 1;
}
