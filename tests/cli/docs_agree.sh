# docs_agree.sh — README.md, docs/dyad.1 and `dyad help` say the same thing:
# every option and input format of each synopsis, the DATE forms, the kinds
# of --dict, where the default dictionary lives, which JSON Lines fields are
# written only when known, what --one-a-day and --in lines without --date
# leave empty; and dyad does what they say. Issue 13, item 11.
. tests/cli/lib.inc
MAN=docs/dyad.1
case $DYAD in /*) ;; *) DYAD=$PWD/$DYAD ;; esac

fail() {
    echo "FAIL: $DESC: $1"
    failures=$((failures + 1))
}
# The man page with its escapes undone (\-\- is --, fonts dropped).
sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$MAN" >"$TMP/man"

for cmd in code explain parse dict series plot report; do
    DESC="the options of dyad $cmd"
    "$DYAD" help $cmd | sed '/^$/q' >"$TMP/usage"
    for opt in $(grep -o -- '--[a-z][a-z-]*\|\[-[a-zA-Z]\b' "$TMP/usage" | tr -d '[' | sort -u); do
        grep -q -- "$opt\b" "$TMP/man" || fail "$opt is not in $MAN"
        grep -q -- "$opt\b" README.md || fail "$opt is not in README.md"
    done
done

DESC="the input formats of dyad code"
formats=$("$DYAD" help code | grep -o -- '--in [a-z|]*' | head -1 | cut -d' ' -f2)
[ "$formats" = "text|jsonl|tabari|lines|petrarch" ] || fail "help says --in $formats"
for f in $(echo "$formats" | tr '|' ' '); do
    sed -n '/^\.B dyad code/,/^\.br/p' "$MAN" | grep -q "| $f \||$f\b\| $f |" ||
        fail "--in $f is not in the synopsis of $MAN"
    grep -q "^\.B $f\$" "$MAN" || fail "--in $f is not described in $MAN"
    grep -q "^| \`$f\` |" README.md || fail "--in $f has no row in README.md"
done

DESC="DATE is YYYY-MM-DD or YYYYMMDD everywhere"
for doc in README.md "$TMP/man"; do
    grep -q -- "--date YYYY-MM-DD" "$doc" && fail "$doc still says --date YYYY-MM-DD only"
    grep -q "YYYYMMDD" "$doc" || fail "$doc does not say YYYYMMDD"
done
for cmd in code explain parse; do
    "$DYAD" help $cmd | grep -q -- "--date YYYY-MM-DD" && fail "dyad help $cmd says --date YYYY-MM-DD"
done
"$DYAD" --help | grep -q "YYYY-MM-DD, YYYYMMDD or an ISO 8601 timestamp" || fail "dyad --help"
printf 'Japan met India about the harbour.\n' >"$TMP/s.txt"
run "$DYAD" code --dict "$MINI" --date 20260901 "$TMP/s.txt"
expect_rc 0
[ "$(tail -1 "$TMP/out" | cut -f3)" = "2026-09-01" ] || fail "--date 20260901 gave $(cut -f3 "$TMP/out")"

DESC="every command takes every kind of --dict"
for doc in README.md "$TMP/man"; do
    for kind in .project PETR_config.ini .dyd folder; do
        grep -q "$kind" "$doc" || fail "$doc does not name $kind"
    done
done
for cmd in explain dict; do
    "$DYAD" help $cmd | tr '\n' ' ' >"$TMP/h"
    grep -q "PETR_config.ini" "$TMP/h" && grep -q "\.dyd" "$TMP/h" || fail "dyad help $cmd"
done
"$DYAD" dict compile --dict tests/fixtures/petrarch/PETR_config.ini -o "$TMP/p.dyd" 2>"$TMP/err" ||
    fail "dict compile --dict PETR_config.ini: $(cat "$TMP/err")"
"$DYAD" dict compile --dict "$MINI" -o "$TMP/m.dyd" 2>"$TMP/err" || fail "dict compile: $(cat "$TMP/err")"
run "$DYAD" explain --mode shallow --dict "$TMP/m.dyd" "Japan met India about the harbour."
grep -q "^  event JPN IND 040" "$TMP/out" || fail "explain --dict FILE.dyd: $(cat "$TMP/err")"
run "$DYAD" explain --mode shallow --dict tests/fixtures/petrarch/PETR_config.ini "Japan met India."
expect_rc 0

DESC="the default dictionaries are compiled in"
grep -q "absolute path is built into the binary" README.md && fail "README.md says a path is built in"
grep -q "compiled into the \`dyad\` binary" README.md || fail "README.md"
grep -q "compiled into the" "$TMP/man" || fail "$MAN"
"$DYAD" --help | grep -q "compiled into the dyad binary" || fail "dyad --help"
(cd / && env -u DYAD_DICT "$DYAD" explain --mode shallow "Japan met India about the harbour.") \
    >"$TMP/out" 2>"$TMP/err"
grep -q "^  event JPN IND 040" "$TMP/out" || fail "no event with the built-in dictionaries from /"

DESC="JSON Lines fields written only when known"
for f in README.md docs/formats.md; do
    tr '\n' ' ' <"$f" | grep -q "\`story_source\`, \`story_url\`, \`stories\`, \`story_ids\` and \`issues\`[, a-z]* only when known" ||
        fail "$f"
done
tr '\n' ' ' <"$TMP/man" | grep -q "story_source, story_url, stories, story_ids and issues only" || fail "$MAN"
"$DYAD" help code | tr '\n' ' ' | grep -q "story_source, story_url, stories, story_ids and issues *only when known" ||
    fail "dyad help code"
printf '{"id":"k1","date":"2026-09-02","text":"Japan met India about the harbour."}\n' >"$TMP/k.jsonl"
run "$DYAD" code --dict "$MINI" --out jsonl "$TMP/k.jsonl"
grep -q '"story_source"\|"story_url"\|"stories"\|"story_ids"\|"issues"' "$TMP/out" &&
    fail "unknown story_source and the like were written"
grep -q '"place_name":null' "$TMP/out" || fail "an unknown place was not written as null"

DESC="--one-a-day leaves sentence_ids empty, and says so"
run "$DYAD" code --dict "$MINI" --one-a-day "$TMP/k.jsonl"
[ "$(tail -1 "$TMP/out" | cut -f38-41)" = "1		1	k1" ] || fail "got $(tail -1 "$TMP/out" | cut -f38-41)"
for f in README.md docs/formats.md "$TMP/man"; do
    tr '\n' ' ' <"$f" | grep -q "sentence_ids[\` ]*is[ a-z]* empty\|empty with \`--one-a-day\`" ||
        fail "$f does not say so"
done
"$DYAD" help code | tr '\n' ' ' | grep -q "sentence_ids is left empty" || fail "dyad help code"

DESC="--in lines without --date: no date, no date origin"
run "$DYAD" code --dict "$MINI" --in lines "$TMP/s.txt"
expect_rc 0
[ "$(tail -1 "$TMP/out" | cut -f1,3,19)" = "$TMP/s.txt:1		" ] ||
    fail "got $(tail -1 "$TMP/out" | cut -f1,3,19)"
run "$DYAD" code --dict "$MINI" --in lines --out jsonl "$TMP/s.txt"
grep -q '"date":null,.*"date_origin":null' "$TMP/out" || fail "jsonl: $(cat "$TMP/out")"
for f in README.md "$TMP/man"; do
    tr '\n' ' ' <"$f" | grep -q "date\`* and \`*date_origin\`* fields are empty" || fail "$f"
done
"$DYAD" help code | tr '\n' ' ' | grep -q "the date and date_origin fields are then empty" || fail "dyad help code"
finish
