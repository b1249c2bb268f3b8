/* counts.h — the event_counts table of the store (schema.c): events counted
 * by the fields dyad series reads. Changes are gathered in memory, one
 * entry per distinct key, and written with one upsert per key at a batch's
 * commit (or at the end of an events file read by dyad series). */
#ifndef DY_STORE_COUNTS_H
#define DY_STORE_COUNTS_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "dyad.h"
#include "base/strbuf.h"

/* One key: the strings are "" when absent (never NULL); date is
 * YYYY-MM-DD or "" for an event without one. */
typedef struct dy_count_key {
    const char *date, *source, *target, *source_country, *target_country, *root_code,
        *plover_type;
    int quad_class;          /* 0 when the code has no root (unknown) */
} dy_count_key;

typedef struct dy_counts_entry {
    size_t off, len;         /* the key, serialised in keys */
    int quad_class;
    uint64_t hash;
    long events, scored;
    long long goldstein_tenths;
} dy_counts_entry;

typedef struct dy_counts {
    dy_counts_entry *e;
    size_t n, cap;
    size_t *slot;            /* open addressing: entry index + 1, 0 empty */
    size_t nslot;
    dy_strbuf keys;          /* the keys' strings, each NUL-terminated */
    int negative;            /* some entry lost events (a story replaced) */
    sqlite3_stmt *upsert, *drop;
} dy_counts;

void dy_counts_init(dy_counts *c);
void dy_counts_free(dy_counts *c);
/* Forgets the changes not yet written (a rolled back batch). */
void dy_counts_reset(dy_counts *c);

/* Adds events (negative: removes them) with scored of them carrying a
 * Goldstein score summing to goldstein_tenths (scores are written with one
 * decimal: integer tenths keep the sums exact in any order). 0 or
 * DYAD_ERR_NOMEM. */
dyad_status dy_counts_add(dy_counts *c, const dy_count_key *k, long events, long scored,
                          long long goldstein_tenths);

/* A Goldstein score in tenths, as the outputs round it ("%.1f"). */
long long dy_goldstein_tenths(double g);

/* Writes the gathered changes into db's event_counts (inside the caller's
 * transaction), drops keys left without events, and resets. SQLITE_OK or
 * the failing SQLite code. */
int dy_counts_flush(dy_counts *c, sqlite3 *db);

#endif
