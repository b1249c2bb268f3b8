/* lexcache.c — open-addressing memo of dy_lookup results keyed by the word;
 * cleared wholesale when three quarters full, so memory stays bounded. */
#include <stdlib.h>
#include <string.h>

#include "base/hugemem.h"
#include "parse/lexcache.h"
#include "parse/lexer.h"
#include "parse/sentence.h"
#include "parse/wordmask.h"

#define STACK_REFS 256

int dy_lexcache_init(dy_lexcache *c, unsigned cap_log2)
{
    memset(c, 0, sizeof *c);
    c->cap = 1u << cap_log2;
    /* probed at random, once per word: huge pages spare a TLB miss each */
    c->slots = dy_huge_alloc(c->cap * sizeof *c->slots, &c->slots_len);
    dy_arena_init(&c->arena, DY_ARENA_HUGE_BLOCK);   /* read at random, like the slots */
    return c->slots ? 0 : -1;
}

void dy_lexcache_free(dy_lexcache *c)
{
    dy_huge_free(c->slots, c->slots_len);
    dy_arena_free(&c->arena);
    memset(c, 0, sizeof *c);
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

/* Extra characters a regular ending adds to a whole-word match of a phrase's
 * last word (tabari-manual 5.2.3), or -1 when `rest` is not such an ending. */
int dy_regular_ending(uint8_t wtype, uint8_t match, char last, const char *rest, size_t n)
{
    if (match == DY_MATCH_FORMS) {   /* PETRARCH: S, ED (D after E), ING; no ES, EN */
        if (n == 1 && (rest[0] == 'S' || (rest[0] == 'D' && last == 'E'))) return 1;
        if (n == 2 && rest[0] == 'E' && rest[1] == 'D') return 2;
        if (n == 3 && memcmp(rest, "ING", 3) == 0) return 3;
        return -1;
    }
    if (wtype == DY_W_ACTOR || wtype == DY_W_AGENT || wtype == DY_W_NOUN) {
        if (n == 1 && rest[0] == 'S') return 1;
        if (n == 2 && rest[1] == 'S' && (rest[0] == '\'' || rest[0] == 'E')) return 2;
        return -1;
    }
    if (wtype == DY_W_VERB) {
        if (n == 1 && rest[0] == 'S') return 1;
        if (n == 2 && rest[0] == 'E' && (rest[1] == 'D' || rest[1] == 'S' || rest[1] == 'N'))
            return 2;
        if (n == 3 && memcmp(rest, "ING", 3) == 0) return 3;
        if (n == 1 && rest[0] == 'D' && last == 'E') return 1;
    }
    return -1;
}

int dy_cand_solo_len(const dy_cand *c, const char *w, size_t n)
{
    /* match_root (lexer.c) for a phrase of one word */
    if (n > c->len0 && c->match0 != DY_MATCH_STEM) {
        if (c->match0 == DY_MATCH_EXACT) return 0;
        int extra = dy_regular_ending(c->wtype, c->match0, c->last0, w + c->len0, n - c->len0);
        return extra < 0 ? 0 : (int)c->len0 + extra;
    }
    return (int)c->len0;
}

/* Drops the one-word candidates that cannot be the longest match at w (see
 * lexcache.h); the rest keep their order, which decides ties. */
static size_t prune(dy_cand *out, size_t k, int closed)
{
    int best = 0;
    for (size_t i = 0; i < k; ++i)
        if (out[i].count == 1 && out[i].solo > best) best = out[i].solo;
    size_t m = 0;
    for (size_t i = 0; i < k; ++i) {
        if (out[i].count == 1 && (closed != DY_C_NONE || out[i].solo == 0 || out[i].solo < best))
            continue;
        out[m++] = out[i];
    }
    return m;
}

/* Fewer adjacent candidates than this: the plain loop is as quick. */
#define SPLIT_MIN 8

static int cmp_adjkey(const void *pa, const void *pb)
{
    const dy_adjkey *a = pa, *b = pb;
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    return a->pos < b->pos ? -1 : a->pos > b->pos;
}

/* The dy_lexsplit of a (pruned) candidate array, or NULL when not worth it. */
static const dy_lexsplit *make_split(dy_arena *a, const dy_cand *cd, size_t n)
{
    size_t nadj = 0;
    if (n >= UINT16_MAX) return NULL;
    for (size_t k = 0; k < n; ++k)
        nadj += cd[k].count > 1 && cd[k].adj0 && cd[k].key != DY_CAND_TRY;
    if (nadj < SPLIT_MIN) return NULL;
    dy_lexsplit *sp = dy_arena_alloc(a, sizeof *sp);
    uint16_t *rest = dy_arena_alloc(a, (n - nadj + 1) * sizeof *rest);
    dy_adjkey *adj = dy_arena_alloc(a, nadj * sizeof *adj);
    uint16_t *bucket = dy_arena_alloc(a, (DY_SPLIT_BUCKETS + 1) * sizeof *bucket);
    if (!sp || !rest || !adj || !bucket) return NULL;
    sp->n_rest = sp->n_adj = 0;
    for (size_t k = 0; k < n; ++k) {
        if (cd[k].count > 1 && cd[k].adj0 && cd[k].key != DY_CAND_TRY) {
            adj[sp->n_adj].key = cd[k].key;
            adj[sp->n_adj++].pos = (uint16_t)k;
        } else {
            rest[sp->n_rest++] = (uint16_t)k;
        }
    }
    qsort(adj, sp->n_adj, sizeof *adj, cmp_adjkey);
    for (uint32_t b = 0, k = 0; b <= DY_SPLIT_BUCKETS; ++b) {
        while (k < sp->n_adj && (adj[k].key >> DY_SPLIT_SHIFT) < b) ++k;
        bucket[b] = (uint16_t)k;
    }
    sp->rest = rest;
    sp->adj = adj;
    sp->bucket = bucket;
    return sp;
}

static const dy_cand *compile(dy_arena *a, const dyad_dict *d, const dy_entry_ref *refs,
                              size_t n, const char *w, size_t wn, int closed, size_t *nref)
{
    dy_cand *out = dy_arena_alloc(a, (n + 1) * sizeof *out);
    size_t k = 0;
    if (!out) { *nref = 0; return NULL; }
    for (size_t i = 0; i < n; ++i) {
        dy_phrase ph = dy_entry_phrase(d, refs[i]);
        if (ph.count == 0 || ph.count > UINT16_MAX) continue;
        const dy_elem *e = &d->elems[ph.first];
        if (e->kind != DY_EL_WORD) continue;
        if (ph.count > 1 && e[1].kind != DY_EL_WORD) continue;   /* match_root fails it */
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
        c->key = DY_CAND_TRY;
        if (ph.count > 1 && e[1].kind == DY_EL_WORD) {
            c->word1 = 1;
            c->len1 = (uint16_t)e[1].len;
            memset(c->pre1, 0, sizeof c->pre1);
            memcpy(c->pre1, e[1].word, e[1].len < 8 ? e[1].len : 8);
            c->h1 = dy_prefix_hash(e[1].word, e[1].len < 3 ? e[1].len : 3);
            if (c->len1) c->key = c->h1;
        }
        c->solo = 0;
        if (ph.count == 1) c->solo = (uint16_t)dy_cand_solo_len(c, w, wn);
    }
    if (closed >= 0) k = prune(out, k, closed);
    *nref = k;
    return out;
}

/* The uncached lookup, into memory from `a`; closed < 0: nothing pruned. */
static const dy_cand *lookup(dy_arena *a, const dyad_dict *d, const char *w, size_t n,
                             int closed, size_t *nref, int *listed)
{
    dy_entry_ref tmp[STACK_REFS];
    size_t k = dy_lookup(d, w, n, tmp, STACK_REFS);
    if (listed) *listed = k > 0;
    dy_entry_ref *out = dy_arena_alloc(a, (k + 1) * sizeof *out);
    if (!out) { *nref = 0; return NULL; }
    if (k <= STACK_REFS) memcpy(out, tmp, k * sizeof *out);
    else k = dy_lookup(d, w, n, out, k);
    return compile(a, d, out, k, w, n, closed, nref);
}

static void clear(dy_lexcache *c)
{
    memset(c->slots, 0, c->cap * sizeof *c->slots);
    dy_arena_reset(&c->arena);
    c->used = 0;
}

/* Would n more words fill the cache past three quarters? */
static int full_after(const dy_lexcache *c, size_t n)
{
    return c->used + n > c->cap / 4 * 3;
}

void dy_lexcache_reserve(dy_lexcache *c, size_t n)
{
    if (c && c->slots && full_after(c, n)) clear(c);
}

const dy_cand *dy_lexcache_lookup(dy_lexcache *c, dy_arena *a, const dyad_dict *d,
                                  const char *w, size_t n, size_t *nref, int *closed,
                                  const dy_lexsplit **split, int *listed)
{
    if (split) *split = NULL;
    if (!c || !c->slots || n == 0 || n > 64) {
        *closed = dy_closed_lookup(w, n);
        return lookup(a, d, w, n, c ? *closed : -1, nref, listed);
    }
    const dy_lexslot *hit = dy_lexcache_find(c, w, n);
    if (hit) {
        *nref = hit->nref;
        *closed = hit->closed;
        if (split) *split = hit->split;
        if (listed) *listed = hit->listed;
        return hit->cands;
    }
    uint64_t pre;
    uint32_t h = dy_lexcache_key(w, n, &pre), mask = c->cap - 1;
    if (full_after(c, 1)) clear(c);   /* full: start over */
    *closed = dy_closed_lookup(w, n);
    int found;
    const dy_cand *refs = lookup(&c->arena, d, w, n, *closed, nref, &found);
    if (listed) *listed = found;
    char *copy = dy_arena_strndup(&c->arena, w, n);
    if (!refs || !copy) return lookup(a, d, w, n, *closed, nref, listed);
    uint32_t i = h & mask;
    while (c->slots[i].len) i = (i + 1) & mask;
    dy_lexslot *s = &c->slots[i];
    s->hash = h;
    s->len = (uint32_t)n;
    s->pre = pre;
    s->word = copy;
    s->cands = refs;
    s->nref = (uint32_t)*nref;
    s->closed = (int16_t)*closed;
    s->listed = (uint8_t)found;
    s->split = make_split(&c->arena, refs, *nref);
    if (split) *split = s->split;
    ++c->used;
    return refs;
}
