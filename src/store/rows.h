/* rows.h — an event as a row of the store's events table (schema.c): every
 * field of the JSON Lines output in its own column, NULL where the JSON
 * writes null, so that the view events_jsonl writes the same line. */
#ifndef DY_STORE_ROWS_H
#define DY_STORE_ROWS_H

#include <stdint.h>

#include <sqlite3.h>

#include "dyad.h"
#include "store/counts.h"

/* INSERT INTO events with ?1 .. ?50, bound by dy_row_bind_event. */
extern const char dy_row_event_sql[];

/* Binds event ev of story (stored under story_key) to st, a statement of
 * dy_row_event_sql; sentence_ids NULL when it is "ID_<sentence>". The
 * strings are bound without copies: they must outlive the step. */
void dy_row_bind_event(sqlite3_stmt *st, long long story_key, int64_t event_id,
                       const dyad_story *story, const dyad_event *ev, int mentions,
                       const char *sentence_ids);

/* A YYYYMMDD date as YYYY-MM-DD text, as the JSON writes it; NULL for 0. */
void dy_row_bind_date(sqlite3_stmt *st, int col, int date);

/* The key of ev in event_counts, as the columns of its row read back with
 * coalesce(col, '') give it; date points into buf. */
void dy_row_count_key(const dyad_event *ev, char buf[16], dy_count_key *k);

#endif
