/* schema.c — the event store's schema, version 2 (docs/store.md).
 *
 * Events keep every field of the JSON Lines output as a column (the view
 * events_jsonl writes the line back, byte for byte), the sentence an event
 * came from once per sentence, and a story by its integer story_key, so
 * that storing a story appends rows at the end of each B-tree instead of
 * writing a 1.5 KB JSON blob per event into random pages. The stable
 * event_id is not the table's key: ids are spread over 63 bits, and as the
 * key they would send every insert to a random page of the whole table.
 * event_counts holds the events counted by day and by every field dyad
 * series filters or groups by: series and the views read it, not the
 * events, so a gigabyte store answers in milliseconds. store.c keeps it
 * equal to the events, in the same transactions. */
#include "store/schema.h"

#include "base/error.h"
#include "base/strbuf.h"

/* JSON text of a column: null, a number or a quoted, escaped string */
#define Q(col) "json_quote(" col ")"

/* In pieces, joined before use: ISO C promises string literals of 4095
 * bytes only. */
static const char *const schema_sql[] = {
    "PRAGMA application_id = 1685676388;\n"   /* DY_STORE_APP_ID */
    "PRAGMA user_version = 2;\n"              /* DY_STORE_VERSION */
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
    "  story_key   INTEGER PRIMARY KEY,\n"    /* kept when a story is stored again */
    "  story_id    TEXT NOT NULL UNIQUE,\n"
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
    "CREATE TABLE sentences (\n"              /* the sentences that gave events */
    "  story_key INTEGER NOT NULL REFERENCES stories(story_key),\n"
    "  sentence  INTEGER NOT NULL,\n"
    "  text      TEXT\n"
    ");\n"
    "CREATE TABLE events (\n"
    "  story_key      INTEGER NOT NULL REFERENCES stories(story_key),\n"
    "  event_id       INTEGER NOT NULL,\n"    /* stable: docs/formats.md */
    "  sentence       INTEGER NOT NULL,\n"
    "  date           TEXT,\n"
    "  source         TEXT NOT NULL,\n"
    "  target         TEXT NOT NULL,\n"
    "  code           TEXT NOT NULL,\n"
    "  root_code      TEXT,\n"
    "  quad_class     INTEGER,\n"             /* GDELT convention, NULL unknown */
    "  goldstein      REAL,\n"
    "  plover_type    TEXT,\n"
    "  source_country TEXT,\n"
    "  target_country TEXT,\n"
    "  place_name     TEXT,\n"
    "  place_country  TEXT,\n"
    "  place_lat      REAL,\n"
    "  place_lon      REAL,\n"
    "  mentions       INTEGER NOT NULL,\n"
    /* the rest of the JSON Lines fields, in their order there */
    "  source_text TEXT, source_start INTEGER, source_end INTEGER,\n"
    "  target_text TEXT, target_start INTEGER, target_end INTEGER,\n"
    "  verb_text TEXT, verb_start INTEGER, verb_end INTEGER,\n"
    "  pattern TEXT, pattern_file TEXT, pattern_line INTEGER, attribution TEXT,\n"
    "  date_shift INTEGER, date_origin TEXT,\n"
    "  date_text TEXT, date_start INTEGER, date_end INTEGER,\n"
    "  code_name TEXT, plover_mode TEXT, plover_context TEXT,\n"
    "  source_is_country INTEGER, source_agents TEXT,\n"
    "  target_is_country INTEGER, target_agents TEXT,\n"
    "  place_precision TEXT, place_text TEXT, place_start INTEGER, place_end INTEGER,\n"
    "  sentence_ids   TEXT,\n"                /* NULL: story_id || '_' || sentence */
    "  issues         TEXT\n"
    ");\n"
    /* counts of events with equal series fields ('' and 0 for none: a
     * key column cannot be NULL); date '' for events without one */
    "CREATE TABLE event_counts (\n"
    "  date TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,\n"
    "  source_country TEXT NOT NULL, target_country TEXT NOT NULL,\n"
    "  root_code TEXT NOT NULL, quad_class INTEGER NOT NULL, plover_type TEXT NOT NULL,\n"
    "  events INTEGER NOT NULL,\n"           /* rows of events */
    "  scored INTEGER NOT NULL,\n"           /* of them with a Goldstein score */
    "  goldstein_tenths INTEGER NOT NULL,\n"  /* their sum, in tenths: exact */
    "  PRIMARY KEY (date, source, target, source_country, target_country, root_code,\n"
    "               quad_class, plover_type)\n"
    ") WITHOUT ROWID;\n",
    "CREATE VIEW events_jsonl AS\n"
    "  SELECT e.event_id AS event_id, s.story_id AS story_id,\n"
    "    '{\"event_id\":' || e.event_id || ',\"story_id\":' || " Q("s.story_id") "\n"
    "    || ',\"sentence\":' || e.sentence || ',\"date\":' || " Q("e.date") "\n"
    "    || ',\"source\":' || " Q("e.source") " || ',\"target\":' || " Q("e.target") "\n"
    "    || ',\"code\":' || " Q("e.code") "\n"
    "    || ',\"source_text\":' || " Q("e.source_text") "\n"
    "    || ',\"source_start\":' || " Q("e.source_start") "\n"
    "    || ',\"source_end\":' || " Q("e.source_end") "\n"
    "    || ',\"target_text\":' || " Q("e.target_text") "\n"
    "    || ',\"target_start\":' || " Q("e.target_start") "\n"
    "    || ',\"target_end\":' || " Q("e.target_end") "\n"
    "    || ',\"verb_text\":' || " Q("e.verb_text") "\n"
    "    || ',\"verb_start\":' || " Q("e.verb_start") "\n"
    "    || ',\"verb_end\":' || " Q("e.verb_end") "\n"
    "    || ',\"pattern\":' || " Q("e.pattern") "\n"
    "    || CASE WHEN s.source IS NULL THEN '' ELSE ',\"story_source\":' || " Q("s.source") " END\n"
    "    || CASE WHEN s.url IS NULL THEN '' ELSE ',\"story_url\":' || " Q("s.url") " END\n"
    "    || ',\"pattern_file\":' || " Q("e.pattern_file") "\n"
    "    || ',\"pattern_line\":' || " Q("e.pattern_line") "\n"
    "    || ',\"attribution\":' || " Q("e.attribution") "\n"
    "    || ',\"date_shift\":' || " Q("e.date_shift") "\n"
    "    || ',\"date_origin\":' || " Q("e.date_origin") "\n"
    "    || ',\"date_text\":' || " Q("e.date_text") "\n"
    "    || ',\"date_start\":' || " Q("e.date_start") "\n"
    "    || ',\"date_end\":' || " Q("e.date_end") "\n"
    "    || ',\"code_name\":' || " Q("e.code_name") "\n",
    "    || ',\"root_code\":' || " Q("e.root_code") "\n"
    "    || ',\"quad_class\":' || " Q("e.quad_class") "\n"
    "    || ',\"goldstein\":' || CASE WHEN e.goldstein IS NULL THEN 'null'\n"
    "                               ELSE printf('%.1f', e.goldstein) END\n"
    "    || ',\"plover_type\":' || " Q("e.plover_type") "\n"
    "    || ',\"plover_mode\":' || " Q("e.plover_mode") "\n"
    "    || ',\"plover_context\":' || " Q("e.plover_context") "\n"
    "    || ',\"source_country\":' || " Q("e.source_country") "\n"
    "    || ',\"source_is_country\":' || CASE WHEN e.source_is_country THEN 'true' ELSE 'false' END\n"
    "    || ',\"source_agents\":' || " Q("e.source_agents") "\n"
    "    || ',\"target_country\":' || " Q("e.target_country") "\n"
    "    || ',\"target_is_country\":' || CASE WHEN e.target_is_country THEN 'true' ELSE 'false' END\n"
    "    || ',\"target_agents\":' || " Q("e.target_agents") "\n"
    "    || ',\"place_name\":' || " Q("e.place_name") "\n"
    "    || ',\"place_country\":' || " Q("e.place_country") "\n"
    "    || ',\"place_lat\":' || CASE WHEN e.place_lat IS NULL THEN 'null'\n"
    "                               ELSE printf('%.4f', e.place_lat) END\n"
    "    || ',\"place_lon\":' || CASE WHEN e.place_lon IS NULL THEN 'null'\n"
    "                               ELSE printf('%.4f', e.place_lon) END\n"
    "    || ',\"place_precision\":' || " Q("e.place_precision") "\n"
    "    || ',\"place_text\":' || " Q("e.place_text") "\n"
    "    || ',\"place_start\":' || " Q("e.place_start") "\n"
    "    || ',\"place_end\":' || " Q("e.place_end") "\n"
    "    || ',\"mentions\":' || e.mentions\n"
    "    || ',\"sentence_ids\":' || "
    Q("coalesce(e.sentence_ids, s.story_id || '_' || e.sentence)") "\n"
    "    || CASE WHEN e.issues IS NULL THEN '' ELSE ',\"issues\":' || " Q("e.issues") " END\n"
    "    || '}' AS json\n"
    "  FROM events AS e JOIN stories AS s USING (story_key);\n"
    "CREATE VIEW events_monthly AS\n"
    "  SELECT substr(date, 1, 7) AS month, nullif(source_country, '') AS source_country,\n"
    "         nullif(target_country, '') AS target_country, nullif(quad_class, 0) AS quad_class,\n"
    "         sum(events) AS events, sum(goldstein_tenths) / 10.0 AS goldstein_sum,\n"
    "         sum(goldstein_tenths) / 10.0 / nullif(sum(scored), 0) AS goldstein_mean\n"
    "  FROM event_counts WHERE date <> '' GROUP BY 1, 2, 3, 4;\n"
    "CREATE VIEW dyads AS\n"
    "  SELECT nullif(source_country, '') AS source_country,\n"
    "         nullif(target_country, '') AS target_country, sum(events) AS events,\n"
    "         sum(goldstein_tenths) / 10.0 AS goldstein_sum, min(nullif(date, '')) AS first_date,\n"
    "         max(nullif(date, '')) AS last_date\n"
    "  FROM event_counts GROUP BY 1, 2;\n"
    "CREATE VIEW event_types AS\n"
    "  SELECT nullif(root_code, '') AS root_code, nullif(plover_type, '') AS plover_type,\n"
    "         nullif(quad_class, 0) AS quad_class, sum(events) AS events\n"
    "  FROM event_counts GROUP BY 1, 2, 3;\n",
};

