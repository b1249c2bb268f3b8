# store.sh — dyad code --db: the SQLite event store. Re-running never
# duplicates; -j changes nothing; a run killed with SIGKILL (mid-batch, or
# while waiting on a live feed) loses nothing committed, and running it again
# ends with the database a clean run gives; other files and other schema
# versions are refused with the reason. Needs the sqlite3 command (make deps).
. tests/cli/lib.inc

command -v sqlite3 >/dev/null || { echo "skipped: no sqlite3 command (make deps installs it)"; exit 77; }
# stories in the test feed; make valgrind sets fewer (STORE_TEST_STORIES, which
# progress.sh reads too)
N=${STORE_TEST_STORIES:-6000}

# stories and events as a clean run leaves them, without the run's own marks
# (run_id, coded_at): what must be equal between runs
dump() {
    sqlite3 "$1" "SELECT story_id, date, source, url, sentences, events, discarded, not_english
                  FROM stories ORDER BY story_id;
                  SELECT event_id, story_id, sentence, date, source, target, code, quad_class,
                         goldstein, mentions, json FROM events JOIN events_jsonl USING (event_id)
                  ORDER BY event_id;
                  SELECT story_id, sentence, text FROM sentences JOIN stories USING (story_key)
                  ORDER BY story_id, sentence;
                  SELECT * FROM event_counts;"
}

# event_counts as the events give it, and what the store kept while storing:
# nothing printed when they agree
counts_differ() {
    sqlite3 "$1" "CREATE TEMP VIEW want AS SELECT coalesce(date, '') AS date, source, target,
                         coalesce(source_country, '') AS source_country,
                         coalesce(target_country, '') AS target_country,
                         coalesce(root_code, '') AS root_code, coalesce(quad_class, 0) AS quad_class,
                         coalesce(plover_type, '') AS plover_type, count(*) AS events,
                         count(goldstein) AS scored, sum(round(goldstein * 10)) AS goldstein_tenths
                  FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
                  SELECT * FROM want EXCEPT SELECT * FROM event_counts;
                  SELECT * FROM event_counts EXCEPT SELECT * FROM want;"
}
indexes() {
    sqlite3 "$1" "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master
                  WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name)"
}

awk -v n="$N" 'BEGIN { for (i = 1; i <= n; i++) {
    s = i % 3 ? "France praised Germany on Monday." : "Brazil accused Argentina of closing the border. Kenya thanked Uganda."
    printf "{\"id\":\"n%d\",\"date\":\"2026-0%d-1%d\",\"text\":\"%s\"}\n", i, 1 + i % 9, i % 10, s } }' >"$TMP/news.jsonl"

DESC="a clean run: every story and event stored, the summary says so"
run "$DYAD" code --mode shallow --db "$TMP/clean.sqlite" "$TMP/news.jsonl"
expect_rc 0
[ ! -s "$TMP/out" ] || { echo "FAIL: $DESC: wrote to stdout without --out"; failures=$((failures + 1)); }
E=$((N / 3 * 4 + N % 3))   # one event a story, two for every third
grep -q "^dyad: $TMP/clean.sqlite: $N stories and $E events stored$" "$TMP/err" ||
    { echo "FAIL: $DESC"; cat "$TMP/err"; failures=$((failures + 1)); }
[ "$(sqlite3 "$TMP/clean.sqlite" 'SELECT count(*) FROM events')" = "$E" ] ||
    { echo "FAIL: $DESC: event count"; failures=$((failures + 1)); }
[ "$(sqlite3 "$TMP/clean.sqlite" 'SELECT sum(events) FROM events_monthly')" = "$E" ] ||
    { echo "FAIL: $DESC: events_monthly does not sum to the events"; failures=$((failures + 1)); }
dump "$TMP/clean.sqlite" >"$TMP/clean.dump"
[ -z "$(counts_differ "$TMP/clean.sqlite")" ] ||
    { echo "FAIL: $DESC: event_counts is not the events counted"; failures=$((failures + 1)); }
[ "$(indexes "$TMP/clean.sqlite")" = "events_id events_story sentences_key" ] ||
    { echo "FAIL: $DESC: indexes $(indexes "$TMP/clean.sqlite")"; failures=$((failures + 1)); }

DESC="the same command again: nothing duplicated, one more run recorded"
run "$DYAD" code --mode shallow --db "$TMP/clean.sqlite" "$TMP/news.jsonl"
expect_rc 0
dump "$TMP/clean.sqlite" | cmp -s - "$TMP/clean.dump" || { echo "FAIL: $DESC"; failures=$((failures + 1)); }
[ "$(sqlite3 "$TMP/clean.sqlite" 'SELECT count(*) FROM runs')" = 2 ] ||
    { echo "FAIL: $DESC: runs"; failures=$((failures + 1)); }
