/* weights.c — builds, checks and scores the run-time weight tables: buckets
 * of fingerprints over sparse rows of (class, weight) and dense SIMD rows. */
#include "syntax/weights.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define DY_X86 1
#endif

#include "base/error.h"

#define WTAB_MAGIC 0x32545744u  /* "DWT2" */
#define WTAB_HEADER 64
#define DENSE_MIN 24            /* rows with this many classes or more are dense */
#define NO_ROW 0xffffffffu
#define TINY_OVERFLOW 5                 /* word of a tiny bucket */
#define OVERFLOW_BIT 0x80000000u        /* of the first value of a bucket */
#define VALUE_MASK 0x7fffffffu

static uint32_t rd32(const unsigned char *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static size_t round64(size_t n)
{
    return (n + 63) & ~(size_t)63;
}

dyad_status dy_wtab_open(dy_wtab *t, const unsigned char *blob, size_t len,
                         uint32_t n_classes, const char *what, dyad_error *err)
{
    memset(t, 0, sizeof *t);
    if (((uintptr_t)blob & 63) != 0 || len < WTAB_HEADER)
        return dy_error_set(err, DYAD_ERR_PARSE, what, 0, "table too short or misaligned");
    uint32_t magic = rd32(blob), classes = rd32(blob + 4), buckets = rd32(blob + 8);
    uint32_t probe = rd32(blob + 12), ents = rd32(blob + 16), dense = rd32(blob + 20);
    uint32_t scale_bits = rd32(blob + 24), c_pad = rd32(blob + 28), tiny = rd32(blob + 32);
    float scale;
    memcpy(&scale, &scale_bits, 4);
    if (magic != WTAB_MAGIC)
        return dy_error_set(err, DYAD_ERR_PARSE, what, 0, "not a weight table");
    if (classes != n_classes || classes == 0 || classes > 256)
        return dy_error_set(err, DYAD_ERR_PARSE, what, 0, "table has %u classes, model %u",
                            classes, n_classes);
    if (c_pad != ((classes + 15) & ~15u))
        return dy_error_set(err, DYAD_ERR_PARSE, what, 0, "bad padded class count");
    if (buckets == 0 || buckets > (1u << 26) || probe >= buckets)
        return dy_error_set(err, DYAD_ERR_PARSE, what, 0, "bad bucket count or probe length");
    if (!(scale > 0) || !isfinite(scale))
        return dy_error_set(err, DYAD_ERR_PARSE, what, 0, "bad weight scale");
    if (tiny > 1 || (tiny && (classes > DY_WTAB_TINY_CLASSES || ents || dense)))
        return dy_error_set(err, DYAD_ERR_PARSE, what, 0, "bad table layout");
    size_t ent_at = WTAB_HEADER + 64 * (size_t)buckets;
    size_t dense_at = round64(ent_at + 4 * (size_t)ents);
    if (ents >= (1u << 23) || dense >= (1u << 23) ||
        (uint64_t)dense_at + 2ull * c_pad * dense != len)
        return dy_error_set(err, DYAD_ERR_PARSE, what, 0, "size does not match its counts");
    const uint32_t *bk = (const uint32_t *)(const void *)(blob + WTAB_HEADER);
    const uint32_t *ent = (const uint32_t *)(const void *)(blob + ent_at);
    for (uint32_t b = 0; b < buckets && !tiny; b++)
        for (int k = 0; k < DY_WTAB_BUCKET; k++) {
            if (bk[16 * b + k] == 0)
                continue;
            uint32_t v = bk[16 * b + 8 + k] & VALUE_MASK, start = v >> 8, n = v & 0xff;
            if (n ? (uint64_t)start + n > ents : start >= dense)
                return dy_error_set(err, DYAD_ERR_PARSE, what, 0, "row out of bounds in bucket %u",
                                    b);
        }
    for (uint32_t k = 0; k < ents; k++)
        if ((ent[k] & 0xff) >= classes)
            return dy_error_set(err, DYAD_ERR_PARSE, what, 0, "entry %u names class %u", k,
                                ent[k] & 0xff);
    t->n_classes = classes;
    t->c_pad = c_pad;
    t->n_buckets = buckets;
    t->max_probe = probe;
    t->n_entries = ents;
    t->n_dense = dense;
    t->tiny = (int)tiny;
    t->scale = scale;
    t->bucket = bk;
    t->ent = ent;
    t->dense = (const int16_t *)(const void *)(blob + dense_at);
    return DYAD_OK;
}

/* Slot of fp in bucket b (0..7), 8 when absent; *open says the bucket has
 * an empty slot, so a key absent from it is absent from the table. */
static inline int bucket_find(const uint32_t *b, uint32_t fp, int *open)
{
#ifdef __SSE2__
    __m128i f = _mm_set1_epi32((int)fp), z = _mm_setzero_si128();
    __m128i lo = _mm_load_si128((const __m128i *)(const void *)b);
    __m128i hi = _mm_load_si128((const __m128i *)(const void *)(b + 4));
    unsigned hit = (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(lo, f))) |
                   (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(hi, f))) << 4;
    unsigned emp = (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(lo, z))) |
                   (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(hi, z))) << 4;
    *open = emp != 0;
    return hit ? __builtin_ctz(hit) : 8;
