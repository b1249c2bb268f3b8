# code_syntax.sh — the default mode (syntax) against shallow on sentences whose
# lead phrase TABARI's comma rule takes for a subordinate clause, and on a
# three-word sentence; -j 2 writes what -j 1 writes.
. tests/cli/lib.inc

printf '%s\n' "On Monday, Russian troops attacked Ukrainian positions near Bakhmut." \
    "Meanwhile, Israel accused Iran of arming Hezbollah." "France praised Germany." >"$TMP/s.txt"
codes() {
    awk -F'\t' 'NR > 1 { split($1, a, ":"); printf "%s %s %s %s\n", a[2], $4, $5, $6 }' "$TMP/out"
}

DESC="syntax mode (the default) codes the main clause after a lead phrase"
run env -u DYAD_DICT "$DYAD" code --in lines --date 2026-01-01 "$TMP/s.txt"
expect_rc 0
codes >"$TMP/got"
printf '1 RUSMIL UKR 190\n2 ISR IRN 1123\n3 FRA DEU 051\n' >"$TMP/want"
cmp -s "$TMP/want" "$TMP/got" || { echo "FAIL: $DESC"; diff "$TMP/want" "$TMP/got"; failures=$((failures + 1)); }

DESC="shallow mode is TABARI's: the lead phrase cancels the clause"
run env -u DYAD_DICT "$DYAD" code --mode shallow --in lines --date 2026-01-01 "$TMP/s.txt"
expect_rc 0
codes >"$TMP/got"
printf '3 FRA DEU 051\n' >"$TMP/want"
cmp -s "$TMP/want" "$TMP/got" || { echo "FAIL: $DESC"; diff "$TMP/want" "$TMP/got"; failures=$((failures + 1)); }

DESC="syntax mode on two threads writes what one writes"
i=0
while [ $i -lt 200 ]; do
    printf 'On day %d, Chile thanked Peru for its help, officials said.\n' $i
    i=$((i + 1))
done >"$TMP/many.txt"
env -u DYAD_DICT "$DYAD" code -j 1 --in lines --date 2026-01-01 "$TMP/many.txt" >"$TMP/one" 2>/dev/null
env -u DYAD_DICT "$DYAD" code -j 2 --in lines --date 2026-01-01 "$TMP/many.txt" >"$TMP/two" 2>/dev/null
cmp -s "$TMP/one" "$TMP/two" || { echo "FAIL: $DESC"; failures=$((failures + 1)); }

DESC="a bad --mode"
run "$DYAD" code --mode deep "$TMP/s.txt"
expect_rc 2
finish
