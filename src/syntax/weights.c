/* weights.c — builds, checks and scores the run-time weight tables: an open
 * addressing table of 32-bit fingerprints over short rows of 16-bit weights. */
#include "syntax/weights.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"

#define WTAB_MAGIC 0x42545744u  /* "DWTB" */
#define WTAB_HEADER 32

static uint32_t rd32(const unsigned char *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static void wr32(unsigned char *p, uint32_t v)
{
    memcpy(p, &v, 4);
}

dyad_status dy_wtab_open(dy_wtab *t, const unsigned char *blob, size_t len,
                         uint32_t n_classes, const char *what, dyad_error *err)
{
    memset(t, 0, sizeof *t);
    if (((uintptr_t)blob & 7) != 0 || len < WTAB_HEADER)
        return dy_error_set(err, DYAD_ERR_PARSE, what, 0, "table too short or misaligned");
    uint32_t magic = rd32(blob), classes = rd32(blob + 4), slots = rd32(blob + 8);
    uint32_t probe = rd32(blob + 12), ents = rd32(blob + 16), scale_bits = rd32(blob + 20);
    float scale;
    memcpy(&scale, &scale_bits, 4);
    if (magic != WTAB_MAGIC)
        return dy_error_set(err, DYAD_ERR_PARSE, what, 0, "not a weight table");
    if (classes != n_classes || classes == 0 || classes > 256)
        return dy_error_set(err, DYAD_ERR_PARSE, what, 0, "table has %u classes, model %u",
                            classes, n_classes);
    if (slots == 0 || (slots & (slots - 1)) != 0 || slots > (1u << 28) || probe >= slots)
        return dy_error_set(err, DYAD_ERR_PARSE, what, 0, "bad slot count or probe length");
    if (!(scale > 0) || !isfinite(scale))
        return dy_error_set(err, DYAD_ERR_PARSE, what, 0, "bad weight scale");
    if ((uint64_t)WTAB_HEADER + 8ull * slots + 4ull * ents != len)
        return dy_error_set(err, DYAD_ERR_PARSE, what, 0, "size does not match its counts");
    const uint32_t *slot = (const uint32_t *)(const void *)(blob + WTAB_HEADER);
    const uint32_t *ent = slot + 2 * (size_t)slots;
    /* every row in bounds, every class valid; every key within max probe
     * of its home is not checkable without keys, but lookups stop there */
    for (uint32_t i = 0; i < slots; i++) {
        if (slot[2 * i] == 0)
            continue;
        uint32_t v = slot[2 * i + 1], start = v >> 8, n = v & 0xff;
        if (n == 0 || (uint64_t)start + n > ents)
            return dy_error_set(err, DYAD_ERR_PARSE, what, 0, "row %u out of bounds", i);
    }
    for (uint32_t k = 0; k < ents; k++)
        if ((ent[k] & 0xff) >= classes)
            return dy_error_set(err, DYAD_ERR_PARSE, what, 0, "entry %u names class %u",
                                k, ent[k] & 0xff);
    t->n_classes = classes;
    t->mask = slots - 1;
    t->max_probe = probe;
    t->n_entries = ents;
    t->scale = scale;
    t->slot = slot;
    t->ent = ent;
    return DYAD_OK;
}

void dy_wtab_score(const dy_wtab *t, const uint64_t *keys, int nf, int32_t *scores)
{
    for (int f = 0; f < nf; f++)
        __builtin_prefetch(dy_wtab_home(t, keys[f]));
    for (int f = 0; f < nf; f++)
        dy_wtab_add(t, keys[f], scores);
}

/* ------------------------------------------------------------- building */

typedef struct kept_row {
    uint64_t key;
    uint32_t start, n;
} kept_row;

typedef struct build_ctx {
    double threshold;
    DY_VEC(kept_row) rows;
    DY_VEC(uint8_t) cls;
    DY_VEC(double) w;
    double max_abs;
    int failed;
} build_ctx;

static void keep_row(void *vctx, uint64_t key, const uint8_t *cls, const double *avg, int n)
{
    build_ctx *c = vctx;
    kept_row r = {key, (uint32_t)c->w.n, 0};
    for (int k = 0; k < n; k++) {
        if (fabs(avg[k]) < c->threshold)
            continue;
        if (dy_vec_push(&c->cls, cls[k]) || dy_vec_push(&c->w, avg[k]))
            c->failed = 1;
        if (fabs(avg[k]) > c->max_abs)
            c->max_abs = fabs(avg[k]);
        r.n++;
    }
    if (r.n && dy_vec_push(&c->rows, r))
        c->failed = 1;
}

static int cmp_key(const void *a, const void *b)
{
    uint64_t x = ((const kept_row *)a)->key, y = ((const kept_row *)b)->key;
    return x < y ? -1 : x > y;
}

int dy_wtab_build(const dy_ap *m, double threshold, unsigned char **blob, size_t *len)
{
    build_ctx c = {0};
    c.threshold = threshold;
    dy_ap_average(m, keep_row, &c);
    int rc = -1;
    unsigned char *out = NULL;
    if (c.failed)
        goto done;
    /* rows in key order, so the table does not depend on training order */
    qsort(c.rows.v, c.rows.n, sizeof *c.rows.v, cmp_key);
    uint32_t slots = 1024;
    while (slots < c.rows.n + c.rows.n / 3 + 1)  /* load factor at most 0.75 */
        slots *= 2;
    double scale = c.max_abs > 0 ? 32767.0 / c.max_abs : 1.0;
    size_t size = WTAB_HEADER + 8 * (size_t)slots + 4 * c.w.n;
    out = calloc(1, size);
    if (!out)
        goto done;
    uint32_t *slot = (uint32_t *)(void *)(out + WTAB_HEADER);
    uint32_t *ent = slot + 2 * (size_t)slots;
    uint32_t max_probe = 0, ne = 0;
    for (size_t r = 0; r < c.rows.n; r++) {
        kept_row *kr = &c.rows.v[r];
        uint32_t fp = dy_wtab_fp(kr->key), i = (uint32_t)kr->key & (slots - 1), p = 0;
        while (slot[2 * i] != 0) {
            i = (i + 1) & (slots - 1);
            p++;
        }
        if (p > max_probe)
            max_probe = p;
        slot[2 * i] = fp;
        slot[2 * i + 1] = ne << 8 | kr->n;
        for (uint32_t k = 0; k < kr->n; k++) {
            long q = lround(c.w.v[kr->start + k] * scale);
            if (q == 0)
                q = c.w.v[kr->start + k] > 0 ? 1 : -1;
            ent[ne++] = c.cls.v[kr->start + k] | (uint32_t)(uint16_t)(int16_t)q << 16;
        }
    }
    float fscale = (float)scale;
    uint32_t sb;
    memcpy(&sb, &fscale, 4);
    wr32(out, WTAB_MAGIC);
    wr32(out + 4, (uint32_t)m->n_classes);
    wr32(out + 8, slots);
    wr32(out + 12, max_probe);
    wr32(out + 16, ne);
    wr32(out + 20, sb);
    *blob = out;
    *len = size;
    out = NULL;
    rc = 0;
done:
    free(out);
    dy_vec_free(&c.rows);
    dy_vec_free(&c.cls);
    dy_vec_free(&c.w);
    return rc;
}
