# series.sh — dyad series: every period present (zeros filled), the sums
# equal the events stored, the same answer from a store, a JSON Lines and a
# TSV events file, dyads directed and undirected, groups, measures, labels
# of weeks (their Monday) and quarters, and a file that is not events refused.
. tests/cli/lib.inc

command -v sqlite3 >/dev/null || { echo "skipped: no sqlite3 command (make deps installs it)"; exit 77; }

{
    printf '{"id":"a1","date":"2026-01-05","text":"France praised Germany."}\n'
    printf '{"id":"a2","date":"2026-01-07","text":"Germany praised France."}\n'
    printf '{"id":"a3","date":"2026-01-12","text":"Russian troops attacked Ukrainian positions."}\n'
    printf '{"id":"a4","date":"2026-04-02","text":"France accused Germany of lying."}\n'
    printf '{"id":"a5","date":"2026-04-30","text":"Kenya thanked Uganda for its help."}\n'
} >"$TMP/s.jsonl"
"$DYAD" code --mode shallow --db "$TMP/ev.sqlite" "$TMP/s.jsonl" 2>/dev/null
"$DYAD" code --mode shallow --out jsonl "$TMP/s.jsonl" >"$TMP/ev.jsonl" 2>/dev/null
"$DYAD" code --mode shallow "$TMP/s.jsonl" >"$TMP/ev.tsv" 2>/dev/null

DESC="by month: every month present, zeros filled, the sum is the events stored"
run "$DYAD" series --db "$TMP/ev.sqlite"
expect_rc 0
expect out "period,events
2026-01,3
2026-02,0
2026-03,0
2026-04,2"
total=$(tail -n +2 "$TMP/out" | awk -F, '{ s += $2 } END { print s }')
[ "$total" = "$(sqlite3 "$TMP/ev.sqlite" 'SELECT count(*) FROM events')" ] ||
    { echo "FAIL: $DESC: sum $total"; failures=$((failures + 1)); }
expect err "dyad: 5 events in 4 rows"

DESC="the same from the JSON Lines and the TSV events files"
"$DYAD" series --db "$TMP/ev.sqlite" --by week --group quad >"$TMP/db.csv" 2>/dev/null
run "$DYAD" series "$TMP/ev.jsonl" --by week --group quad
expect_rc 0
cmp -s "$TMP/out" "$TMP/db.csv" || { echo "FAIL: $DESC: jsonl"; diff "$TMP/db.csv" "$TMP/out" | head; failures=$((failures + 1)); }
run "$DYAD" series "$TMP/ev.tsv" --by week --group quad
cmp -s "$TMP/out" "$TMP/db.csv" || { echo "FAIL: $DESC: tsv"; diff "$TMP/db.csv" "$TMP/out" | head; failures=$((failures + 1)); }

DESC="weeks are labelled by their Monday; quad classes 1-4 always"
head -5 "$TMP/db.csv" >"$TMP/got"
printf '%s\n' "period,quad_class,events" "2026-01-05,1,2" "2026-01-05,2,0" "2026-01-05,3,0" \
    "2026-01-05,4,0" >"$TMP/want"
diff -u "$TMP/want" "$TMP/got" || { echo "FAIL: $DESC"; failures=$((failures + 1)); }

DESC="a directed dyad, then undirected, by quarter"
run "$DYAD" series --db "$TMP/ev.sqlite" --dyad FRA,DEU --by quarter
expect out "period,events
2026-Q1,1
2026-Q2,1"
run "$DYAD" series --db "$TMP/ev.sqlite" --dyad FRA,DEU --undirected --by quarter
expect out "period,events
2026-Q1,2
2026-Q2,1"

DESC="--from/--to widen the range; a mean over no event is empty"
run "$DYAD" series --db "$TMP/ev.sqlite" --source KEN --measure goldstein-mean --by month \
    --from 2026-03-01 --to 2026-05-31 --format tsv
expect out "period	goldstein_mean
2026-03	
2026-04	3.4000
2026-05	"

DESC="a file that is not an events file"
printf 'hello\tworld\n' >"$TMP/notes.tsv"
run "$DYAD" series "$TMP/notes.tsv"
expect_rc 1
grep -q "^dyad: $TMP/notes.tsv:1: not an events file" "$TMP/err" || { echo "FAIL: $DESC"; cat "$TMP/err"; failures=$((failures + 1)); }

DESC="bad usage"
run "$DYAD" series --db "$TMP/ev.sqlite" --by fortnight
expect_rc 2
run "$DYAD" series
expect_rc 2
finish
