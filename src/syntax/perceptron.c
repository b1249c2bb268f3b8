/* perceptron.c — training-time weights: a hash map from feature key to a
 * sparse row of per-class weights, with lazy averaging (Collins 2002). */
#include "syntax/perceptron.h"

#include <stdlib.h>
#include <string.h>

#include "syntax/hash.h"

int dy_ap_init(dy_ap *m, int n_classes)
{
    memset(m, 0, sizeof *m);
    m->n_classes = n_classes;
    m->n_slots = 1 << 16;
    m->slot = calloc(m->n_slots, sizeof *m->slot);
    return m->slot ? 0 : -1;
}

void dy_ap_free(dy_ap *m)
{
    free(m->slot);
    dy_vec_free(&m->rows);
    dy_vec_free(&m->wt);
    dy_vec_free(&m->cls);
    memset(m, 0, sizeof *m);
}

/* Slot of key: its row, or the empty slot where it would go. */
static size_t find_slot(const dy_ap *m, uint64_t key)
{
    size_t mask = m->n_slots - 1;
    size_t i = (size_t)key & mask;
    while (m->slot[i] && m->rows.v[m->slot[i] - 1].key != key)
        i = (i + 1) & mask;
    return i;
}

static int grow_slots(dy_ap *m)
{
    size_t n = m->n_slots * 2;
    uint32_t *s = calloc(n, sizeof *s);
    if (!s)
        return -1;
    free(m->slot);
    m->slot = s;
    m->n_slots = n;
    for (size_t r = 0; r < m->rows.n; r++)
        m->slot[find_slot(m, m->rows.v[r].key)] = (uint32_t)(r + 1);
    return 0;
}

void dy_ap_score(const dy_ap *m, const uint64_t *feats, int nf, int32_t *scores)
{
    for (int f = 0; f < nf; f++) {
        uint32_t s = m->slot[find_slot(m, feats[f])];
        if (!s)
            continue;
        const dy_ap_row *r = &m->rows.v[s - 1];
        for (int k = 0; k < r->n; k++)
            scores[m->cls.v[r->off + k]] += m->wt.v[r->off + k].w;
    }
}

/* The row of key, made when new. */
static dy_ap_row *row_of(dy_ap *m, uint64_t key)
{
    size_t i = find_slot(m, key);
    if (m->slot[i])
        return &m->rows.v[m->slot[i] - 1];
    if ((m->rows.n + 1) * 2 > m->n_slots) {
        if (grow_slots(m))
            return NULL;
        i = find_slot(m, key);
    }
    dy_ap_row r = {key, 0, 0, 0};
    if (m->rows.n >= UINT32_MAX - 1 || dy_vec_push(&m->rows, r))
        return NULL;
    m->slot[i] = (uint32_t)m->rows.n;
    return &m->rows.v[m->rows.n - 1];
}

/* The weight of class c in row r, added when new (the row moves to the end
 * of the weight pool when full; the old space is left unused). */
static dy_ap_weight *weight_of(dy_ap *m, dy_ap_row *r, int c)
{
    for (int k = 0; k < r->n; k++)
        if (m->cls.v[r->off + k] == c)
            return &m->wt.v[r->off + k];
    if (r->n == r->cap) {
        int cap = r->cap ? r->cap * 2 : 2;
        if (cap > m->n_classes)
            cap = m->n_classes;
        size_t off = m->wt.n;
        for (int k = 0; k < cap; k++) {
            dy_ap_weight z = {0, 0, 0};
            if (dy_vec_push(&m->wt, z) || dy_vec_push(&m->cls, 0))
                return NULL;
        }
        memcpy(&m->wt.v[off], &m->wt.v[r->off], r->n * sizeof(dy_ap_weight));
        memcpy(&m->cls.v[off], &m->cls.v[r->off], r->n);
        r->off = off;
        r->cap = (uint16_t)cap;
    }
    m->cls.v[r->off + r->n] = (uint8_t)c;
    dy_ap_weight *w = &m->wt.v[r->off + r->n++];
    w->ts = m->clock;
    return w;
}

static void bump(dy_ap_weight *w, uint32_t clock, int delta)
{
    w->total += (int64_t)(clock - w->ts) * w->w;
    w->ts = clock;
    w->w += delta;
}

int dy_ap_update(dy_ap *m, const uint64_t *feats, int nf, int good, int bad)
{
    for (int f = 0; f < nf; f++) {
        dy_ap_row *r = row_of(m, feats[f]);
        if (!r)
            return -1;
        dy_ap_weight *g = weight_of(m, r, good);
        if (!g)
            return -1;
        bump(g, m->clock, +1);
        dy_ap_weight *b = weight_of(m, r, bad);
        if (!b)
            return -1;
        bump(b, m->clock, -1);
    }
    return 0;
}

int dy_ap_average(const dy_ap *m, dy_ap_visit visit, void *ctx)
{
    uint8_t cls[256];
    double avg[256];
    double ticks = m->clock ? (double)m->clock : 1.0;
    for (size_t i = 0; i < m->rows.n; i++) {
        const dy_ap_row *r = &m->rows.v[i];
        int n = 0;
        for (int k = 0; k < r->n; k++) {
            const dy_ap_weight *w = &m->wt.v[r->off + k];
            int64_t total = w->total + (int64_t)(m->clock - w->ts) * w->w;
            if (total == 0)
                continue;
            cls[n] = m->cls.v[r->off + k];
            avg[n++] = (double)total / ticks;
        }
        if (n)
            visit(ctx, r->key, cls, avg, n);
    }
    return 0;
}
