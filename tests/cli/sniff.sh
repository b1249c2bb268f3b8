# sniff.sh — standard input and files whose name says nothing are read in the
# format their first bytes show ('{' JSON Lines, '<' PETRARCH XML, a 'YYMMDD ID'
# line TABARI records, else text), said once per input on stderr; --in overrides.
# Issue 13, item 1.
. tests/cli/lib.inc

# events: "story_id date source target code" of each event in $TMP/out.
events() {
    tail -n +2 "$TMP/out" | cut -f1,3-6 | tr '\t' ' ' >"$TMP/ev"
    printf '%s\n' "$1" >"$TMP/want_ev"
    if ! diff -u "$TMP/want_ev" "$TMP/ev" >"$TMP/diff"; then
        echo "FAIL: $DESC: events"
        cat "$TMP/diff"
        failures=$((failures + 1))
    fi
}
# summary R C W: the summary line of R stories read, C coded, W events written,
# nothing skipped, every sentence with an event.
summary() {
    echo "dyad: $1 stories read: $2 coded (0 repaired, 0 not English), 0 skipped (0 bad input, 0 no date, 0 bad date, 0 empty, 0 too long, 0 duplicate id, 0 coding error); $2 sentences: $2 with events, 0 no event, 0 discarded, 0 complex, 0 too short, 0 too long; $3 events written"
}
# stdin FILE CMD...: runs CMD with FILE on standard input (through a pipe).
stdin() {
    f=$1
    shift
    cat "$f" | "$@" >"$TMP/out" 2>"$TMP/err"
    RC=$?
}

cat >"$TMP/news.jsonl" <<'EOF'

{"id":"s1","date":"2026-04-02","text":"France praised Germany for the new rail link."}
{"id":"s2","date":"20260403","text":"Brazil accused Argentina of closing the river port."}
EOF

DESC="JSON Lines on stdin"
stdin "$TMP/news.jsonl" "$DYAD" code --dict "$MINI"
expect_rc 0
events "s1 2026-04-02 FRA DEU 051
s2 2026-04-03 BRA ARG 112"
expect err "dyad: stdin: reading as jsonl (first byte '{'; use --in to choose)
$(summary 2 2 2)"

DESC="JSON Lines on stdin, a --date given: still JSON Lines, its own dates kept"
stdin "$TMP/news.jsonl" "$DYAD" code --dict "$MINI" --date 2026-01-01
expect_rc 0
events "s1 2026-04-02 FRA DEU 051
s2 2026-04-03 BRA ARG 112"

DESC="JSON Lines on stdin, -j 2"
stdin "$TMP/news.jsonl" "$DYAD" code -j 2 --dict "$MINI"
expect_rc 0
events "s1 2026-04-02 FRA DEU 051
s2 2026-04-03 BRA ARG 112"

DESC="a file without a suffix"
cp "$TMP/news.jsonl" "$TMP/feed"
run "$DYAD" code --dict "$MINI" "$TMP/feed"
expect_rc 0
events "s1 2026-04-02 FRA DEU 051
s2 2026-04-03 BRA ARG 112"
expect err "dyad: $TMP/feed: reading as jsonl (first byte '{'; use --in to choose)
$(summary 2 2 2)"

DESC="--in text overrides: the JSON is one text story, nothing said"
stdin "$TMP/news.jsonl" "$DYAD" code --dict "$MINI" --in text --date 2026-01-01
expect_rc 0
events "stdin 2026-01-01 FRA DEU 051"
expect err "$(summary 1 1 1)"

printf '# a comment block\n\n260405 R-1\nJapan met India\nabout the harbour.\n\n260406 R-2\nFrance praised Germany.\n' \
    >"$TMP/recs"
DESC="TABARI records on stdin need their header first"
stdin "$TMP/recs" "$DYAD" code --dict "$MINI" --date 2026-01-01
expect_rc 0
head -1 "$TMP/err" >"$TMP/first"
expect first "dyad: stdin: reading as text (first byte '#'; use --in to choose)"
printf '260405 R-1\nJapan met India\nabout the harbour.\n\n260406 R-2\nFrance praised Germany for it.\n' \
    >"$TMP/recs"
DESC="TABARI records on stdin"
stdin "$TMP/recs" "$DYAD" code --dict "$MINI"
expect_rc 0
events "R-1 2026-04-05 JPN IND 040
R-2 2026-04-06 FRA DEU 051"
expect err "dyad: stdin: reading as tabari (first line a 'YYMMDD ID' record header; use --in to choose)
$(summary 2 2 2)"

