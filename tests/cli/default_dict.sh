# default_dict.sh — with no --dict and no $DYAD_DICT, dyad uses the default dictionaries
# built into it, from any directory; $DYAD_DICT and --dict still override them.
. tests/cli/lib.inc
ROOT=$PWD
case $DYAD in /*) ;; *) DYAD=$ROOT/$DYAD ;; esac

DESC="no --dict, run from another directory"
cp examples/demo-story.txt "$TMP/story.txt"
(cd "$TMP" && env -u DYAD_DICT "$DYAD" code --date 2026-11-20 story.txt) >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc 0
n=$(($(wc -l <"$TMP/out") - 1))
[ "$n" -ge 5 ] || { echo "FAIL: $DESC: $n events"; cat "$TMP/err"; failures=$((failures + 1)); }

DESC="explain with the built-in defaults"
(cd / && env -u DYAD_DICT "$DYAD" explain --date 2026-11-20 "Japan praised India for the new maritime security agreement.") >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc 0
grep -q "051" "$TMP/out" || { echo "FAIL: $DESC"; cat "$TMP/out" "$TMP/err"; failures=$((failures + 1)); }

DESC="explanations name the embedded files"
grep -q "(default/verbs/[0-9a-z-]*.verbs:[0-9]" "$TMP/out" || { echo "FAIL: $DESC"; failures=$((failures + 1)); }

DESC="\$DYAD_DICT overrides the defaults"
(cd "$TMP" && DYAD_DICT=$ROOT/$MINI "$DYAD" code --in lines --date 2026-11-20 - \
    <"$ROOT/examples/demo-story.txt") >"$TMP/env" 2>"$TMP/err"
RC=$?
expect_rc 0
(cd "$TMP" && "$DYAD" code --dict "$ROOT/$MINI" --in lines --date 2026-11-20 - \
    <"$ROOT/examples/demo-story.txt") >"$TMP/opt" 2>"$TMP/err"
cmp -s "$TMP/env" "$TMP/opt" || { echo "FAIL: $DESC: differs from --dict"; failures=$((failures + 1)); }
(cd "$TMP" && env -u DYAD_DICT "$DYAD" code --in lines --date 2026-11-20 - \
    <"$ROOT/examples/demo-story.txt") >"$TMP/def" 2>"$TMP/err"
cmp -s "$TMP/env" "$TMP/def" && { echo "FAIL: $DESC: same as the defaults"; failures=$((failures + 1)); }

DESC="country names as news writes them: U.S and U.K without their last period, short forms"
printf '%s\n' "The U.S praised France." "The U.K praised Germany." "U.S troops attacked Syria." \
    "Turkiye praised Germany." "Czechia praised Germany." "DR Congo accused Rwanda." \
    "Eswatini praised Lesotho." "Cabo Verde praised Senegal." "Timor-Leste praised Indonesia." >"$TMP/names.txt"
env -u DYAD_DICT "$DYAD" code --in lines --date 2026-01-01 "$TMP/names.txt" 2>"$TMP/err" |
    tail -n +2 | cut -f4,5 | tr '\t' ' ' >"$TMP/got"
printf '%s\n' "USA FRA" "GBR DEU" "USAMIL SYR" "TUR DEU" "CZE DEU" "COD RWA" "SWZ LSO" "CPV SEN" \
    "TLS IDN" >"$TMP/want"
diff -u "$TMP/want" "$TMP/got" || { echo "FAIL: $DESC"; failures=$((failures + 1)); }

finish
