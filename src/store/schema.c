/* schema.c — the event store's schema, version 1. Events keep the common
 * query fields as columns (indexed for dyad-by-period questions) and every
 * field of the JSON Lines output in `json`, so nothing the writers know is
 * lost and new fields need no migration. The table keeps SQLite's own
 * rowid, in the order events are stored, and the stable event id in a
 * unique index: ids are spread over 63 bits, and as the table's key they
 * would send every insert to a random page of the whole table. */
#include "store/schema.h"

#include "base/error.h"

static const char schema_sql[] =
    "PRAGMA application_id = 1685676388;\n"   /* DY_STORE_APP_ID */
    "PRAGMA user_version = 1;\n"              /* DY_STORE_VERSION */
    "CREATE TABLE runs (\n"
    "  run_id        INTEGER PRIMARY KEY,\n"
    "  started_at    TEXT NOT NULL,\n"        /* UTC, 2026-12-07T20:41:00Z */
    "  dyad_version  TEXT NOT NULL,\n"
    "  dict          TEXT,\n"
    "  dict_checksum TEXT,\n"                 /* 16 hex digits */
    "  mode          TEXT,\n"
    "  command       TEXT\n"
    ");\n"
    "CREATE TABLE stories (\n"
    "  story_id    TEXT PRIMARY KEY,\n"
    "  date        TEXT,\n"                   /* YYYY-MM-DD, NULL when none */
    "  source      TEXT,\n"
    "  url         TEXT,\n"
    "  sentences   INTEGER NOT NULL,\n"
    "  events      INTEGER NOT NULL,\n"
    "  discarded   INTEGER NOT NULL,\n"
    "  not_english INTEGER NOT NULL,\n"
    "  run_id      INTEGER NOT NULL REFERENCES runs(run_id),\n"
    "  coded_at    TEXT NOT NULL\n"
    ");\n"
    "CREATE TABLE events (\n"
    "  event_id       INTEGER NOT NULL UNIQUE,\n" /* stable: docs/formats.md */
    "  story_id       TEXT NOT NULL REFERENCES stories(story_id),\n"
    "  sentence       INTEGER NOT NULL,\n"
    "  date           TEXT,\n"
    "  source         TEXT NOT NULL,\n"
    "  target         TEXT NOT NULL,\n"
    "  code           TEXT NOT NULL,\n"
    "  root_code      TEXT,\n"
    "  quad_class     INTEGER,\n"             /* GDELT convention, 0 unknown */
    "  goldstein      REAL,\n"
    "  plover_type    TEXT,\n"
    "  source_country TEXT,\n"
    "  target_country TEXT,\n"
    "  place_name     TEXT,\n"
    "  place_country  TEXT,\n"
    "  place_lat      REAL,\n"
    "  place_lon      REAL,\n"
    "  mentions       INTEGER NOT NULL,\n"
    "  sentence_text  TEXT,\n"               /* the sentence it was coded from */
    "  json           TEXT NOT NULL\n"        /* the --out jsonl line */
    ");\n"
    "CREATE INDEX events_story ON events(story_id);\n"
    /* covers what dyad series reads, so a series scans this index, a
     * small fraction of the table (whose rows carry the JSON) */
    "CREATE INDEX events_series ON events(date, source_country, target_country, quad_class,\n"
    "  goldstein, root_code, plover_type, source, target);\n"
    "CREATE VIEW events_monthly AS\n"
    "  SELECT substr(date, 1, 7) AS month, source_country, target_country, quad_class,\n"
    "         count(*) AS events, sum(goldstein) AS goldstein_sum,\n"
    "         avg(goldstein) AS goldstein_mean\n"
    "  FROM events WHERE date IS NOT NULL GROUP BY 1, 2, 3, 4;\n"
    "CREATE VIEW dyads AS\n"
    "  SELECT source_country, target_country, count(*) AS events,\n"
    "         sum(goldstein) AS goldstein_sum, min(date) AS first_date, max(date) AS last_date\n"
    "  FROM events GROUP BY 1, 2;\n"
    "CREATE VIEW event_types AS\n"
    "  SELECT root_code, plover_type, quad_class, count(*) AS events\n"
    "  FROM events GROUP BY 1, 2, 3;\n";

static long pragma_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    long v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

dyad_status dy_store_schema(sqlite3 *db, const char *path, int create, dyad_error *err)
{
    long app = pragma_int(db, "PRAGMA application_id");
    long version = pragma_int(db, "PRAGMA user_version");
    long tables = pragma_int(db, "SELECT count(*) FROM sqlite_master");
    if (app < 0 || version < 0 || tables < 0)
        return dy_error_set(err, DYAD_ERR_IO, path, 0, "cannot read the database: %s",
                            sqlite3_errmsg(db));
    if (tables == 0 && app == 0 && !create)
        return dy_error_set(err, DYAD_ERR_ARG, path, 0, "an empty database, not an event store");
    if (tables == 0 && app == 0) {
        char *msg = NULL;
        if (sqlite3_exec(db, "BEGIN", NULL, NULL, &msg) != SQLITE_OK ||
            sqlite3_exec(db, schema_sql, NULL, NULL, &msg) != SQLITE_OK ||
            sqlite3_exec(db, "COMMIT", NULL, NULL, &msg) != SQLITE_OK) {
            dyad_status st = dy_error_set(err, DYAD_ERR_IO, path, 0,
                                          "cannot create the event store: %s",
                                          msg ? msg : sqlite3_errmsg(db));
            sqlite3_free(msg);
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            return st;
        }
        return DYAD_OK;
    }
    if (app != DY_STORE_APP_ID)
        return dy_error_set(err, DYAD_ERR_ARG, path, 0,
                            "not a dyad event store (an SQLite database of another "
                            "application): name a new file for --db");
    if (version != DY_STORE_VERSION)
        return dy_error_set(err, DYAD_ERR_ARG, path, 0,
                            "a dyad event store of schema version %ld, and this dyad reads "
                            "version %d: code into a new file (the stories can be coded "
                            "again), or use the dyad that made it",
                            version, DY_STORE_VERSION);
    return DYAD_OK;
}
