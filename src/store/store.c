/* store.c — the event store (dyad_store_*): stories and their events in an
 * SQLite database, replaced story by story so that re-runs never duplicate.
 *
 * Writes go in batches of STORE_BATCH stories, one transaction each, in WAL
 * mode with synchronous=NORMAL: a batch is on disk once committed, and a
 * crash or kill -9 loses at most the batch being written, never corrupts
 * what was committed. Because a story's row and its events are replaced
 * together, coding the same input again after a kill ends with exactly the
 * stories and events of a clean run (only the runs table and coded_at tell
 * the difference).
 *
 * A store opened empty is filled without its secondary indexes (events by
 * story and by id, sentences by story), which are built once, sorted, when
 * it is closed: keeping three indexes in order row by row was most of the
 * cost of storing. Nothing needs them while it fills, unless a story comes
 * a second time; then they are built at once. A run killed before its end
 * leaves them missing, and the next open builds them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "base/error.h"
#include "event/dedup.h"
#include "event/event_id.h"
#include "io/writer.h"
#include "store/counts.h"
#include "store/rows.h"
#include "store/schema.h"

#define STORE_BATCH 2000   /* stories a transaction */

struct dyad_store {
    sqlite3 *db;
    char *path;
    sqlite3_stmt *find_story, *new_story, *update_story, *old_counts, *del_events,
        *del_sentences, *put_event, *put_sentence, *owner;
    long long run_id;
    int in_tx;
    int bulk;                /* filling from empty: the indexes come at the end */
    long batch;              /* stories in the open transaction */
    long stories, events;    /* stored by this handle */
    dy_story_dedup dd;
    dy_counts counts;
    dy_strbuf ids;           /* sentence_ids as the JSON would write it */
    time_t now;              /* coded_at, formatted once a second */
    char now_text[32];
    int *seen;               /* sentences of the story stored so far */
    size_t n_seen, cap_seen;
};

static dyad_status db_error(dyad_store *s, const char *what, dyad_error *err)
{
    return dy_error_set(err, DYAD_ERR_IO, s->path, 0, "%s: %s", what, sqlite3_errmsg(s->db));
}

static void utc_format(time_t t, char *buf, size_t n)
{
    struct tm tm;
    if (gmtime_r(&t, &tm))
        strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
    else
        snprintf(buf, n, "unknown");
}

static void utc_now(char *buf, size_t n)
{
    utc_format(time(NULL), buf, n);
}

static const char story_cols[] =
    "date = ?2, source = ?3, url = ?4, sentences = ?5, events = ?6, discarded = ?7, "
    "not_english = ?8, run_id = ?9, coded_at = ?10";

