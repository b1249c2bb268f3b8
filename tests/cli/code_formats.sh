# code_formats.sh — `dyad code` on text, tabari and lines input.
. tests/cli/lib.inc

DESC="text with --date"
run "$DYAD" code --dict "$MINI" --date 2026-11-20 "$STO/sentences.txt"
expect_rc 0
expect_file out "$FIX/text.tsv"
expect err "dyad: 1 stories (0 bad input, 0 coding errors), 2 sentences: 2 coded, 0 no event, 0 discarded, 0 complex, 0 too short, 0 too long; 2 events written"

DESC="text without --date"
run "$DYAD" code --dict "$MINI" "$STO/sentences.txt"
expect_rc 1
expect err "dyad: $STO/sentences.txt: no date for a text story (use --date YYYY-MM-DD)
dyad: 0 stories (1 bad input, 0 coding errors), 0 sentences: 0 coded, 0 no event, 0 discarded, 0 complex, 0 too short, 0 too long; 0 events written"

DESC="tabari records"
run "$DYAD" code --dict "$MINI" --out jsonl "$STO/records.tabari"
expect_rc 1
expect_file out "$FIX/tabari.jsonl"
expect err "dyad: $STO/records.tabari:13: bad date '2026x1' in record header (want YYMMDD or YYYYMMDD)
dyad: 3 stories (1 bad input, 0 coding errors), 3 sentences: 1 coded, 2 no event, 0 discarded, 0 complex, 0 too short, 0 too long; 1 events written"

DESC="lines"
run "$DYAD" code --dict "$MINI" --in lines --date 20261120 "$STO/sentences.txt"
expect_rc 0
expect_file out "$FIX/lines.tsv"
finish
