# jsonl_fields.sh — JSON Lines with other member names (--id-field,
# --text-field, --date-field, --title-field) and ISO 8601 timestamps as dates,
# for dyad code, parse and explain. Issue 13, item 2.
. tests/cli/lib.inc

events() {
    tail -n +2 "$TMP/out" | cut -f1,3-6 | tr '\t' ' ' >"$TMP/ev"
    printf '%s\n' "$1" >"$TMP/want_ev"
    if ! diff -u "$TMP/want_ev" "$TMP/ev" >"$TMP/diff"; then
        echo "FAIL: $DESC: events"
        cat "$TMP/diff"
        failures=$((failures + 1))
    fi
}
tally() {   # tally READ CODED SKIPPED BAD NODATE BADDATE SENTENCES WITH_EVENTS EVENTS
    echo "dyad: $1 stories read: $2 coded (0 repaired, 0 not English), $3 skipped ($4 bad input, $5 no date, $6 bad date, 0 empty, 0 too long, 0 duplicate id, 0 coding error); $7 sentences: $8 with events, 0 no event, 0 discarded, 0 complex, 0 too short, 0 too long; $9 events written"
}

cat >"$TMP/feed.jsonl" <<'EOF'
{"url":"https://example.org/a","published":"2026-05-01T22:15:00-04:00","body":"France praised Germany for the new rail link."}
{"url":"https://example.org/b","published":"2026-05-02T06:00:00+05:30","body":"Brazil accused Argentina of closing the river port."}
{"url":"https://example.org/c","published":"2026-05-03 12:30:00","body":"Japan met India about the harbour."}
{"url":"https://example.org/d","published":"2026-05-04T08:00:00.250Z","body":"France praised Germany for the new canal."}
{"url":"https://example.org/e","published":"2026-05-05","content":"Brazil accused Argentina of spying."}
{"url":"https://example.org/f","body":"Japan met India about fishing rights."}
{"url":"https://example.org/g","published":"next week","body":"Japan met India about fishing rights."}
{"published":"2026-05-08","body":"Japan met India about fishing rights."}
EOF
F="--id-field url --text-field body --date-field published"

DESC="other member names; ISO 8601 timestamps give the date as written"
run "$DYAD" code --dict "$MINI" $F "$TMP/feed.jsonl"
expect_rc 3
events "https://example.org/a 2026-05-01 FRA DEU 051
https://example.org/b 2026-05-02 BRA ARG 112
https://example.org/c 2026-05-03 JPN IND 040
https://example.org/d 2026-05-04 FRA DEU 051"
expect err "dyad: $TMP/feed.jsonl:5: story https://example.org/e: missing \"body\"; skipped
dyad: $TMP/feed.jsonl:6: story https://example.org/f: missing \"published\"; skipped
dyad: $TMP/feed.jsonl:7: story https://example.org/g: bad \"published\" \"next week\" (want YYYY-MM-DD, YYYYMMDD or an ISO 8601 time); skipped
dyad: $TMP/feed.jsonl:8: missing \"url\"; skipped
$(tally 8 4 4 2 1 1 4 4 4)"

DESC="without the options the messages name the default members"
run "$DYAD" code --dict "$MINI" "$TMP/feed.jsonl"
expect_rc 3
head -1 "$TMP/err" >"$TMP/first"
expect first "dyad: $TMP/feed.jsonl:1: missing \"id\"; skipped"

DESC="--date fills in a missing date member"
run "$DYAD" code --dict "$MINI" $F --date 2026-05-06 "$TMP/feed.jsonl"
expect_rc 3
grep 'example.org/f' "$TMP/out" | cut -f1,3 >"$TMP/f"
expect f "https://example.org/f	2026-05-06"

cat >"$TMP/titled.jsonl" <<'EOF'
{"id":"t1","date":"2026-05-09T09:00:00Z","title":"Japan met India about the harbour","text":"France praised Germany for the new rail link."}
{"id":"t2","date":"2026-05-10T09:00:00Z","text":"Brazil accused Argentina of closing the river port."}
EOF
DESC="--title-field: the title, a blank line, then the text"
run "$DYAD" code --dict "$MINI" --title-field title "$TMP/titled.jsonl"
expect_rc 0
events "t1 2026-05-09 JPN IND 040
t1 2026-05-09 FRA DEU 051
t2 2026-05-10 BRA ARG 112"
DESC="--title-field: byte offsets count the title and the blank line"
sed -n 3p "$TMP/out" | cut -f7-9 >"$TMP/span"
expect span "France	35	41"

DESC="dyad parse with other member names"
run "$DYAD" parse $F "$TMP/feed.jsonl"
expect_rc 3
grep '^# newdoc\|^# date' "$TMP/out" | head -4 >"$TMP/docs"
expect docs "# newdoc id = https://example.org/a
# date = 2026-05-01
# newdoc id = https://example.org/b
# date = 2026-05-02"

DESC="dyad explain with other member names and a title"
run "$DYAD" explain --dict "$MINI" --mode shallow --title-field title "$TMP/titled.jsonl"
expect_rc 0
head -2 "$TMP/out" >"$TMP/head"
expect head "story t1 date 20260509
sentence 1 [0,33): coded"

DESC="an empty member name is refused"
run "$DYAD" code --text-field "" "$TMP/feed.jsonl"
expect_rc 2
expect err "dyad: missing value for: --text-field
Try 'dyad help code'."

DESC="--date takes an ISO 8601 timestamp too"
printf 'Japan met India about the harbour.\n' >"$TMP/s.txt"
run "$DYAD" code --dict "$MINI" --date 2026-05-11T23:59:00-08:00 "$TMP/s.txt"
expect_rc 0
events "$TMP/s.txt 2026-05-11 JPN IND 040"
finish