#else
    *open = 0;
    for (int k = 0; k < DY_WTAB_BUCKET; k++) {
        if (b[k] == fp)
            return k;
        if (b[k] == 0)
            *open = 1;
    }
    return 8;
#endif
}

/* A key lives in its home bucket unless that one was full when it came;
 * then the home bucket says so (overflow), and the key is in the first
 * bucket after it that had room. So a key the table lacks costs one line
 * unless its home overflowed, however full the table. */

/* Tiny tables: the row of key, or NULL. */
static const int16_t *tiny_find(const dy_wtab *t, uint64_t key)
{
    uint32_t fp = dy_wtab_fp(key), i = dy_wtab_home_index(t->n_buckets, key);
    for (uint32_t p = 0; p <= t->max_probe; p++, i = i + 1 == t->n_buckets ? 0 : i + 1) {
        const uint32_t *b = t->bucket + 16 * (size_t)i;
        int open = 0;
        for (int k = 0; k < DY_WTAB_TINY_SLOTS; k++) {
            if (b[k] == fp)
                return (const int16_t *)(const void *)(b + 6) + 4 * k;
            open |= b[k] == 0;
        }
        if (p == 0 ? !b[TINY_OVERFLOW] : open)
            break;
    }
    return NULL;
}

/* The value of key in a table that is not tiny, NO_ROW when absent. */
static uint32_t wtab_find(const dy_wtab *t, uint64_t key)
{
    uint32_t fp = dy_wtab_fp(key), i = dy_wtab_home_index(t->n_buckets, key);
    for (uint32_t p = 0; p <= t->max_probe; p++, i = i + 1 == t->n_buckets ? 0 : i + 1) {
        const uint32_t *b = t->bucket + 16 * (size_t)i;
        int open, k = bucket_find(b, fp, &open);
        if (k < 8)
            return b[8 + k] & VALUE_MASK;
        if (p == 0 ? !(b[8] & OVERFLOW_BIT) : open)
            break;
    }
    return NO_ROW;
}

/* scores[0, c_pad) += row. */
#ifdef DY_X86
__attribute__((target("avx2"))) static void add_dense_avx2(int32_t *scores, const int16_t *row,
                                                           uint32_t c_pad)
{
    for (uint32_t c = 0; c < c_pad; c += 8) {
        __m256i w = _mm256_cvtepi16_epi32(_mm_loadu_si128((const __m128i *)(const void *)(row + c)));
        __m256i s = _mm256_loadu_si256((const __m256i *)(void *)(scores + c));
        _mm256_storeu_si256((__m256i *)(void *)(scores + c), _mm256_add_epi32(s, w));
    }
}
#endif

