# explain.sh — `dyad explain` on an argument, a file and stdin. The explanation's
# layout belongs to the coder, so only the event line is checked.
. tests/cli/lib.inc

DESC="explain an argument"
run "$DYAD" explain --dict "$MINI" "France praised Germany for the new energy plan."
expect_rc 0
grep -q "FRA.*DEU.*051" "$TMP/out" || { echo "FAIL: $DESC"; cat "$TMP/out"; failures=$((failures + 1)); }

DESC="explain several words"
run "$DYAD" explain --dict "$MINI" Brazil accused Argentina of closing the border.
expect_rc 0
grep -q "BRA.*ARG.*112" "$TMP/out" || { echo "FAIL: $DESC"; cat "$TMP/out"; failures=$((failures + 1)); }

DESC="explain a file"
run "$DYAD" explain --dict "$MINI" --date 2026-11-20 "$STO/sentences.txt"
expect_rc 0
grep -q "BRA.*ARG.*112" "$TMP/out" || { echo "FAIL: $DESC"; cat "$TMP/out"; failures=$((failures + 1)); }

DESC="explain stdin"
printf 'Japan met India about maritime security.\n' | "$DYAD" explain --dict "$MINI" - >"$TMP/out" 2>"$TMP/err"
grep -q "JPN.*IND.*040" "$TMP/out" || { echo "FAIL: $DESC"; cat "$TMP/out" "$TMP/err"; failures=$((failures + 1)); }
finish