[ -z "$(counts_differ "$TMP/clean.sqlite")" ] ||
    { echo "FAIL: $DESC: event_counts is not the events counted"; failures=$((failures + 1)); }

DESC="half the feed, then all of it (new stories into a store with its indexes): the clean store"
head -n $((N / 2)) "$TMP/news.jsonl" >"$TMP/half.jsonl"
"$DYAD" code --mode shallow --db "$TMP/twice.sqlite" "$TMP/half.jsonl" 2>/dev/null
run "$DYAD" code --mode shallow --db "$TMP/twice.sqlite" "$TMP/news.jsonl"
expect_rc 0
dump "$TMP/twice.sqlite" | cmp -s - "$TMP/clean.dump" || { echo "FAIL: $DESC"; failures=$((failures + 1)); }
[ -z "$(counts_differ "$TMP/twice.sqlite")" ] ||
    { echo "FAIL: $DESC: event_counts is not the events counted"; failures=$((failures + 1)); }

DESC="-j 1 and -j 4 store the same"
run "$DYAD" code --mode shallow -j 1 --db "$TMP/j1.sqlite" "$TMP/news.jsonl"
run "$DYAD" code --mode shallow -j 4 --db "$TMP/j4.sqlite" "$TMP/news.jsonl"
dump "$TMP/j1.sqlite" >"$TMP/j1.dump"
dump "$TMP/j4.sqlite" | cmp -s - "$TMP/j1.dump" || { echo "FAIL: $DESC"; failures=$((failures + 1)); }
cmp -s "$TMP/j1.dump" "$TMP/clean.dump" || { echo "FAIL: $DESC: differs from the clean run"; failures=$((failures + 1)); }

DESC="--db with --out jsonl: both, the same events"
run "$DYAD" code --mode shallow --db "$TMP/both.sqlite" --out jsonl "$TMP/news.jsonl"
expect_rc 0
sqlite3 "$TMP/both.sqlite" "SELECT json FROM events_jsonl ORDER BY event_id" >"$TMP/db.json"
sort "$TMP/out" | cmp -s - "$(sort "$TMP/db.json" >"$TMP/db.sorted"; echo "$TMP/db.sorted")" ||
    { echo "FAIL: $DESC: the stored json is not the jsonl output"; failures=$((failures + 1)); }

DESC="SIGKILL while waiting on a live feed: the stories read are committed"
mkfifo "$TMP/feed"
"$DYAD" code --mode shallow --db "$TMP/live.sqlite" "$TMP/feed" 2>"$TMP/live.err" &
pid=$!
H=$((N / 2))
{
    head -n $H "$TMP/news.jsonl"
    # wait until the stories are committed, then kill dyad while it waits
    i=0
    while [ $i -lt 600 ]; do
        n=$(sqlite3 "$TMP/live.sqlite" 'SELECT count(*) FROM stories' 2>/dev/null)
        [ "${n:-0}" = $H ] && break
        sleep 0.1
        i=$((i + 1))
    done
    kill -9 $pid
} >"$TMP/feed"
wait $pid 2>/dev/null
[ "$(sqlite3 "$TMP/live.sqlite" 'SELECT count(*) FROM stories')" = $H ] ||
    { echo "FAIL: $DESC: $(sqlite3 "$TMP/live.sqlite" 'SELECT count(*) FROM stories') stories"; failures=$((failures + 1)); }
run "$DYAD" code --mode shallow --db "$TMP/live.sqlite" "$TMP/news.jsonl"
expect_rc 0
dump "$TMP/live.sqlite" | cmp -s - "$TMP/clean.dump" ||
    { echo "FAIL: $DESC: the run repeated does not give the clean database"; failures=$((failures + 1)); }

DESC="SIGKILL in the middle of a run: an intact database; the run repeated gives the clean one"
cat "$TMP/news.jsonl" "$TMP/news.jsonl" "$TMP/news.jsonl" | sed 's/"id":"n/"id":"m/' >"$TMP/big.jsonl"
cat "$TMP/news.jsonl" >>"$TMP/big.jsonl"
"$DYAD" code -j 1 --db "$TMP/kill.sqlite" "$TMP/big.jsonl" 2>/dev/null &
pid=$!
i=0
while [ $i -lt 400 ]; do   # until the first batch (2000 stories) is committed
    n=$(sqlite3 "$TMP/kill.sqlite" 'SELECT count(*) FROM stories' 2>/dev/null)
    [ "${n:-0}" -ge 2000 ] && break
    sleep 0.05
    i=$((i + 1))
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
[ "$(sqlite3 "$TMP/kill.sqlite" 'PRAGMA integrity_check')" = ok ] ||
    { echo "FAIL: $DESC: integrity"; failures=$((failures + 1)); }
