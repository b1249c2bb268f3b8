/* store.c — the event store (dyad_store_*): stories and their events in an
 * SQLite database, replaced story by story so that re-runs never duplicate.
 *
 * Writes go in batches of STORE_BATCH stories, one transaction each, in WAL
 * mode with synchronous=NORMAL: a batch is on disk once committed, and a
 * crash or kill -9 loses at most the batch being written, never corrupts
 * what was committed. Because a story's row and its events are replaced
 * together, coding the same input again after a kill ends with exactly the
 * stories and events of a clean run (only the runs table and coded_at tell
 * the difference). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "base/error.h"
#include "base/strbuf.h"
#include "event/dedup.h"
#include "event/event_id.h"
#include "io/writer.h"
#include "store/schema.h"

#define STORE_BATCH 2000   /* stories a transaction */

struct dyad_store {
    sqlite3 *db;
    char *path;
    sqlite3_stmt *del_events, *put_story, *put_event, *owner;
    long long run_id;
    int in_tx;
    long batch;              /* stories in the open transaction */
    long stories, events;    /* stored by this handle */
    dy_story_dedup dd;
    dy_strbuf json;
    dy_out_options opt;      /* the JSON of the default output */
};

static dyad_status db_error(dyad_store *s, const char *what, dyad_error *err)
{
    return dy_error_set(err, DYAD_ERR_IO, s->path, 0, "%s: %s", what, sqlite3_errmsg(s->db));
}

static void utc_now(char *buf, size_t n)
{
    time_t t = time(NULL);
    struct tm tm;
    if (gmtime_r(&t, &tm))
        strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
    else
        snprintf(buf, n, "unknown");
}

static const char put_story_sql[] =
    "INSERT OR REPLACE INTO stories (story_id, date, source, url, sentences, events, "
    "discarded, not_english, run_id, coded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
static const char put_event_sql[] =
    "INSERT INTO events (event_id, story_id, sentence, date, source, target, code, root_code, "
    "quad_class, goldstein, plover_type, source_country, target_country, place_name, "
    "place_country, place_lat, place_lon, mentions, json, sentence_text) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
    "?20)";

static dyad_status prepare(dyad_store *s, dyad_error *err)
{
    if (sqlite3_prepare_v2(s->db, "DELETE FROM events WHERE story_id = ?1", -1, &s->del_events,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, put_story_sql, -1, &s->put_story, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, put_event_sql, -1, &s->put_event, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, "SELECT story_id FROM events WHERE event_id = ?1", -1,
                           &s->owner, NULL) != SQLITE_OK)
        return db_error(s, "cannot prepare the statements of the event store", err);
    return DYAD_OK;
}