DESC="PETRARCH XML on stdin"
stdin tests/fixtures/petrarch/monad.xml "$DYAD" code --dict tests/fixtures/petrarch/PETR_config.ini
"$DYAD" code --dict tests/fixtures/petrarch/PETR_config.ini tests/fixtures/petrarch/monad.xml \
    >"$TMP/want_out" 2>/dev/null
expect_file out "$TMP/want_out"
grep -v '^dyad: warning:' "$TMP/err" | head -1 >"$TMP/first"
expect first "dyad: stdin: reading as petrarch (first byte '<'; use --in to choose)"

DESC="text on stdin"
printf '\n  Japan met India about the harbour.\n' >"$TMP/prose"
stdin "$TMP/prose" "$DYAD" code --dict "$MINI" --date 2026-04-07
expect_rc 0
events "stdin 2026-04-07 JPN IND 040"
expect err "dyad: stdin: reading as text (first byte 'J'; use --in to choose)
$(summary 1 1 1)"
DESC="text on stdin: byte offsets count the blank lines read to sniff"
cut -f7-9 "$TMP/out" | tail -1 >"$TMP/span"
expect span "Japan	3	8"

DESC="dyad explain reads JSON Lines on stdin"
stdin "$TMP/news.jsonl" "$DYAD" explain --dict "$MINI" --mode shallow
expect_rc 0
head -1 "$TMP/out" >"$TMP/first"
expect first "story s1 date 20260402"
expect err "dyad: stdin: reading as jsonl (first byte '{'; use --in to choose)"

DESC="dyad parse reads JSON Lines on stdin"
stdin "$TMP/news.jsonl" "$DYAD" parse
expect_rc 0
grep '^# newdoc' "$TMP/out" >"$TMP/docs"
expect docs "# newdoc id = s1
# newdoc id = s2"
expect err "dyad: stdin: reading as jsonl (first byte '{'; use --in to choose)
dyad: 2 stories read: 2 parsed, 0 skipped; 2 sentences, 18 words"

DESC="dyad parse reads XML-looking stdin as text (it reads no PETRARCH)"
printf '<p>France praised Germany.</p>\n' >"$TMP/html"
stdin "$TMP/html" "$DYAD" parse
expect_rc 0
head -1 "$TMP/err" >"$TMP/first"
expect first "dyad: stdin: reading as text (first byte '<'; use --in to choose)"

DESC="dyad parse reads record-looking stdin as text, header line and all"
printf '260405 R-1\nJapan met India.\n' >"$TMP/rechead"
stdin "$TMP/rechead" "$DYAD" parse
expect_rc 0
grep '^# text' "$TMP/out" >"$TMP/text"
expect text "# text = 260405 R-1 Japan met India."
head -1 "$TMP/err" >"$TMP/first"
expect first "dyad: stdin: reading as text (first line a 'YYMMDD ID' record header; use --in to choose)"

# A live feed: the first byte (or line) decides, and nothing waits for the end.
seen() {
    i=0
    while [ $i -lt 100 ]; do
        grep -q -- "$2" "$1" 2>/dev/null && return 0
        sleep 0.1
        i=$((i + 1))
    done
    echo "FAIL: $DESC: no '$2' in $1 after 10 s:"
    cat "$1"
    failures=$((failures + 1))
    return 1
}
for j in 1 2; do
    DESC="-j $j: a live JSON Lines feed is sniffed and read while it stays open"
    mkfifo "$TMP/live$j"
    "$DYAD" code -j $j --dict "$MINI" - <"$TMP/live$j" >"$TMP/out" 2>"$TMP/lerr$j" &
    pid=$!
    exec 3>"$TMP/live$j"
    printf '{"id":' >&3
    seen "$TMP/lerr$j" "reading as jsonl"
    printf '\n' >&3
    seen "$TMP/lerr$j" "stdin:1: bad JSON"
    exec 3>&-
    wait $pid
    DESC="-j $j: a live TABARI feed is sniffed once its first line is in"
    mkfifo "$TMP/rec$j"
    "$DYAD" code -j $j --dict "$MINI" - <"$TMP/rec$j" >"$TMP/out" 2>"$TMP/rerr$j" &
    pid=$!
    exec 3>"$TMP/rec$j"
    printf '260408 L-1\n' >&3
    seen "$TMP/rerr$j" "reading as tabari"
    printf 'Japan met India about the harbour.\n\n2026x1 L-2\nFrance.\n\n' >&3
    seen "$TMP/rerr$j" "stdin:4: bad date '2026x1'"
    exec 3>&-
    wait $pid
done
finish