/* The indexes that a store being filled from empty builds at the end
 * (store.c): sorting once is several times cheaper than keeping them
 * sorted row by row. IF NOT EXISTS: a run killed before its end left a
 * store without them, and the next open builds them. */
const char dy_store_index_sql[] =
    "CREATE INDEX IF NOT EXISTS events_story ON events(story_key);\n"
    "CREATE UNIQUE INDEX IF NOT EXISTS events_id ON events(event_id);\n"
    "CREATE UNIQUE INDEX IF NOT EXISTS sentences_key ON sentences(story_key, sentence);\n";
const char dy_store_drop_index_sql[] =
    "DROP INDEX IF EXISTS events_story;\n"
    "DROP INDEX IF EXISTS events_id;\n"
    "DROP INDEX IF EXISTS sentences_key;\n";

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
        dy_strbuf sql;
        dy_strbuf_init(&sql);
        for (size_t i = 0; i < sizeof schema_sql / sizeof schema_sql[0]; i++)
            dy_strbuf_adds(&sql, schema_sql[i]);
        if (sql.failed) {
            dy_strbuf_free(&sql);
            return dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
        }
        int rc = sqlite3_exec(db, "BEGIN", NULL, NULL, &msg);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(db, sql.s, NULL, NULL, &msg);
        dy_strbuf_free(&sql);
        if (rc != SQLITE_OK ||
            sqlite3_exec(db, dy_store_index_sql, NULL, NULL, &msg) != SQLITE_OK ||
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
    if (version == 1)   /* the first store: the JSON of every event in one column */
        return dy_error_set(err, DYAD_ERR_ARG, path, 0,
                            "a dyad event store of schema version 1, and this dyad reads "
                            "version %d: code the stories again into a new file (version 2 "
                            "stores the same fields as columns), or read this one with "
                            "the dyad that made it (its events' JSON is in events.json)",
                            DY_STORE_VERSION);
    if (version != DY_STORE_VERSION)
        return dy_error_set(err, DYAD_ERR_ARG, path, 0,
                            "a dyad event store of schema version %ld, and this dyad reads "
                            "version %d: code into a new file (the stories can be coded "
                            "again), or use the dyad that made it",
                            version, DY_STORE_VERSION);
    return DYAD_OK;
}
