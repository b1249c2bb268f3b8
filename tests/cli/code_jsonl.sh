# code_jsonl.sh — `dyad code` on JSON Lines input: TSV and JSONL output, bad
# lines reported with file:line and skipped, the summary line, exit status.
. tests/cli/lib.inc

DESC="jsonl to tsv"
run "$DYAD" code --dict "$MINI" "$STO/stories.jsonl"
expect_rc 3
expect_file out "$FIX/jsonl.tsv"
expect_file err "$FIX/jsonl.err"

DESC="jsonl to jsonl, --in given, from stdin"
"$DYAD" code --dict "$MINI" --in jsonl --out jsonl - <"$STO/stories.jsonl" >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc 3
expect_file out "$FIX/jsonl.jsonl"
sed "s#$STO/stories.jsonl#stdin#" "$FIX/jsonl.err" >"$TMP/want_err"
expect_file err "$TMP/want_err"

DESC="--date fills in missing dates"
run "$DYAD" code --dict "$MINI" --date 2026-01-01 "$STO/stories.jsonl"
expect_rc 3
grep -q "^dyad: 8 stories read: 4 coded (0 repaired, 0 not English), 4 skipped (3 bad input, 0 no date, 1 bad date," "$TMP/err" || { echo "FAIL: $DESC"; cat "$TMP/err"; failures=$((failures + 1)); }
finish
