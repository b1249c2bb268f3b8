# explain_input.sh — what `dyad explain` reads: a missing file is an error,
# not text; a file in any input format gives its first story, or the one
# --id names; each event shows its resolved date and place. Issue 13, item 5.
. tests/cli/lib.inc

cat >"$TMP/stories.jsonl" <<'EOF'
{"id":"e1","date":"2026-07-01","text":"Brazil accused Argentina of closing the river port."}
{"id":"e2","date":"2026-07-03","text":"Japan praised India in Istanbul on Thursday."}
EOF

DESC="a missing file named like a path is an error"
run "$DYAD" explain --dict "$MINI" "$TMP/nothing.jsonl"
expect_rc 1
expect err "dyad: $TMP/nothing.jsonl: cannot open: No such file or directory"
[ -s "$TMP/out" ] && { echo "FAIL: $DESC: output"; failures=$((failures + 1)); }

DESC="a missing file named by its suffix alone is an error"
run "$DYAD" explain --dict "$MINI" stories.jsonl
expect_rc 1
expect err "dyad: stories.jsonl: cannot open: No such file or directory"

DESC="one word that names no file is text"
run "$DYAD" explain --dict "$MINI" --mode shallow France
expect_rc 0
head -1 "$TMP/out" >"$TMP/first"
expect first "story explain date 0"

DESC="a sentence with a slash in it is text"
run "$DYAD" explain --dict "$MINI" --mode shallow "France praised Germany on 1/2 of the plan."
expect_rc 0
grep '^  event' "$TMP/out" | sed 's/  verb word.*//' >"$TMP/ev"
expect ev "  event FRA DEU 051"

DESC="a JSON Lines file gives its first story, with its date"
run "$DYAD" explain --dict "$MINI" --mode shallow "$TMP/stories.jsonl"
expect_rc 0
head -1 "$TMP/out" >"$TMP/first"
expect first "story e1 date 20260701"
grep -A1 '^  event' "$TMP/out" | sed 's/  verb word.*//' >"$TMP/ev"
expect ev "  event BRA ARG 112
    date 2026-07-01 (the story date)"

DESC="--id picks a story of the file; the date and place of each event are shown"
run "$DYAD" explain --mode shallow --id e2 "$TMP/stories.jsonl"
expect_rc 0
head -1 "$TMP/out" >"$TMP/first"
expect first "story e2 date 20260703"
grep -A2 '^  event' "$TMP/out" | sed 's/  verb word.*//' >"$TMP/ev"
expect ev "  event JPN IND 051
    date 2026-07-02 from the sentence: \"on Thursday\"
    place Istanbul, TUR (city): \"Istanbul\""

DESC="an unknown --id is an error"
run "$DYAD" explain --dict "$MINI" --id e9 "$TMP/stories.jsonl"
expect_rc 1
expect err "dyad: $TMP/stories.jsonl: no story with id e9"
[ -s "$TMP/out" ] && { echo "FAIL: $DESC: output"; failures=$((failures + 1)); }

DESC="--id needs a file"
run "$DYAD" explain --dict "$MINI" --id e1 France praised Germany for the plan.
expect_rc 2
expect err "dyad: --in, --id and the field options read a FILE or stdin, not the text of the arguments
Try 'dyad help explain'."

DESC="bad lines before the story are reported"
{ printf 'not json\n'; cat "$TMP/stories.jsonl"; } >"$TMP/bad.jsonl"
run "$DYAD" explain --dict "$MINI" --mode shallow --id e2 "$TMP/bad.jsonl"
expect_rc 0
expect err "dyad: $TMP/bad.jsonl:1: bad JSON at column 1: '{' expected, found 'not'"

DESC="TABARI records: the first record"
printf '260704 X-1\nJapan met India about the harbour.\n' >"$TMP/r.records"
run "$DYAD" explain --dict "$MINI" --mode shallow "$TMP/r.records"
expect_rc 0
head -1 "$TMP/out" >"$TMP/first"
expect first "story X-1 date 20260704"

DESC="a story without a date says so"
run "$DYAD" explain --dict "$MINI" --mode shallow "Japan met India about the harbour."
expect_rc 0
grep -A1 '^  event' "$TMP/out" | sed 's/  verb word.*//' >"$TMP/ev"
expect ev "  event JPN IND 040
    date none (the story has no date)"

DESC="an endless stdin: reading stops at the 4 MiB story limit, and says so"
# were all of it read first, this would never end (or end out of memory)
yes "France praised Germany for the treaty." |
    "$DYAD" explain --dict "$MINI" --in text - >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc 1
expect err "dyad: stdin: story is longer than the limit of 4194304 bytes
dyad: stdin: no story in it that could be read (1 skipped)"

DESC="a folder is refused"
run "$DYAD" explain --dict "$MINI" "$TMP"
expect_rc 1
expect err "dyad: $TMP: is a folder (dyad explain reads one story; dyad code reads folders)"
finish