"$DYAD" code -j 1 --db "$TMP/kill.sqlite" "$TMP/big.jsonl" 2>"$TMP/err"
"$DYAD" code -j 1 --db "$TMP/kill-clean.sqlite" "$TMP/big.jsonl" 2>"$TMP/err"
dump "$TMP/kill-clean.sqlite" >"$TMP/kill-clean.dump"
dump "$TMP/kill.sqlite" | cmp -s - "$TMP/kill-clean.dump" ||
    { echo "FAIL: $DESC: differs from a clean run"; failures=$((failures + 1)); }
[ "$(indexes "$TMP/kill.sqlite")" = "events_id events_story sentences_key" ] ||
    { echo "FAIL: $DESC: indexes $(indexes "$TMP/kill.sqlite")"; failures=$((failures + 1)); }
[ -z "$(counts_differ "$TMP/kill.sqlite")" ] ||
    { echo "FAIL: $DESC: event_counts is not the events counted"; failures=$((failures + 1)); }

DESC="a file that is not a database"
printf 'hello\n' >"$TMP/notes.sqlite"
run "$DYAD" code --db "$TMP/notes.sqlite" "$TMP/news.jsonl"
expect_rc 1
grep -q "^dyad: $TMP/notes.sqlite: cannot read the database: file is not a database" "$TMP/err" ||
    { echo "FAIL: $DESC"; cat "$TMP/err"; failures=$((failures + 1)); }
[ "$(cat "$TMP/notes.sqlite")" = hello ] || { echo "FAIL: $DESC: the file was changed"; failures=$((failures + 1)); }

DESC="another application's database"
sqlite3 "$TMP/other.sqlite" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
run "$DYAD" code --db "$TMP/other.sqlite" "$TMP/news.jsonl"
expect_rc 1
grep -q "not a dyad event store (an SQLite database of another application): name a new file for --db" "$TMP/err" ||
    { echo "FAIL: $DESC"; cat "$TMP/err"; failures=$((failures + 1)); }

DESC="a store of another schema version"
sqlite3 "$TMP/clean.sqlite" "PRAGMA user_version = 9"
run "$DYAD" code --db "$TMP/clean.sqlite" "$TMP/news.jsonl"
expect_rc 1
grep -q "a dyad event store of schema version 9, and this dyad reads version 2" "$TMP/err" ||
    { echo "FAIL: $DESC"; cat "$TMP/err"; failures=$((failures + 1)); }

DESC="a store of schema version 1 (the JSON of each event in one column): refused, what to do said"
sqlite3 "$TMP/v1.sqlite" "PRAGMA application_id = 1685676388; PRAGMA user_version = 1;
                          CREATE TABLE events (event_id INTEGER NOT NULL UNIQUE, json TEXT NOT NULL);"
cp "$TMP/v1.sqlite" "$TMP/v1.orig"
run "$DYAD" code --db "$TMP/v1.sqlite" "$TMP/news.jsonl"
expect_rc 1
grep -q "^dyad: $TMP/v1.sqlite: a dyad event store of schema version 1, and this dyad reads version 2: code the stories again into a new file" "$TMP/err" ||
    { echo "FAIL: $DESC"; cat "$TMP/err"; failures=$((failures + 1)); }
cmp -s "$TMP/v1.sqlite" "$TMP/v1.orig" || { echo "FAIL: $DESC: the file was changed"; failures=$((failures + 1)); }
run "$DYAD" series --db "$TMP/v1.sqlite"
expect_rc 1
grep -q "schema version 1" "$TMP/err" || { echo "FAIL: $DESC: series"; cat "$TMP/err"; failures=$((failures + 1)); }

DESC="a symbolic link: not followed"
ln -s "$TMP/target.sqlite" "$TMP/link.sqlite"
run "$DYAD" code --db "$TMP/link.sqlite" "$TMP/news.jsonl"
expect_rc 1
grep -q "^dyad: $TMP/link.sqlite: a symbolic link: not followed (name the database itself)$" "$TMP/err" &&
    [ ! -e "$TMP/target.sqlite" ] || { echo "FAIL: $DESC"; cat "$TMP/err"; failures=$((failures + 1)); }

DESC="--db with --one-a-day: refused"
run "$DYAD" code --db "$TMP/x.sqlite" --one-a-day "$TMP/news.jsonl"
expect_rc 2
[ ! -e "$TMP/x.sqlite" ] || { echo "FAIL: $DESC: created the file"; failures=$((failures + 1)); }
finish
