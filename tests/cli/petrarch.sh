# petrarch.sh — PETRARCH compatibility from the command line, on invented
# fixtures: --in petrarch (and .xml detection), a PETR_config.ini as --dict,
# whole-story discards, issues, and `dyad validate FILE.xml`.
. tests/cli/lib.inc
P=tests/fixtures/petrarch

DESC="code PETRARCH XML with a PETR_config.ini"
run "$DYAD" code --dict "$P/PETR_config.ini" "$P/stories.xml"
expect_rc 3
cut -f1-6 "$TMP/out" >"$TMP/cut"
printf 'story_id\tsentence\tdate\tsource\ttarget\tcode
ZRV001\t1\t2021-03-04\tZRV\tQLM\t070
ZRV001\t2\t2021-03-04\tQLM\tZRV\t051
QLM003\t1\t2021-03-05\tQLM\tZRV\t051
' >"$TMP/want"
diff -u "$TMP/want" "$TMP/cut" || failures=$((failures + 1))
expect err "dyad: warning: $P/test.verbs.txt: 1 verb transformations (~ lines) not supported; skipped
dyad: $P/stories.xml:16: sentence QLM002_1: no <Text>; skipped
dyad: 3 stories read: 2 coded (0 repaired, 0 not English), 1 skipped (1 bad input, 0 no date, 0 bad date, 0 empty, 0 too long, 0 duplicate id, 0 coding error); 3 sentences: 3 with events, 0 no event, 0 discarded, 0 complex, 0 too short, 0 too long; 3 events written"

DESC="--in petrarch reads standard input"
"$DYAD" code --in petrarch --dict "$P/PETR_config.ini" <"$P/discards.xml" >"$TMP/out" 2>"$TMP/err"
cut -f1,2,6 "$TMP/out" >"$TMP/cut"
# story K has a '+' (whole-story) discard phrase in its second sentence
printf 'story_id\tsentence\tcode\nM\t1\t070\n' >"$TMP/want"
diff -u "$TMP/want" "$TMP/cut" || failures=$((failures + 1))

DESC="issues in JSON Lines"
run "$DYAD" code --out jsonl --dict "$P/PETR_config.ini" "$P/discards.xml"
grep -q '"issues":"WARMTH"' "$TMP/out" || { echo "FAIL: $DESC"; failures=$((failures + 1)); }

DESC="issues: the last TSV and CSV column"
run "$DYAD" code --dict "$P/PETR_config.ini" "$P/discards.xml"
awk -F'\t' '{ print $1 "\t" $NF }' "$TMP/out" >"$TMP/cut"
printf 'story_id\tissues\nM\tWARMTH\n' >"$TMP/want"
diff -u "$TMP/want" "$TMP/cut" || failures=$((failures + 1))
run "$DYAD" code --out csv --dict "$P/PETR_config.ini" "$P/discards.xml"
awk -F, '{ print $1 "," $NF }' "$TMP/out" | tr -d '\r' >"$TMP/cut"
printf 'story_id,issues\nM,WARMTH\n' >"$TMP/want"
diff -u "$TMP/want" "$TMP/cut" || failures=$((failures + 1))

DESC="require_dyad = False codes a missing actor as ---"
run "$DYAD" code --dict "$P/no_dyad.ini" "$P/monad.xml"
cut -f1,4-6 "$TMP/out" >"$TMP/cut"
printf 'story_id\tsource\ttarget\tcode\nW\tZRV\t---\t051\n' >"$TMP/want"
diff -u "$TMP/want" "$TMP/cut" || failures=$((failures + 1))
run "$DYAD" code --dict "$P/PETR_config.ini" "$P/monad.xml"
[ "$(wc -l <"$TMP/out")" -eq 1 ] || { echo "FAIL: require_dyad = True coded a monad"; failures=$((failures + 1)); }

DESC="a bad option in the config names file and line"
run "$DYAD" code --dict "$P/bad_option.ini" "$P/stories.xml"
expect_rc 1
expect err "dyad: $P/bad_option.ini:4: require_dyad: want true or false, not 'perhaps'"

DESC="validate a PETRARCH validation file"
run "$DYAD" validate "$P/validate.xml"
expect_rc 1
expect out "FAIL T-02 [TEST] validate.xml:16 expected {ZRV/QLM/120} got {ZRV/QLM/051}
(2 records left out by <Skip> or the <Include> list)
3 passed, 1 failed"

DESC="validate: PETRARCH's tree-mode rules, one invented record each"
run "$DYAD" validate "$P/rules.xml"
expect_rc 0
expect out "18 passed, 0 failed"

DESC="validate --only with --no-parse"
run "$DYAD" validate --no-parse --only T-01 "$P/validate.xml"
expect_rc 0
tail -1 "$TMP/out" >"$TMP/tail"
printf '1 passed, 0 failed\n' >"$TMP/want"
diff -u "$TMP/want" "$TMP/tail" || failures=$((failures + 1))

DESC="--no-parse is for PETRARCH files"
run "$DYAD" validate --no-parse "$FIX/validate.project"
expect_rc 2

finish
