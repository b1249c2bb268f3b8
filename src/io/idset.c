/* idset.c — the story ids seen in one run, to find duplicates: an open
 * addressing table of 64-bit FNV-1a hashes, doubled when half full. */
#include "io/idset.h"

#include <stdlib.h>

void dy_idset_init(dy_idset *s)
{
    s->slot = NULL;
    s->cap = s->n = 0;
}

void dy_idset_free(dy_idset *s)
{
    free(s->slot);
    dy_idset_init(s);
}

static uint64_t hash(const char *id, size_t len)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)id[i]) * 0x100000001b3u;
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

int dy_idset_add(dy_idset *s, const char *id, size_t len)
{
    if (2 * (s->n + 1) > s->cap) {
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
    }
    int added = put(s->slot, s->cap, hash(id, len));
    s->n += (size_t)added;
    return added;
}