static dyad_status prepare(dyad_store *s, dyad_error *err)
{
    char update[512];
    snprintf(update, sizeof update, "UPDATE stories SET %s WHERE story_key = ?1", story_cols);
    const struct {
        sqlite3_stmt **st;
        const char *sql;
    } all[] = {
        {&s->find_story, "SELECT story_key FROM stories WHERE story_id = ?1"},
        {&s->new_story,
         "INSERT INTO stories (story_id, date, source, url, sentences, events, discarded, "
         "not_english, run_id, coded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"},
        {&s->update_story, update},
        /* the counts' keys of a story's events (dy_row_count_key) */
        {&s->old_counts,
         "SELECT coalesce(date, ''), source, target, coalesce(source_country, ''), "
         "coalesce(target_country, ''), coalesce(root_code, ''), coalesce(quad_class, 0), "
         "coalesce(plover_type, ''), goldstein FROM events WHERE story_key = ?1"},
        {&s->del_events, "DELETE FROM events WHERE story_key = ?1"},
        {&s->del_sentences, "DELETE FROM sentences WHERE story_key = ?1"},
        {&s->put_event, dy_row_event_sql},
        {&s->put_sentence, "INSERT INTO sentences (story_key, sentence, text) VALUES (?1, ?2, ?3)"},
        {&s->owner,
         "SELECT story_id FROM events JOIN stories USING (story_key) WHERE event_id = ?1"},
    };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (sqlite3_prepare_v2(s->db, all[i].sql, -1, all[i].st, NULL) != SQLITE_OK)
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

/* The two event ids that stop the indexes being built (a 1 in 2^63
 * accident), named in the error. */
static dyad_status duplicate_id(dyad_store *s, dyad_error *err)
{
    sqlite3_stmt *st;
    char msg[400] = "";
    if (sqlite3_prepare_v2(s->db,
                           "SELECT event_id, group_concat(story_id, ' and ') FROM events JOIN "
                           "stories USING (story_key) WHERE event_id = (SELECT event_id FROM "
                           "events GROUP BY event_id HAVING count(*) > 1 LIMIT 1)",
                           -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 1))
        snprintf(msg, sizeof msg, "event id %lld is in stories %s (a 1 in 2^63 chance)",
                 (long long)sqlite3_column_int64(st, 0),
                 (const char *)sqlite3_column_text(st, 1));
    sqlite3_finalize(st);
    if (!msg[0])
        return db_error(s, "cannot index the event store", err);
    return dy_error_set(err, DYAD_ERR_IO, s->path, 0, "%s", msg);
}

/* Builds the missing indexes, in the open transaction or in one of their
 * own, and leaves bulk mode. */
static dyad_status build_indexes(dyad_store *s, dyad_error *err)
{
    int own = !s->in_tx;
    if (own && sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return db_error(s, "cannot index the event store", err);
    if (sqlite3_exec(s->db, dy_store_index_sql, NULL, NULL, NULL) != SQLITE_OK) {
        dyad_status st = (sqlite3_extended_errcode(s->db) == SQLITE_CONSTRAINT_UNIQUE)
                             ? duplicate_id(s, err)
                             : db_error(s, "cannot index the event store", err);
        if (own)
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return st;
    }
    if (own && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        return db_error(s, "cannot index the event store", err);
    s->bulk = 0;
    return DYAD_OK;
}

/* Bulk mode when the store has no story yet; otherwise any index a killed
 * bulk run left unbuilt is built now. */
static dyad_status choose_mode(dyad_store *s, dyad_error *err)
{
    sqlite3_stmt *st;
    int empty = 0;
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return db_error(s, "cannot write to the event store", err);
    if (sqlite3_prepare_v2(s->db, "SELECT NOT EXISTS (SELECT 1 FROM stories)", -1, &st,
                           NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        empty = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    s->in_tx = 1;
    dyad_status rc = DYAD_OK;
    if (empty) {
        if (sqlite3_exec(s->db, dy_store_drop_index_sql, NULL, NULL, NULL) != SQLITE_OK)
            rc = db_error(s, "cannot write to the event store", err);
        s->bulk = 1;
    } else {
        rc = build_indexes(s, err);
    }
    s->in_tx = 0;
    if (sqlite3_exec(s->db, rc == DYAD_OK ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL) !=
            SQLITE_OK && rc == DYAD_OK)
        rc = db_error(s, "cannot write to the event store", err);
    return rc;
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
    dy_counts_init(&s->counts);
    dy_strbuf_init(&s->ids);
    dyad_status st = DYAD_OK;
    /* NOFOLLOW: a planted symlink is not written through (base/safe_write.c) */
    int rc = sqlite3_open_v2(path, &s->db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW |
                                 /* one thread a handle (dyad.h): no mutex per call */
                                 SQLITE_OPEN_NOMUTEX,
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
        st = choose_mode(s, err);
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

/* A story half stored must not be committed: the open batch is rolled
 * back (its stories are stored again when the run is repeated). */
static dyad_status put_failed(dyad_store *s, dyad_status st)
{
    if (s->in_tx)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_tx = 0;
    s->batch = 0;
    dy_counts_reset(&s->counts);
    return st;
}

dyad_status dyad_store_commit(dyad_store *s, dyad_error *err)
{
    if (!s || !s->in_tx)
        return DYAD_OK;
    if (dy_counts_flush(&s->counts, s->db) != SQLITE_OK)
        return put_failed(s, db_error(s, "cannot count the events in the event store", err));
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        return db_error(s, "cannot commit to the event store", err);
    s->in_tx = 0;
    s->batch = 0;
    return DYAD_OK;
}

/* Runs a bound statement that returns no row, and resets it. */
static int step_done(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc;
}

/* The events a story had are taken out of the counts, then deleted with
 * its sentences. */
static dyad_status forget_story(dyad_store *s, long long key, dyad_error *err)
{
    if (s->bulk) {
        dyad_status st = build_indexes(s, err);   /* the deletes need them */
        if (st != DYAD_OK)
            return st;
    }
    sqlite3_stmt *q = s->old_counts;
    sqlite3_bind_int64(q, 1, key);
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        dy_count_key k = {
            (const char *)sqlite3_column_text(q, 0), (const char *)sqlite3_column_text(q, 1),
            (const char *)sqlite3_column_text(q, 2), (const char *)sqlite3_column_text(q, 3),
            (const char *)sqlite3_column_text(q, 4), (const char *)sqlite3_column_text(q, 5),
            (const char *)sqlite3_column_text(q, 7), sqlite3_column_int(q, 6)};
        int scored = sqlite3_column_type(q, 8) != SQLITE_NULL;
        long long g = scored ? dy_goldstein_tenths(sqlite3_column_double(q, 8)) : 0;
        if (dy_counts_add(&s->counts, &k, -1, -scored, -g) != DYAD_OK) {
            sqlite3_reset(q);
            return dy_error_set(err, DYAD_ERR_NOMEM, s->path, 0, "out of memory");
        }
    }
    sqlite3_reset(q);
    if (rc != SQLITE_DONE)
        return db_error(s, "cannot replace a story's events", err);
    sqlite3_bind_int64(s->del_events, 1, key);
    sqlite3_bind_int64(s->del_sentences, 1, key);
    if (step_done(s->del_events) != SQLITE_DONE || step_done(s->del_sentences) != SQLITE_DONE)
        return db_error(s, "cannot replace a story's events", err);
    return DYAD_OK;
}

/* Stores the story's row, new or replacing the old one (which keeps its
 * story_key), and sets *key. */
static dyad_status put_story(dyad_store *s, const dyad_story *story, const dyad_result *res,
                             long events, long long *key, dyad_error *err)
{
    sqlite3_stmt *f = s->find_story;
    sqlite3_bind_text(f, 1, story->id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(f);
    long long old = rc == SQLITE_ROW ? sqlite3_column_int64(f, 0) : 0;
    sqlite3_reset(f);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_error(s, "cannot store a story", err);
    if (rc == SQLITE_ROW) {
        dyad_status st = forget_story(s, old, err);
        if (st != DYAD_OK)
            return st;
    }
    time_t t = time(NULL);
    if (t != s->now) {
        s->now = t;
        utc_format(t, s->now_text, sizeof s->now_text);
    }
    sqlite3_stmt *st = old ? s->update_story : s->new_story;
    if (old)
        sqlite3_bind_int64(st, 1, old);
    else
        sqlite3_bind_text(st, 1, story->id, -1, SQLITE_STATIC);
    dy_row_bind_date(st, 2, story->date);
    /* as given: the JSON writes story_source "" but not a missing one */
    if (story->source) sqlite3_bind_text(st, 3, story->source, -1, SQLITE_STATIC);
    if (story->url) sqlite3_bind_text(st, 4, story->url, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 5, (sqlite3_int64)res->n_sentences);
    sqlite3_bind_int64(st, 6, events);
    sqlite3_bind_int(st, 7, res->discarded != 0);
    sqlite3_bind_int(st, 8, res->not_english != 0);
    sqlite3_bind_int64(st, 9, s->run_id);
    sqlite3_bind_text(st, 10, s->now_text, -1, SQLITE_STATIC);
    if (step_done(st) != SQLITE_DONE)
        return db_error(s, "cannot store a story", err);
    *key = old ? old : sqlite3_last_insert_rowid(s->db);
    return DYAD_OK;
}

/* The sentence of an event, once a story. */
static dyad_status put_sentence(dyad_store *s, long long key, const dyad_story *story,
                                const dyad_result *res, int sentence, dyad_error *err)
{
    for (size_t i = 0; i < s->n_seen; i++)
        if (s->seen[i] == sentence)
            return DYAD_OK;
    if (s->n_seen == s->cap_seen) {
        size_t cap = s->cap_seen ? 2 * s->cap_seen : 16;
        int *n = realloc(s->seen, cap * sizeof *n);
        if (!n)
            return dy_error_set(err, DYAD_ERR_NOMEM, s->path, 0, "out of memory");
        s->seen = n;
        s->cap_seen = cap;
    }
    s->seen[s->n_seen++] = sentence;
    sqlite3_stmt *st = s->put_sentence;
    sqlite3_bind_int64(st, 1, key);
    sqlite3_bind_int(st, 2, sentence);
    if (sentence >= 1 && (size_t)sentence <= res->n_sentences && story->text) {
        dyad_span sp = res->sentences[sentence - 1].span;
        if (sp.start <= sp.end && sp.end <= story->text_len)
            sqlite3_bind_text(st, 3, story->text + sp.start, (int)(sp.end - sp.start),
                              SQLITE_STATIC);
    }
    if (step_done(st) != SQLITE_DONE)
        return db_error(s, "cannot store a sentence", err);
    return DYAD_OK;
}

static dyad_status put_event(dyad_store *s, long long key, const dyad_story *story,
                             const dyad_event *ev, int mentions, const char *sentence_ids,
                             dyad_error *err)
{
    int64_t id = dy_event_id(story->id, ev);
    dy_row_bind_event(s->put_event, key, id, story, ev, mentions, sentence_ids);
    int rc = step_done(s->put_event);
    if (rc == SQLITE_DONE) {
        dy_count_key k;
        char date[16];
        dy_row_count_key(ev, date, &k);
        long long g = ev->has_goldstein ? dy_goldstein_tenths(ev->goldstein) : 0;
        if (dy_counts_add(&s->counts, &k, 1, ev->has_goldstein != 0, g) != DYAD_OK)
            return dy_error_set(err, DYAD_ERR_NOMEM, s->path, 0, "out of memory");
        return DYAD_OK;
    }
    if ((rc & 0xff) == SQLITE_CONSTRAINT) {   /* the id is another story's */
        char other[200] = "?";
        sqlite3_bind_int64(s->owner, 1, id);
        if (sqlite3_step(s->owner) == SQLITE_ROW)
            snprintf(other, sizeof other, "%s", (const char *)sqlite3_column_text(s->owner, 0));
        sqlite3_reset(s->owner);
        return dy_error_set(err, DYAD_ERR_IO, s->path, 0,
                            "story %s: event id %lld is already story %s's (a 1 in 2^63 "
                            "chance, or two stories with one id in different runs)",
                            story->id, (long long)id, other);
    }
    return db_error(s, "cannot store an event", err);
}

/* "ID_1;ID_4" when the event was in other sentences too; NULL for the
 * common "ID_<its sentence>", which the view events_jsonl rebuilds. */
static const char *sentence_ids(dyad_store *s, const dyad_story *story,
                                const dyad_result *res, size_t i)
{
    if (s->dd.count[i] == 1)
        return NULL;
    const char *ids = dy_story_dedup_ids(&s->dd, story->id, res->events, res->n_events, i);
    dy_strbuf_clear(&s->ids);
    dy_strbuf_adds(&s->ids, story->id);
    dy_strbuf_addc(&s->ids, '_');
    dy_strbuf_add_long(&s->ids, res->events[i].sentence);
    return s->ids.s && !strcmp(ids, s->ids.s) ? NULL : ids;
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

    long long key = 0;
    dyad_status rc = put_story(s, story, res, n, &key, err);
    s->n_seen = 0;
    for (size_t i = 0; rc == DYAD_OK && i < res->n_events; i++) {
        if (!dy_story_dedup_first(&s->dd, i))
            continue;
        const dyad_event *ev = &res->events[i];
        rc = put_sentence(s, key, story, res, ev->sentence, err);
        if (rc == DYAD_OK)
            rc = put_event(s, key, story, ev, s->dd.count[i], sentence_ids(s, story, res, i),
                           err);
    }
    if (rc != DYAD_OK)
        return put_failed(s, rc);
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
    if (st == DYAD_OK && s->bulk && s->db)
        st = build_indexes(s, err);
    sqlite3_stmt *all[] = {s->find_story,   s->new_story,    s->update_story,
                           s->old_counts,   s->del_events,   s->del_sentences,
                           s->put_event,    s->put_sentence, s->owner};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        sqlite3_finalize(all[i]);
    dy_counts_free(&s->counts);
    if (s->db && sqlite3_close(s->db) != SQLITE_OK && st == DYAD_OK)
        st = db_error(s, "cannot close the event store", err);
    dy_story_dedup_free(&s->dd);
    dy_strbuf_free(&s->ids);
    free(s->seen);
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
