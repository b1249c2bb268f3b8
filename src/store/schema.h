/* schema.h — the event store's tables and views (docs/store.md), and the
 * check that an existing database is a dyad store of this schema version. */
#ifndef DY_STORE_SCHEMA_H
#define DY_STORE_SCHEMA_H

#include <sqlite3.h>

#include "dyad.h"

/* 'dyad' in PRAGMA application_id; PRAGMA user_version is the schema
 * version, raised whenever a table or view changes. */
#define DY_STORE_APP_ID  0x64796164
#define DY_STORE_VERSION 2

/* Creates the schema in an empty database (when create), or checks an
 * existing one: another application's database, or another schema version,
 * is refused with a message naming the file and saying what to do. */
dyad_status dy_store_schema(sqlite3 *db, const char *path, int create, dyad_error *err);

/* The secondary indexes (events by story and by event_id, sentences by
 * story): made with the schema; dropped while a store is filled from empty
 * and made again at the end (store.c). */
extern const char dy_store_index_sql[];
extern const char dy_store_drop_index_sql[];

#endif
