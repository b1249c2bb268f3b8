# safe_write.sh — `dyad dict compile -o F` (and every file dyad writes whole:
# compiled dictionaries, models) never follows a planted symlink, never
# replaces what is not a regular file, and leaves no temporary behind; an
# output (--rejects) that is one of the inputs is refused before it empties it.
. tests/cli/lib.inc

DESC="a symlink planted at the old temporary name is not followed"
printf 'precious\n' >"$TMP/victim"
ln -s "$TMP/victim" "$TMP/out.dyd.tmp"
run "$DYAD" dict compile --dict "$MINI" -o "$TMP/out.dyd"
expect_rc 0
check_victim() {
    if [ "$(cat "$TMP/victim")" != precious ]; then
        echo "FAIL: $DESC: the symlink's target was written"
        failures=$((failures + 1))
    fi
}
check_victim
[ -f "$TMP/out.dyd" ] && [ ! -L "$TMP/out.dyd" ] || { echo "FAIL: $DESC: no regular output"; failures=$((failures + 1)); }
leftovers=$(find "$TMP" -name '.out.dyd.*' | wc -l)
[ "$leftovers" -eq 0 ] || { echo "FAIL: $DESC: a temporary was left"; failures=$((failures + 1)); }

DESC="the output path itself a symlink: refused"
ln -s "$TMP/victim" "$TMP/link.dyd"
run "$DYAD" dict compile --dict "$MINI" -o "$TMP/link.dyd"
expect_rc 1
check_victim
grep -q "is not a regular file" "$TMP/err" || { echo "FAIL: $DESC"; cat "$TMP/err"; failures=$((failures + 1)); }

DESC="the output path a folder: refused"
mkdir "$TMP/dir.dyd"
run "$DYAD" dict compile --dict "$MINI" -o "$TMP/dir.dyd"
expect_rc 1
grep -q "is not a regular file" "$TMP/err" || { echo "FAIL: $DESC"; cat "$TMP/err"; failures=$((failures + 1)); }

DESC="an existing output is replaced and keeps its permissions"
chmod 600 "$TMP/out.dyd"
run "$DYAD" dict compile --dict "$MINI" -o "$TMP/out.dyd"
expect_rc 0
perm=$(stat -c %a "$TMP/out.dyd")
[ "$perm" = 600 ] || { echo "FAIL: $DESC: mode $perm"; failures=$((failures + 1)); }
DESC="--rejects naming the input"
printf '{"id":"a","date":"2026-01-01","text":"France praised Germany."}\nnot json\n' >"$TMP/in.jsonl"
run "$DYAD" code --rejects "$TMP/in.jsonl" "$TMP/in.jsonl"
expect_rc 1
[ "$(wc -l <"$TMP/in.jsonl")" -eq 2 ] || { echo "FAIL: $DESC: the input was emptied"; failures=$((failures + 1)); }
grep -q "is also an input" "$TMP/err" || { echo "FAIL: $DESC"; cat "$TMP/err"; failures=$((failures + 1)); }

DESC="--rejects naming the input through a symlink, and standard input"
ln -s "$TMP/in.jsonl" "$TMP/alias.jsonl"
run "$DYAD" code --rejects "$TMP/alias.jsonl" "$TMP/in.jsonl"
expect_rc 1
"$DYAD" code --in jsonl --rejects "$TMP/in.jsonl" <"$TMP/in.jsonl" >/dev/null 2>"$TMP/err"
grep -q "is also an input (stdin)" "$TMP/err" || { echo "FAIL: $DESC"; cat "$TMP/err"; failures=$((failures + 1)); }
[ "$(wc -l <"$TMP/in.jsonl")" -eq 2 ] || { echo "FAIL: $DESC: the input was emptied"; failures=$((failures + 1)); }
finish
