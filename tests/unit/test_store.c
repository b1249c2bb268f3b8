/* test_store.c — the event store through the public API: a story's events
 * stored with their stable ids and JSON, a story stored again replacing its
 * events and their counts, runs recorded, identical events folded, the
 * indexes of a store filled from empty built at its close, and files that
 * are not a store of this version (version 1 among them) refused. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dyad.h"
#include "event/event_id.h"

static char dir[] = "/tmp/dyad-store-XXXXXX";
static char path[128];

static void setup(void)
{
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/ev.sqlite", dir);
}

static void teardown(void)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_expect_eq(system(cmd), 0);
    strcpy(dir, "/tmp/dyad-store-XXXXXX");
}

TestSuite(store, .init = setup, .fini = teardown);

static long long query(const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    long long v = -1;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static dyad_event event(const char *src, const char *tgt, const char *code, int sentence)
{
    dyad_event e;
    memset(&e, 0, sizeof e);
    e.sentence = sentence;
    e.date = 20260301;
    e.source = src;
    e.target = tgt;
    e.code = code;
    e.code_name = e.root_code = e.plover_type = e.plover_mode = e.plover_context = "";
    e.pattern = "";
    e.quad_class = 1;
    return e;
}

static void put(dyad_store *s, const char *id, const dyad_event *ev, size_t n)
{
    static const char text[] = "France praised Germany. France praised Germany again.";
    dyad_story story;
    memset(&story, 0, sizeof story);
    story.id = id;
    story.date = 20260301;
    story.text = text;
    story.text_len = sizeof text - 1;
    dyad_sentence sent[2];
    memset(sent, 0, sizeof sent);
    dyad_result r;
    memset(&r, 0, sizeof r);
    r.events = ev;
    r.n_events = n;
    r.sentences = sent;
    r.n_sentences = 2;
    dyad_error err = {0};
    cr_assert_eq(dyad_store_put(s, &story, &r, &err), DYAD_OK, "%s", err.message);
}

Test(store, stores_replaces_and_records_runs)
{
    dyad_store *s;
    dyad_error err = {0};
    dyad_store_run run = {"test.project", 0x1234, "shallow", "dyad code --db x"};
    cr_assert_eq(dyad_store_open(path, &run, &s, &err), DYAD_OK, "%s", err.message);
    dyad_event ev[3] = {event("FRA", "DEU", "051", 1), event("FRA", "DEU", "051", 2),
                        event("DEU", "FRA", "040", 2)};
    put(s, "s1", ev, 3);
    put(s, "s2", ev + 2, 1);
    cr_expect_eq(dyad_store_stories(s), 2);
    cr_expect_eq(dyad_store_events(s), 3, "two identical events of s1 are one");
    cr_assert_eq(dyad_store_close(s, &err), DYAD_OK, "%s", err.message);

    cr_expect_eq(query("SELECT count(*) FROM events"), 3);
    cr_expect_eq(query("SELECT mentions FROM events JOIN stories USING (story_key) "
                       "WHERE story_id = 's1' AND code = '051'"), 2);
    cr_expect_eq(query("SELECT event_id FROM events_jsonl WHERE story_id = 's2'"),
                 dy_event_id("s2", &ev[2]));
    cr_expect_eq(query("SELECT count(*) FROM events_jsonl WHERE json LIKE '{\"event_id\":%'"), 3);
    cr_expect_eq(query("SELECT count(*) FROM events_jsonl WHERE json LIKE "
                       "'%\"sentence_ids\":\"s1_1;s1_2\"%'"), 1, "the folded event's sentences");
    cr_expect_eq(query("SELECT count(*) FROM events WHERE sentence_ids IS NULL"), 2);
    cr_expect_eq(query("SELECT count(*) FROM sentences"), 3, "s1's two and s2's one");
    cr_expect_eq(query("SELECT sum(events) FROM event_counts"), 3);
    cr_expect_eq(query("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                       "('events_id', 'events_story', 'sentences_key')"), 3,
                 "built when the store filled from empty is closed");
    cr_expect_eq(query("SELECT count(*) FROM runs WHERE dict_checksum = '0000000000001234'"), 1);

    /* s1 again with one event: it replaces the two it had */
    cr_assert_eq(dyad_store_open(path, &run, &s, &err), DYAD_OK, "%s", err.message);
    put(s, "s1", ev + 2, 1);
    cr_assert_eq(dyad_store_close(s, &err), DYAD_OK);
    cr_expect_eq(query("SELECT count(*) FROM events_jsonl WHERE story_id = 's1'"), 1);
    cr_expect_eq(query("SELECT count(*) FROM events"), 2);
    cr_expect_eq(query("SELECT sum(events) FROM event_counts"), 2, "s1's old events uncounted");
    cr_expect_eq(query("SELECT count(*) FROM event_counts WHERE source = 'FRA'"), 0, "dropped at 0");
    cr_expect_eq(query("SELECT events FROM event_counts WHERE source = 'DEU'"), 2);
    cr_expect_eq(query("SELECT count(*) FROM sentences"), 2);
    cr_expect_eq(query("SELECT count(*) FROM stories"), 2);
    cr_expect_eq(query("SELECT count(*) FROM runs"), 2);
    cr_expect_eq(query("SELECT run_id FROM stories WHERE story_id = 's1'"), 2);
    cr_expect_eq(query("SELECT run_id FROM stories WHERE story_id = 's2'"), 1);
    cr_expect_eq(query("PRAGMA user_version"), 2);
}

Test(store, refuses_what_is_not_a_store_of_this_version)
{
    dyad_store *s = (dyad_store *)1;
    dyad_error err = {0};
    FILE *f = fopen(path, "w");
    fputs("not a database\n", f);
    fclose(f);
    cr_expect_eq(dyad_store_open(path, NULL, &s, &err), DYAD_ERR_IO);
    cr_expect_null(s);
    cr_expect(strstr(err.message, "not a database"), "%s", err.message);
    unlink(path);

    cr_assert_eq(dyad_store_open(path, NULL, &s, &err), DYAD_OK, "%s", err.message);
    cr_assert_eq(dyad_store_close(s, &err), DYAD_OK);
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(db, "PRAGMA user_version = 3", NULL, NULL, NULL), SQLITE_OK);
    cr_expect_eq(dyad_store_open(path, NULL, &s, &err), DYAD_ERR_ARG);
    cr_expect(strstr(err.message, "schema version 3"), "%s", err.message);
    /* the first schema: said what to do */
    cr_assert_eq(sqlite3_exec(db, "PRAGMA user_version = 1", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    cr_expect_eq(dyad_store_open(path, NULL, &s, &err), DYAD_ERR_ARG);
    cr_expect(strstr(err.message, "schema version 1, and this dyad reads version 2: code the "
                                  "stories again into a new file"), "%s", err.message);

    cr_expect_eq(dyad_store_open(NULL, NULL, &s, &err), DYAD_ERR_ARG);
    cr_expect_eq(dyad_store_put(NULL, NULL, NULL, &err), DYAD_ERR_ARG);
    cr_expect_eq(dyad_store_close(NULL, &err), DYAD_OK);
}
