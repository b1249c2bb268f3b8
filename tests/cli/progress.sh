# progress.sh — dyad code's progress line: shown on a terminal (a pty from
# script(1)), never on a pipe unless --progress, never with --no-progress;
# at most four redraws a second; erased before the summary, which stays
# intact; the share done and the time left for files.
. tests/cli/lib.inc
case $DYAD in /*) ;; *) DYAD=$PWD/$DYAD ;; esac

# stories in the test input; make valgrind sets fewer (STORE_TEST_STORIES)
N=${STORE_TEST_STORIES:-20000}
awk -v n="$N" 'BEGIN { for (i = 1; i <= n; i++)
    printf "{\"id\":\"n%d\",\"date\":\"2026-01-01\",\"text\":\"France praised Germany. Brazil accused Argentina.\"}\n", i }' >"$TMP/s.jsonl"

DESC="not on a pipe by default"
run "$DYAD" code --mode shallow --out jsonl "$TMP/s.jsonl"
expect_rc 0
if tr '\r' '\n' <"$TMP/err" | grep -q "stories/s"; then
    echo "FAIL: $DESC"; failures=$((failures + 1))
fi

DESC="--progress on a file: at most four redraws a second, with the share done; erased before the summary"
start=$(date +%s.%N)
"$DYAD" code -j 1 --progress "$TMP/s.jsonl" >/dev/null 2>"$TMP/err" </dev/null
end=$(date +%s.%N)
draws=$(tr '\r' '\n' <"$TMP/err" | grep -c "^dyad: [0-9]* stories, [0-9]* events, [0-9]* stories/s, [0-9]*%")
other=$(tr '\r' '\n' <"$TMP/err" | grep -c "stories/s")
max=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%d", (b - a) * 4 + 1 }')
[ "$draws" -le "$max" ] && [ "$draws" = "$other" ] ||
    { echo "FAIL: $DESC: $draws redraws with a share of $other, at most $max"; failures=$((failures + 1)); }
tail -c 400 "$TMP/err" | tr '\r' '\n' | tail -1 | grep -q "^dyad: $N stories read: $N coded" ||
    { echo "FAIL: $DESC: the summary"; tail -c 300 "$TMP/err" | od -c | tail -5; failures=$((failures + 1)); }

# a feed that pauses: the story after the pause always redraws, however fast
printf 'head -n 50 "%s"; sleep 0.6; tail -n +51 "%s"\n' "$TMP/s.jsonl" "$TMP/s.jsonl" >"$TMP/feed.sh"
feed() { sh "$TMP/feed.sh"; }

DESC="--progress on a pipe: drawn (no share: the size is unknown)"
feed | "$DYAD" code --mode shallow --progress >/dev/null 2>"$TMP/err"
tr '\r' '\n' <"$TMP/err" | grep -q "^dyad: [0-9]* stories, [0-9]* events, [0-9]* stories/s *$" ||
    { echo "FAIL: $DESC"; od -c "$TMP/err" | head; failures=$((failures + 1)); }

DESC="on a terminal by default; --no-progress there: never"
script -qec "sh '$TMP/feed.sh' | '$DYAD' code --mode shallow >/dev/null" /dev/null >"$TMP/tty" 2>&1 </dev/null
tr '\r' '\n' <"$TMP/tty" | grep -q "stories/s" || { echo "FAIL: $DESC: not shown"; cat "$TMP/tty"; failures=$((failures + 1)); }
script -qec "sh '$TMP/feed.sh' | '$DYAD' code --mode shallow --no-progress >/dev/null" /dev/null >"$TMP/tty" 2>&1 </dev/null
tr '\r' '\n' <"$TMP/tty" | grep -q "stories/s" && { echo "FAIL: $DESC: shown"; failures=$((failures + 1)); }
grep -q "dyad: $N stories read" "$TMP/tty" || { echo "FAIL: $DESC: summary"; cat "$TMP/tty"; failures=$((failures + 1)); }
finish
