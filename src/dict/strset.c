/* strset.c — a small open-addressing hash set of strings with a 32-bit value,
 * used by the loader for interning codes and catching duplicate entries. */
#include <stdlib.h>
#include <string.h>

#include "dict/build.h"

static uint32_t hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;   /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static int grow(dy_strset *s)
{
    size_t cap = s->cap ? s->cap * 2 : 64;
    const char **keys = calloc(cap, sizeof *keys);
    uint32_t *vals = calloc(cap, sizeof *vals);
    if (!keys || !vals) {
        free(keys);
        free(vals);
        return -1;
    }
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->keys[i])
            continue;
        size_t j = hash(s->keys[i], strlen(s->keys[i])) & (cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = s->keys[i];
        vals[j] = s->vals[i];
    }
    free(s->keys);
    free(s->vals);
    s->keys = keys;
    s->vals = vals;
    s->cap = cap;
    return 0;
}

/* A stored key equals key[0..n) when it has length n and the same bytes;
 * strnlen first, so a key with a NUL byte never reads past a shorter one. */
static int same(const char *stored, const char *key, size_t n)
{
    return strnlen(stored, n + 1) == n && memcmp(stored, key, n) == 0;
}

static size_t slot(const dy_strset *s, const char *key, size_t n)
{
    size_t j = hash(key, n) & (s->cap - 1);
    while (s->keys[j] && !same(s->keys[j], key, n))
        j = (j + 1) & (s->cap - 1);
    return j;
}

int dy_strset_get(const dy_strset *s, const char *key, size_t n, uint32_t *val)
{
    if (!s->cap)
        return 0;
    size_t j = slot(s, key, n);
    if (!s->keys[j])
        return 0;
    if (val)
        *val = s->vals[j];
    return 1;
}

/* Inserts key (which must outlive the set) unless present. Returns 1 when
 * inserted, 0 when already present (*old gets its value), -1 on no memory. */
int dy_strset_put(dy_strset *s, const char *key, uint32_t val, uint32_t *old)
{
    if ((s->n + 1) * 2 > s->cap && grow(s) != 0)
        return -1;
    size_t n = strlen(key);
    size_t j = slot(s, key, n);
    if (s->keys[j]) {
        if (old)
            *old = s->vals[j];
        return 0;
    }
    s->keys[j] = key;
    s->vals[j] = val;
    s->n++;
    return 1;
}

void dy_strset_free(dy_strset *s)
{
    free(s->keys);
    free(s->vals);
    memset(s, 0, sizeof *s);
}

const char *dy_strset_key(const dy_strset *s, const char *key, size_t n)
{
    if (!s->cap)
        return NULL;
    return s->keys[slot(s, key, n)];
}