static void add_dense_plain(int32_t *scores, const int16_t *row, uint32_t c_pad)
{
    for (uint32_t c = 0; c < c_pad; c++)
        scores[c] += row[c];
}

/* Tiny tables: one line a key, its 4 weights added as they are found. */
static void tiny_score(const dy_wtab *t, const uint64_t *keys, int nf, int32_t *scores)
{
    for (int f = 0; f < nf; f++)
        __builtin_prefetch(dy_wtab_home(t, keys[f]));
    int32_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (int f = 0; f < nf; f++) {
        const int16_t *w = tiny_find(t, keys[f]);
        if (w) {
            s0 += w[0];
            s1 += w[1];
            s2 += w[2];
            s3 += w[3];
        }
    }
    scores[0] += s0;
    scores[1] += s1;
    scores[2] += s2;
    scores[3] += s3;
}

void dy_wtab_score(const dy_wtab *t, const uint64_t *keys, int nf, int32_t *scores)
{
    if (t->tiny) {
        tiny_score(t, keys, nf, scores);
        return;
    }
    /* Three passes, so that the cache misses of each key (its bucket, then
     * its row) overlap with those of the other keys. */
    uint32_t row[256];
    for (int f = 0; f < nf; f++)
        __builtin_prefetch(dy_wtab_home(t, keys[f]));
    int nr = 0;
    for (int f = 0; f < nf && f < 256; f++) {
        uint32_t v = wtab_find(t, keys[f]);
        if (v == NO_ROW)
            continue;
        if (v & 0xff)
            __builtin_prefetch(t->ent + (v >> 8));
        else
            __builtin_prefetch(t->dense + (size_t)(v >> 8) * t->c_pad);
        row[nr++] = v;
    }
#ifdef DY_X86
    int avx2 = __builtin_cpu_supports("avx2");
#endif
    for (int r = 0; r < nr; r++) {
        uint32_t v = row[r], n = v & 0xff;
        if (n == 0) {
            const int16_t *d = t->dense + (size_t)(v >> 8) * t->c_pad;
#ifdef DY_X86
            if (avx2) {
                add_dense_avx2(scores, d, t->c_pad);
                continue;
            }
#endif
            add_dense_plain(scores, d, t->c_pad);
            continue;
        }
        const uint32_t *e = t->ent + (v >> 8);
        for (uint32_t k = 0; k < n; k++)
            scores[e[k] & 0xff] += (int16_t)(e[k] >> 16);
    }
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

static int16_t quantise(double w, double scale)
{
    long q = lround(w * scale);
    if (q == 0)
        q = w > 0 ? 1 : -1;
    return (int16_t)(q > 32767 ? 32767 : q < -32767 ? -32767 : q);
}

static void wr32(unsigned char *p, uint32_t v)
{
    memcpy(p, &v, 4);
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
    if (c.rows.n)
        qsort(c.rows.v, c.rows.n, sizeof *c.rows.v, cmp_key);
    uint32_t classes = (uint32_t)m->n_classes, c_pad = (classes + 15) & ~15u;
    int tiny = classes <= DY_WTAB_TINY_CLASSES;
    uint32_t per = tiny ? DY_WTAB_TINY_SLOTS : DY_WTAB_BUCKET;
    uint32_t ne = 0, nd = 0;
    /* rows at most 0.85 of the slots: a bucket seldom overflows */
    uint32_t buckets = (uint32_t)((c.rows.n * 20 + per * 17 - 1) / (per * 17)) + 1;
    for (size_t r = 0; r < c.rows.n && !tiny; r++) {
        if (c.rows.v[r].n >= DENSE_MIN)
            nd++;
        else
            ne += c.rows.v[r].n;
    }
    double scale = c.max_abs > 0 ? 32767.0 / c.max_abs : 1.0;
    size_t ent_at = WTAB_HEADER + 64 * (size_t)buckets;
    size_t dense_at = round64(ent_at + 4 * (size_t)ne);
    size_t size = dense_at + 2 * (size_t)c_pad * nd;
    /* 64-byte aligned, as dy_wtab_open wants (the buckets are cache lines) */
    void *mem = NULL;
    if (posix_memalign(&mem, 64, size) != 0)
        goto done;
    out = memset(mem, 0, size);
    uint32_t *bk = (uint32_t *)(void *)(out + WTAB_HEADER);
    uint32_t *ent = (uint32_t *)(void *)(out + ent_at);
    int16_t *dense = (int16_t *)(void *)(out + dense_at);
    uint32_t max_probe = 0, ie = 0, id = 0;
    for (size_t r = 0; r < c.rows.n && tiny; r++) {
        kept_row *kr = &c.rows.v[r];
        uint32_t i = dy_wtab_home_index(buckets, kr->key), p = 0;
        for (;; p++, i = i + 1 == buckets ? 0 : i + 1) {
            uint32_t *b = bk + 16 * (size_t)i;
            int k;
            for (k = 0; k < DY_WTAB_TINY_SLOTS && b[k] != 0; k++)
                ;
            if (k < DY_WTAB_TINY_SLOTS) {
                if (p > 0)
                    bk[16 * (size_t)dy_wtab_home_index(buckets, kr->key) + TINY_OVERFLOW] = 1;
                b[k] = dy_wtab_fp(kr->key);
                int16_t *w = (int16_t *)(void *)(b + 6) + 4 * k;
                for (uint32_t j = 0; j < kr->n; j++)
                    w[c.cls.v[kr->start + j]] = quantise(c.w.v[kr->start + j], scale);
                break;
            }
        }
        if (p > max_probe)
            max_probe = p;
    }
    for (size_t r = 0; r < c.rows.n && !tiny; r++) {
        kept_row *kr = &c.rows.v[r];
        uint32_t value;
        if (kr->n >= DENSE_MIN) {
            int16_t *d = dense + (size_t)id * c_pad;
            for (uint32_t k = 0; k < kr->n; k++)
                d[c.cls.v[kr->start + k]] = quantise(c.w.v[kr->start + k], scale);
            value = id++ << 8;
        } else {
            value = ie << 8 | kr->n;
            for (uint32_t k = 0; k < kr->n; k++)
                ent[ie++] = c.cls.v[kr->start + k] |
                            (uint32_t)(uint16_t)quantise(c.w.v[kr->start + k], scale) << 16;
        }
        uint32_t i = dy_wtab_home_index(buckets, kr->key), p = 0;
        for (;; p++, i = i + 1 == buckets ? 0 : i + 1) {
            uint32_t *b = bk + 16 * (size_t)i;
            int k;
            for (k = 0; k < DY_WTAB_BUCKET && b[k] != 0; k++)
                ;
            if (k < DY_WTAB_BUCKET) {
                if (p > 0)
                    bk[16 * (size_t)dy_wtab_home_index(buckets, kr->key) + 8] |= OVERFLOW_BIT;
                b[k] = dy_wtab_fp(kr->key);
                b[8 + k] |= value;
                break;
            }
        }
        if (p > max_probe)
            max_probe = p;
    }
    float fscale = (float)scale;
    uint32_t sb;
    memcpy(&sb, &fscale, 4);
    wr32(out, WTAB_MAGIC);
    wr32(out + 4, classes);
    wr32(out + 8, buckets);
    wr32(out + 12, max_probe);
    wr32(out + 16, ne);
    wr32(out + 20, nd);
    wr32(out + 24, sb);
    wr32(out + 28, c_pad);
    wr32(out + 32, (uint32_t)tiny);
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
