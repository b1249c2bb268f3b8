# messages.sh — messages that say what to do: DYAD_DICT named when it is the
# dictionary that failed, the valid output formats listed, the line and column
# of a bad JSON line, -V for the version. Issue 13, item 10.
. tests/cli/lib.inc

DESC="-V prints the version as --version does"
run "$DYAD" --version
cp "$TMP/out" "$TMP/version"
run "$DYAD" -V
expect_rc 0
expect_file out "$TMP/version"

DESC="DYAD_DICT that cannot be opened is named"
DYAD_DICT=/nope run "$DYAD" code --date 2026-08-01 x.txt
expect_rc 1
expect err "dyad: DYAD_DICT=/nope: cannot open: No such file or directory"

DESC="DYAD_DICT is named by dyad explain too"
DYAD_DICT=/nope run "$DYAD" explain "France praised Germany for the new rail link."
expect_rc 1
expect err "dyad: DYAD_DICT=/nope: cannot open: No such file or directory"

DESC="--dict is not DYAD_DICT"
DYAD_DICT=/elsewhere run "$DYAD" code --dict /nope --date 2026-08-01 x.txt
expect_rc 1
expect err "dyad: /nope: cannot open: No such file or directory"

DESC="an unknown output format lists the valid ones"
run "$DYAD" code --out xml x.txt
expect_rc 2
expect err "dyad: unknown output format: xml (want tsv, csv, jsonl, petrarch, tabari or gdelt)
Try 'dyad help code'."

DESC="an unknown input format lists the valid ones"
run "$DYAD" code --in csv x.txt
expect_rc 2
expect err "dyad: unknown input format: csv (want text, jsonl, tabari, lines or petrarch)
Try 'dyad help code'."

DESC="a bad JSON line: its line and column"
printf '{"id":"g1","date":"2026-08-01","text":"Japan met India about the harbour."}\n\n{"id":"g2","date":"2026-08-02" "text":"x"}\n{"id":"g3","date":"2026-08-03","text":"France praised Germany."\n' \
    >"$TMP/bad.jsonl"
run "$DYAD" code --dict "$MINI" "$TMP/bad.jsonl"
expect_rc 3
head -2 "$TMP/err" >"$TMP/two"
expect two "dyad: $TMP/bad.jsonl:3: bad JSON at column 32: ',' or '}' expected, found '\"text\"'; skipped
dyad: $TMP/bad.jsonl:4: bad JSON at column 64: ',' or '}' expected, found end of line; skipped"
finish
