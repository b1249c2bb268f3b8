# code_errors.sh — `dyad code` usage and input errors: exact messages and exit status.
. tests/cli/lib.inc

DESC="missing file"
run "$DYAD" code --dict "$MINI" --date 2026-11-20 no/such/file.txt "$STO/sentences.txt"
expect_rc 1
expect err "dyad: no/such/file.txt: cannot open: No such file or directory
dyad: 1 stories read: 1 coded (0 repaired, 0 not English), 0 skipped (0 bad input, 0 no date, 0 bad date, 0 empty, 0 too long, 0 duplicate id, 0 coding error); 2 sentences: 2 with events, 0 no event, 0 discarded, 0 complex, 0 too short, 0 too long; 2 events written"

DESC="unknown input format"
run "$DYAD" code --in xml x.xml
expect_rc 2
expect err "dyad: unknown input format: xml (want text, jsonl, tabari, lines or petrarch)
Try 'dyad help code'."

DESC="unknown output format"
run "$DYAD" code --out xml x.txt
expect_rc 2
expect err "dyad: unknown output format: xml (want tsv, csv, jsonl, petrarch, tabari or gdelt)
Try 'dyad help code'."

DESC="bad date"
run "$DYAD" code --date 2026-02-30 x.txt
expect_rc 2
expect err "dyad: bad date '2026-02-30' (want YYYY-MM-DD or YYYYMMDD)"

DESC="missing option value"
run "$DYAD" code --dict
expect_rc 2
expect err "dyad: missing value for: --dict
Try 'dyad help code'."

DESC="unknown option"
run "$DYAD" code --fast x.txt
expect_rc 2
expect err "dyad: unknown option: --fast
Try 'dyad help code'."

DESC="missing dictionary"
run "$DYAD" code --dict no/such.project --date 2026-11-20 "$STO/sentences.txt"
expect_rc 1
grep -q "^dyad: no/such.project" "$TMP/err" || { echo "FAIL: $DESC: $(cat "$TMP/err")"; failures=$((failures + 1)); }

DESC="DYAD_DICT names the dictionary"
DYAD_DICT=no/such/env.project run "$DYAD" code --date 2026-11-20 "$STO/sentences.txt"
expect_rc 1
expect err "dyad: DYAD_DICT=no/such/env.project: cannot open: No such file or directory"
finish
