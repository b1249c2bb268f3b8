/* lexcache.c — open-addressing memo of dy_lookup results keyed by the word;
 * cleared wholesale when three quarters full, so memory stays bounded. */
#include <stdlib.h>
#include <string.h>

#include "parse/lexcache.h"
#include "parse/sentence.h"
#include "parse/wordmask.h"

#define STACK_REFS 256

int dy_lexcache_init(dy_lexcache *c, unsigned cap_log2)
{
    memset(c, 0, sizeof *c);
    c->cap = 1u << cap_log2;
    c->slots = calloc(c->cap, sizeof *c->slots);
    dy_arena_init(&c->arena, 256 * 1024);
    return c->slots ? 0 : -1;
}

void dy_lexcache_free(dy_lexcache *c)
{
    free(c->slots);
    dy_arena_free(&c->arena);
    memset(c, 0, sizeof *c);
}

static uint32_t hash_word(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; ++i) h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h;
}

uint8_t dy_entry_wtype(const dyad_dict *d, dy_entry_ref ref)
{
    switch (ref.kind) {
    case DY_ENTRY_ACTOR: return DY_W_ACTOR;
    case DY_ENTRY_AGENT: return DY_W_AGENT;
    case DY_ENTRY_NOUN: return DY_W_NOUN;
    case DY_ENTRY_ADJECTIVE: return DY_W_ADJ;
    case DY_ENTRY_ISSUE: return DY_W_ISSUE;
    case DY_ENTRY_DISCARD: return DY_W_DISCARD;
    case DY_ENTRY_VERB:
        if (d->verbs[ref.index].section == DY_SECTION_TIME) return DY_W_TIME;
        if (d->verbs[ref.index].section == DY_SECTION_ATTRIB) return DY_W_ATTRIB;
        return DY_W_VERB;
    default: return DY_W_NULL;
    }
}

static const dy_cand *compile(dy_arena *a, const dyad_dict *d, const dy_entry_ref *refs,
                              size_t n, size_t *nref)
{
    dy_cand *out = dy_arena_alloc(a, (n + 1) * sizeof *out);
    size_t k = 0;
    if (!out) { *nref = 0; return NULL; }
    for (size_t i = 0; i < n; ++i) {
        dy_phrase ph = dy_entry_phrase(d, refs[i]);
        if (ph.count == 0 || ph.count > UINT16_MAX) continue;
        const dy_elem *e = &d->elems[ph.first];
        if (e->kind != DY_EL_WORD) continue;
        dy_cand *c = &out[k++];
        c->ref = refs[i];
        c->first = ph.first;
        c->count = (uint16_t)ph.count;
        c->len0 = (uint16_t)e->len;
        c->wtype = dy_entry_wtype(d, refs[i]);
        c->match0 = e->match;
        c->adj0 = e->adjacent;
        c->last0 = e->len ? e->word[e->len - 1] : '\0';
        c->word1 = 0;
        if (ph.count > 1 && e[1].kind == DY_EL_WORD) {
            c->word1 = 1;
            c->len1 = (uint16_t)e[1].len;
            memset(c->pre1, 0, sizeof c->pre1);
            memcpy(c->pre1, e[1].word, e[1].len < 8 ? e[1].len : 8);
            c->h1 = dy_prefix_hash(e[1].word, e[1].len < 3 ? e[1].len : 3);
        }
    }
    *nref = k;
    return out;
}

/* The uncached lookup, into memory from `a`. */
static const dy_cand *lookup(dy_arena *a, const dyad_dict *d, const char *w, size_t n,
                             size_t *nref)
{
    dy_entry_ref tmp[STACK_REFS];
    size_t k = dy_lookup(d, w, n, tmp, STACK_REFS);
    dy_entry_ref *out = dy_arena_alloc(a, (k + 1) * sizeof *out);
    if (!out) { *nref = 0; return NULL; }
    if (k <= STACK_REFS) memcpy(out, tmp, k * sizeof *out);
    else k = dy_lookup(d, w, n, out, k);
    return compile(a, d, out, k, nref);
}

const dy_cand *dy_lexcache_lookup(dy_lexcache *c, dy_arena *a, const dyad_dict *d,
                                  const char *w, size_t n, size_t *nref)
{
    if (!c || !c->slots || n == 0 || n > 64) return lookup(a, d, w, n, nref);
    uint32_t h = hash_word(w, n), mask = c->cap - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        dy_lexslot *s = &c->slots[i];
        if (s->len == 0) break;
        if (s->hash == h && s->len == n && memcmp(s->pre, w, n < 8 ? n : 8) == 0 &&
            (n <= 8 || memcmp(s->word + 8, w + 8, n - 8) == 0)) {
            *nref = s->nref;
            return s->cands;
        }
    }
    if (c->used >= c->cap / 4 * 3) {        /* full: start over */
        memset(c->slots, 0, c->cap * sizeof *c->slots);
        dy_arena_reset(&c->arena);
        c->used = 0;
    }
    const dy_cand *refs = lookup(&c->arena, d, w, n, nref);
    char *copy = dy_arena_strndup(&c->arena, w, n);
    if (!refs || !copy) return lookup(a, d, w, n, nref);
    uint32_t i = h & mask;
    while (c->slots[i].len) i = (i + 1) & mask;
    dy_lexslot *s = &c->slots[i];
    s->hash = h;
    s->len = (uint32_t)n;
    memset(s->pre, 0, sizeof s->pre);
    memcpy(s->pre, w, n < 8 ? n : 8);
    s->word = copy;
    s->cands = refs;
    s->nref = (uint32_t)*nref;
    ++c->used;
    return refs;
}