static dyad_status record_run(dyad_store *s, const dyad_store_run *run, dyad_error *err)
{
    sqlite3_stmt *st;
    char now[32], sum[24] = "";
    utc_now(now, sizeof now);
    if (run && run->dict_checksum)
        snprintf(sum, sizeof sum, "%016llx", run->dict_checksum);
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO runs (started_at, dyad_version, dict, dict_checksum, "
                           "mode, command) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                           -1, &st, NULL) != SQLITE_OK)
        return db_error(s, "cannot record the run", err);
    sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, DYAD_VERSION, -1, SQLITE_STATIC);
    if (run && run->dict) sqlite3_bind_text(st, 3, run->dict, -1, SQLITE_TRANSIENT);
    if (sum[0]) sqlite3_bind_text(st, 4, sum, -1, SQLITE_TRANSIENT);
    if (run && run->mode) sqlite3_bind_text(st, 5, run->mode, -1, SQLITE_TRANSIENT);
    if (run && run->command) sqlite3_bind_text(st, 6, run->command, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return db_error(s, "cannot record the run", err);
    s->run_id = sqlite3_last_insert_rowid(s->db);
    return DYAD_OK;
}

dyad_status dyad_store_open(const char *path, const dyad_store_run *run, dyad_store **out,
                            dyad_error *err)
{
    if (!path || !out)
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dyad_store_open: NULL argument");
    *out = NULL;
    struct stat sb;
    if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode))
        return dy_error_set(err, DYAD_ERR_ARG, path, 0,
                            "a symbolic link: not followed (name the database itself)");
    dyad_store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        return dy_error_set(err, DYAD_ERR_NOMEM, path, 0, "out of memory");
    }
    dy_story_dedup_init(&s->dd);
    dy_strbuf_init(&s->json);
    dyad_status st = DYAD_OK;
    /* NOFOLLOW: a planted symlink is not written through (base/safe_write.c) */
    int rc = sqlite3_open_v2(path, &s->db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW,
                             NULL);
    if (rc != SQLITE_OK) {
        st = dy_error_set(err, DYAD_ERR_IO, path, 0, "cannot open the event store: %s",
                          s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
    } else {
        sqlite3_busy_timeout(s->db, 5000);   /* another writer: wait, then say so */
        sqlite3_extended_result_codes(s->db, 1);
        /* a file that is not SQLite fails here, at its first read */
        st = dy_store_schema(s->db, path, 1, err);
    }
    if (st == DYAD_OK &&
        (sqlite3_exec(s->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK ||
         sqlite3_exec(s->db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL) != SQLITE_OK ||
        /* 64 MiB of page cache: the indexes' pages stay in memory */
        sqlite3_exec(s->db, "PRAGMA cache_size = -65536", NULL, NULL, NULL) != SQLITE_OK))
        st = db_error(s, "cannot set the journal mode", err);
    if (st == DYAD_OK)
        st = record_run(s, run, err);
    if (st == DYAD_OK)
        st = prepare(s, err);
    if (st != DYAD_OK) {
        dyad_store_close(s, NULL);
        return st;
    }
    *out = s;
    return DYAD_OK;
}

dyad_status dyad_store_commit(dyad_store *s, dyad_error *err)
{
    if (!s || !s->in_tx)
        return DYAD_OK;
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        return db_error(s, "cannot commit to the event store", err);
    s->in_tx = 0;
    s->batch = 0;
    return DYAD_OK;
}

static void bind_date(sqlite3_stmt *st, int col, int date)
{
    if (date <= 0 || date > 99991231) {
        sqlite3_bind_null(st, col);
        return;
    }
    char d[11];
    snprintf(d, sizeof d, "%04d-%02d-%02d", date / 10000, date / 100 % 100, date % 100);
    sqlite3_bind_text(st, col, d, 10, SQLITE_TRANSIENT);
}

static void bind_text_or_null(sqlite3_stmt *st, int col, const char *s)
{
    if (s && *s)
        sqlite3_bind_text(st, col, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, col);
}

/* Runs a bound statement that returns no row, and resets it. */
static int step_done(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc;
}

static dyad_status put_event(dyad_store *s, const dyad_story *story, const dyad_result *res,
                             const dyad_event *ev, int mentions, const char *sentence_ids,
                             dyad_error *err)
{
    dy_out_event o;
    memset(&o, 0, sizeof o);
    o.story = story;
    o.ev = ev;
    o.event_id = dy_event_id(story->id, ev);
    o.x.mentions = mentions;
    o.x.sentence_ids = sentence_ids ? sentence_ids : "";
    o.x.story_ids = "";
    o.opt = &s->opt;
    dy_strbuf_clear(&s->json);
    dy_jsonl_event(&s->json, &o);
    if (s->json.failed)
        return dy_error_set(err, DYAD_ERR_NOMEM, s->path, 0, "out of memory");
    size_t jlen = s->json.len;
    if (jlen && s->json.s[jlen - 1] == '\n')
        jlen--;

    sqlite3_stmt *st = s->put_event;
    sqlite3_bind_int64(st, 1, o.event_id);
    sqlite3_bind_text(st, 2, story->id, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, ev->sentence);
    bind_date(st, 4, ev->date);
    sqlite3_bind_text(st, 5, ev->source ? ev->source : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, ev->target ? ev->target : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, ev->code ? ev->code : "", -1, SQLITE_STATIC);
    bind_text_or_null(st, 8, ev->root_code);
    sqlite3_bind_int(st, 9, ev->quad_class);
    if (ev->has_goldstein)
        sqlite3_bind_double(st, 10, ev->goldstein);
    bind_text_or_null(st, 11, ev->plover_type);
    bind_text_or_null(st, 12, ev->source_parts.country);
    bind_text_or_null(st, 13, ev->target_parts.country);
    if (ev->place.precision != DYAD_PLACE_NONE) {
        bind_text_or_null(st, 14, ev->place.name);
        bind_text_or_null(st, 15, ev->place.country);
        sqlite3_bind_double(st, 16, ev->place.lat);
        sqlite3_bind_double(st, 17, ev->place.lon);
    }
    sqlite3_bind_int(st, 18, mentions);
    sqlite3_bind_text(st, 19, s->json.s, (int)jlen, SQLITE_STATIC);
    if (ev->sentence >= 1 && (size_t)ev->sentence <= res->n_sentences && story->text) {
        dyad_span sp = res->sentences[ev->sentence - 1].span;
        if (sp.start <= sp.end && sp.end <= story->text_len)
            sqlite3_bind_text(st, 20, story->text + sp.start, (int)(sp.end - sp.start),
                              SQLITE_STATIC);
    }
    int rc = step_done(st);
    if (rc == SQLITE_DONE)
        return DYAD_OK;
    if ((rc & 0xff) == SQLITE_CONSTRAINT) {   /* the id is another story's */
        char other[200] = "?";
        sqlite3_bind_int64(s->owner, 1, o.event_id);
        if (sqlite3_step(s->owner) == SQLITE_ROW)
            snprintf(other, sizeof other, "%s", (const char *)sqlite3_column_text(s->owner, 0));
        sqlite3_reset(s->owner);
        return dy_error_set(err, DYAD_ERR_IO, s->path, 0,
                            "story %s: event id %lld is already story %s's (a 1 in 2^63 "
                            "chance, or two stories with one id in different runs)",
                            story->id, (long long)o.event_id, other);
    }
    return db_error(s, "cannot store an event", err);
}

/* A story half stored must not be committed: the open batch is rolled
 * back (its stories are stored again when the run is repeated). */
static dyad_status put_failed(dyad_store *s, dyad_status st)
{
    if (s->in_tx)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_tx = 0;
    s->batch = 0;
    return st;
}

dyad_status dyad_store_put(dyad_store *s, const dyad_story *story, const dyad_result *res,
                           dyad_error *err)
{
    if (!s || !story || !story->id || !res)
        return dy_error_set(err, DYAD_ERR_ARG, "", 0, "dyad_store_put: NULL argument");
    if (!s->in_tx) {
        if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
            return db_error(s, "cannot write to the event store", err);
        s->in_tx = 1;
    }
    if (dy_story_dedup_run(&s->dd, res->events, res->n_events) != DYAD_OK)
        return put_failed(s, dy_error_set(err, DYAD_ERR_NOMEM, s->path, 0, "out of memory"));
    long n = 0;
    for (size_t i = 0; i < res->n_events; i++)
        n += dy_story_dedup_first(&s->dd, i);

    sqlite3_bind_text(s->del_events, 1, story->id, -1, SQLITE_STATIC);
    if (step_done(s->del_events) != SQLITE_DONE)
        return put_failed(s, db_error(s, "cannot replace a story's events", err));

    char now[32];
    utc_now(now, sizeof now);
    sqlite3_stmt *st = s->put_story;
    sqlite3_bind_text(st, 1, story->id, -1, SQLITE_STATIC);
    bind_date(st, 2, story->date);
    bind_text_or_null(st, 3, story->source);
    bind_text_or_null(st, 4, story->url);
    sqlite3_bind_int64(st, 5, (sqlite3_int64)res->n_sentences);
    sqlite3_bind_int64(st, 6, n);
    sqlite3_bind_int(st, 7, res->discarded != 0);
    sqlite3_bind_int(st, 8, res->not_english != 0);
    sqlite3_bind_int64(st, 9, s->run_id);
    sqlite3_bind_text(st, 10, now, -1, SQLITE_TRANSIENT);
    if (step_done(st) != SQLITE_DONE)
        return put_failed(s, db_error(s, "cannot store a story", err));

    for (size_t i = 0; i < res->n_events; i++) {
        if (!dy_story_dedup_first(&s->dd, i))
            continue;
        const char *ids = dy_story_dedup_ids(&s->dd, story->id, res->events, res->n_events, i);
        dyad_status rc = put_event(s, story, res, &res->events[i], s->dd.count[i], ids, err);
        if (rc != DYAD_OK)
            return put_failed(s, rc);
    }
    s->stories++;
    s->events += n;
    if (++s->batch >= STORE_BATCH)
        return dyad_store_commit(s, err);
    return DYAD_OK;
}

dyad_status dyad_store_close(dyad_store *s, dyad_error *err)
{
    if (!s)
        return DYAD_OK;
    dyad_status st = dyad_store_commit(s, err);
    sqlite3_finalize(s->del_events);
    sqlite3_finalize(s->put_story);
    sqlite3_finalize(s->put_event);
    sqlite3_finalize(s->owner);
    if (s->db && sqlite3_close(s->db) != SQLITE_OK && st == DYAD_OK)
        st = db_error(s, "cannot close the event store", err);
    dy_story_dedup_free(&s->dd);
    dy_strbuf_free(&s->json);
    free(s->path);
    free(s);
    return st;
}

long dyad_store_stories(const dyad_store *s)
{
    return s ? s->stories : 0;
}

long dyad_store_events(const dyad_store *s)
{
    return s ? s->events : 0;
}
