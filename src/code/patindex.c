/* patindex.c — groups each verb's patterns by their first need hash (each
 * pattern in one group), so a sentence visits the groups it has. */
#include "code/patindex.h"

#include <stdlib.h>
#include <string.h>

/* Fewer patterns than this: the plain scan is as quick. */
#define MIN_PATTERNS 24

typedef struct pi_verb {
    uint32_t first_group, n_groups;
    uint32_t nwords;         /* bit words of its candidate set; 0 = not indexed */
} pi_verb;

/* A verb's groups are consecutive: group g holds the patterns
 * members[start[g], start[g + 1]) (offsets from the verb's first pattern),
 * so every verb's last group is followed by one more start. Two bytes per
 * pattern keep the index small enough to stay in cache. */
struct dy_patindex {
    uint32_t n_verbs;
    uint32_t *entry;         /* per verb: its root's pi_verb, or UINT32_MAX */
    pi_verb *verbs;
    uint32_t n_entries;
    uint16_t *group_h;       /* per group: the hash */
    uint32_t *start;         /* per group: its first member; then the verb's end */
    uint16_t *members;
};

/* Worth indexing, and sorted longest first (the skip logic relies on it)? */
static int indexable(const dyad_dict *d, const dy_verb *v)
{
    if (v->n_patterns < MIN_PATTERNS || v->n_patterns > 64u * DY_PATINDEX_WORDS) return 0;
    if ((size_t)v->first_pattern + v->n_patterns > d->n_patterns) return 0;
    for (uint32_t k = 1; k < v->n_patterns; ++k)
        if (d->patterns[v->first_pattern + k].length >
            d->patterns[v->first_pattern + k - 1].length)
            return 0;
    return 1;
}

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return 0;
    size_t nc = *cap ? *cap : 256;
    while (nc < need) nc *= 2;
    void *q = realloc(*p, nc * elem);
    if (!q) return -1;
    *p = q;
    *cap = nc;
    return 0;
}

dy_patindex *dy_patindex_new(const dyad_dict *d, const dy_need *need)
{
    if (!d || !need || d->n_verbs == 0 || d->n_verbs >= UINT32_MAX) return NULL;
    dy_patindex *x = calloc(1, sizeof *x);
    /* per hash: the verb that last used it and its group there */
    uint32_t *stamp = malloc((DY_HASH_ALWAYS + 1) * sizeof *stamp);
    uint32_t *group_of = malloc((DY_HASH_ALWAYS + 1) * sizeof *group_of);
    uint32_t *fill = NULL;   /* per group of the verb being built: members placed */
    size_t cap_v = 0, cap_g = 0, cap_s = 0, cap_m = 0, cap_f = 0, n_groups = 0, n_members = 0;
    if (!x || !stamp || !group_of) goto fail;
    for (size_t h = 0; h <= DY_HASH_ALWAYS; ++h) stamp[h] = UINT32_MAX;
    x->n_verbs = (uint32_t)d->n_verbs;
    x->entry = malloc(d->n_verbs * sizeof *x->entry);
    if (!x->entry) goto fail;
    for (size_t i = 0; i < d->n_verbs; ++i) x->entry[i] = UINT32_MAX;

    for (size_t i = 0; i < d->n_verbs; ++i) {
        const dy_verb *v = &d->verbs[i];
        if (v->main != i || !indexable(d, v)) continue;
        uint32_t n = v->n_patterns;
        if (grow((void **)&x->verbs, &cap_v, x->n_entries + 1, sizeof *x->verbs)) goto fail;
        pi_verb *pv = &x->verbs[x->n_entries];
        pv->first_group = (uint32_t)n_groups;
        pv->n_groups = 0;
        pv->nwords = (n + 63) / 64;
        /* the groups and their sizes, then each pattern in its place */
        for (uint32_t k = 0; k < n; ++k) {
            uint16_t h = need[v->first_pattern + k].h[0];
            if (h > DY_HASH_ALWAYS) goto fail;
            if (stamp[h] != (uint32_t)i) {   /* the first pattern of a new group */
                if (grow((void **)&x->group_h, &cap_g, n_groups + 1, sizeof *x->group_h) ||
                    grow((void **)&fill, &cap_f, pv->n_groups + 1, sizeof *fill))
                    goto fail;
                stamp[h] = (uint32_t)i;
                group_of[h] = pv->n_groups;
                fill[pv->n_groups++] = 0;
                x->group_h[n_groups++] = h;
            }
            ++fill[group_of[h]];
        }
        if (grow((void **)&x->start, &cap_s, n_groups + 1, sizeof *x->start) ||
            grow((void **)&x->members, &cap_m, n_members + n, sizeof *x->members))
            goto fail;
        for (uint32_t g = 0; g < pv->n_groups; ++g) {   /* sizes to starts */
            x->start[pv->first_group + g] = (uint32_t)n_members;
            n_members += fill[g];
            fill[g] = 0;
        }
        x->start[n_groups] = (uint32_t)n_members;   /* this verb's end */
        for (uint32_t k = 0; k < n; ++k) {
            uint32_t g = group_of[need[v->first_pattern + k].h[0]];
            x->members[x->start[pv->first_group + g] + fill[g]++] = (uint16_t)k;
        }
        x->entry[i] = x->n_entries++;
    }
    /* forms share their root's patterns */
    for (size_t i = 0; i < d->n_verbs; ++i) {
        const dy_verb *v = &d->verbs[i];
        if (v->main != i && v->main < d->n_verbs && x->entry[v->main] != UINT32_MAX &&
            v->first_pattern == d->verbs[v->main].first_pattern &&
            v->n_patterns == d->verbs[v->main].n_patterns)
            x->entry[i] = x->entry[v->main];
    }
    free(stamp);
    free(group_of);
    free(fill);
    return x;
fail:
    free(stamp);
    free(group_of);
    free(fill);
    dy_patindex_free(x);
    return NULL;
}

void dy_patindex_free(dy_patindex *x)
{
    if (!x) return;
    free(x->entry);
    free(x->verbs);
    free(x->group_h);
    free(x->start);
    free(x->members);
    free(x);
}

size_t dy_patindex_candidates(const dy_patindex *x, uint32_t verb, const dy_wordmask *have,
                              uint64_t *bits)
{
    if (!x || verb >= x->n_verbs || x->entry[verb] == UINT32_MAX) return 0;
    const pi_verb *pv = &x->verbs[x->entry[verb]];
    size_t nw = pv->nwords;
    memset(bits, 0, nw * sizeof *bits);
    const uint16_t *h = &x->group_h[pv->first_group];
    const uint32_t *start = &x->start[pv->first_group];
    for (uint32_t g = 0; g < pv->n_groups; ++g) {
        if (!dy_wordmask_has(have, h[g])) continue;
        for (uint32_t m = start[g]; m < start[g + 1]; ++m)
            bits[x->members[m] / 64] |= 1ull << (x->members[m] % 64);
    }
    return nw;
}
