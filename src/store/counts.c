/* counts.c — keeping the store's event_counts equal to its events
 * (counts.h): a batch's changes are summed in a hash table keyed by the
 * series fields, so a batch of 8,000 events costs one upsert per distinct
 * key instead of one per event, and a replaced story subtracts its old
 * events under the same keys. */
#include "store/counts.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char upsert_sql[] =
    "INSERT INTO event_counts (date, source, target, source_country, target_country, "
    "root_code, quad_class, plover_type, events, scored, goldstein_tenths) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
    "ON CONFLICT (date, source, target, source_country, target_country, root_code, "
    "quad_class, plover_type) DO UPDATE SET events = events + excluded.events, "
    "scored = scored + excluded.scored, goldstein_tenths = goldstein_tenths + excluded.goldstein_tenths";
static const char drop_sql[] =
    "DELETE FROM event_counts WHERE date = ?1 AND source = ?2 AND target = ?3 AND "
    "source_country = ?4 AND target_country = ?5 AND root_code = ?6 AND quad_class = ?7 AND "
    "plover_type = ?8 AND events <= 0";

void dy_counts_init(dy_counts *c)
{
    memset(c, 0, sizeof *c);
    dy_strbuf_init(&c->keys);
}

void dy_counts_free(dy_counts *c)
{
    sqlite3_finalize(c->upsert);
    sqlite3_finalize(c->drop);
    free(c->e);
    free(c->slot);
    dy_strbuf_free(&c->keys);
    memset(c, 0, sizeof *c);
}

void dy_counts_reset(dy_counts *c)
{
    if (c->nslot)
        memset(c->slot, 0, c->nslot * sizeof *c->slot);
    c->n = 0;
    c->negative = 0;
    dy_strbuf_clear(&c->keys);
}

long long dy_goldstein_tenths(double g)
{
    return llround(g * 10.0);
}

static uint64_t fnv(const char *s, size_t n, uint64_t h)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
    return h;
}

static int grow(dy_counts *c)
{
    size_t nslot = c->nslot ? 2 * c->nslot : 1024;
    size_t *slot = calloc(nslot, sizeof *slot);
    if (!slot)
        return 0;
    for (size_t i = 0; i < c->n; i++) {
        size_t j = (size_t)c->e[i].hash & (nslot - 1);
        while (slot[j])
            j = (j + 1) & (nslot - 1);
        slot[j] = i + 1;
    }
    free(c->slot);
    c->slot = slot;
    c->nslot = nslot;
    return 1;
}

dyad_status dy_counts_add(dy_counts *c, const dy_count_key *k, long events, long scored,
                          long long goldstein_tenths)
{
    if (2 * (c->n + 1) > c->nslot && !grow(c))
        return DYAD_ERR_NOMEM;
    /* the key serialised after what is there; dropped again when known */
    size_t off = c->keys.len;
    const char *f[7] = {k->date, k->source, k->target, k->source_country, k->target_country,
                        k->root_code, k->plover_type};
    for (int i = 0; i < 7; i++) {
        dy_strbuf_adds(&c->keys, f[i] ? f[i] : "");
        dy_strbuf_add(&c->keys, "", 1);   /* the NUL between fields */
    }
    if (c->keys.failed)
        return DYAD_ERR_NOMEM;
    size_t len = c->keys.len - off;
    uint64_t h = fnv(c->keys.s + off, len, 0xcbf29ce484222325ULL ^ (unsigned)k->quad_class);
    size_t j = (size_t)h & (c->nslot - 1);
    dy_counts_entry *e = NULL;
    for (; c->slot[j]; j = (j + 1) & (c->nslot - 1)) {
        dy_counts_entry *x = &c->e[c->slot[j] - 1];
        if (x->hash == h && x->len == len && x->quad_class == k->quad_class &&
            !memcmp(c->keys.s + x->off, c->keys.s + off, len)) {
            e = x;
            dy_strbuf_truncate(&c->keys, off);
            break;
        }
    }
    if (!e) {
        if (c->n == c->cap) {
            size_t cap = c->cap ? 2 * c->cap : 1024;
            dy_counts_entry *ne = realloc(c->e, cap * sizeof *ne);
            if (!ne)
                return DYAD_ERR_NOMEM;
            c->e = ne;
            c->cap = cap;
        }
        e = &c->e[c->n];
        memset(e, 0, sizeof *e);
        e->off = off;
        e->len = len;
        e->hash = h;
        e->quad_class = k->quad_class;
        c->slot[j] = ++c->n;
    }
    e->events += events;
    e->scored += scored;
    e->goldstein_tenths += goldstein_tenths;
    if (events < 0)
        c->negative = 1;
    return DYAD_OK;
}

/* Binds the 8 key columns of entry e to st. */
static void bind_key(const dy_counts *c, const dy_counts_entry *e, sqlite3_stmt *st)
{
    const char *p = c->keys.s + e->off;
    for (int col = 1; col <= 8; col++) {
        if (col == 7) {
            sqlite3_bind_int(st, 7, e->quad_class);
            continue;
        }
        size_t n = strlen(p);
        sqlite3_bind_text(st, col, p, (int)n, SQLITE_STATIC);
        p += n + 1;
    }
}

int dy_counts_flush(dy_counts *c, sqlite3 *db)
{
    int rc = SQLITE_OK;
    if (c->n && !c->upsert &&
        ((rc = sqlite3_prepare_v2(db, upsert_sql, -1, &c->upsert, NULL)) != SQLITE_OK ||
         (rc = sqlite3_prepare_v2(db, drop_sql, -1, &c->drop, NULL)) != SQLITE_OK))
        return rc;
    for (size_t i = 0; i < c->n && rc == SQLITE_OK; i++) {
        const dy_counts_entry *e = &c->e[i];
        if (!e->events && !e->scored && !e->goldstein_tenths)
            continue;   /* a story stored again with the same events */
        bind_key(c, e, c->upsert);
        sqlite3_bind_int64(c->upsert, 9, e->events);
        sqlite3_bind_int64(c->upsert, 10, e->scored);
        sqlite3_bind_int64(c->upsert, 11, e->goldstein_tenths);
        rc = sqlite3_step(c->upsert);
        sqlite3_reset(c->upsert);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        if (rc == SQLITE_OK && e->events < 0) {
            bind_key(c, e, c->drop);
            rc = sqlite3_step(c->drop);
            sqlite3_reset(c->drop);
            rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
    }
    dy_counts_reset(c);
    return rc;
}
