# limits.sh — input past the limits of docs/errors.md is reported, never
# crashes: an overlong line is skipped, a huge story or one with too many
# sentences is refused by name, a 100,000-word sentence is cut and coded.
DYAD=${DYAD:-build/dyad}
DICT=tests/fixtures/cli/mini.project
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0

# check DESC FILE PATTERN: FILE has a line matching the grep PATTERN.
check() {
    if ! grep -q -- "$3" "$2"; then
        echo "FAIL: $1: no line matching '$3' in:"
        head -5 "$2" | cut -c1-200
        failures=$((failures + 1))
    fi
}

awk 'BEGIN {
    printf "{\"id\":\"huge\",\"date\":\"2024-01-01\",\"text\":\""
    for (i = 0; i < 9 * 1024 * 1024; i += 64)
        printf "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
    printf "\"}\n"
    printf "{\"id\":\"after\",\"date\":\"2024-01-01\",\"text\":\"France accused Germany on Monday in the square.\"}\n"
}' >"$TMP/long.jsonl"
"$DYAD" code --dict "$DICT" --out jsonl "$TMP/long.jsonl" >"$TMP/out" 2>"$TMP/err"
check "an overlong line is skipped by name" "$TMP/err" \
    "long.jsonl:1: line longer than the limit of 8388608 bytes; skipped"
check "the story after it is still read" "$TMP/out" '"after"'

awk 'BEGIN { for (i = 0; i < 6000; i++) printf "France met Germany. " }' >"$TMP/many.txt"
"$DYAD" code --dict "$DICT" --date 2024-01-01 "$TMP/many.txt" >"$TMP/out" 2>"$TMP/err"
check "too many sentences" "$TMP/err" "many.txt: story of 6000 sentences is over the limit of 5000"

awk 'BEGIN { for (i = 0; i < 5 * 1024 * 1024; i += 16) printf "France met Qu." }' >"$TMP/big.txt"
"$DYAD" code --dict "$DICT" --date 2024-01-01 "$TMP/big.txt" >"$TMP/out" 2>"$TMP/err"
check "a story over 4 MiB" "$TMP/err" "big.txt: story is longer than the limit of 4194304 bytes"

awk 'BEGIN { for (i = 0; i < 100000; i++) printf "France accused Germany "; print "." }' >"$TMP/words.txt"
"$DYAD" code --dict "$DICT" --date 2024-01-01 "$TMP/words.txt" >"$TMP/out" 2>"$TMP/err"
rc=$?
if [ $rc -gt 1 ]; then
    echo "FAIL: a 100,000-word sentence: exit status $rc"
    failures=$((failures + 1))
fi

[ "$failures" -eq 0 ]
