# code_formats.sh — `dyad code` on text, tabari and lines input.
. tests/cli/lib.inc

DESC="text with --date"
run "$DYAD" code --dict "$MINI" --date 2026-11-20 "$STO/sentences.txt"
expect_rc 0
expect_file out "$FIX/text.tsv"
expect err "dyad: 1 stories read: 1 coded (0 repaired, 0 not English), 0 skipped (0 bad input, 0 no date, 0 bad date, 0 empty, 0 too long, 0 duplicate id, 0 coding error); 2 sentences: 2 with events, 0 no event, 0 discarded, 0 complex, 0 too short, 0 too long; 2 events written"

DESC="text without --date"
run "$DYAD" code --dict "$MINI" "$STO/sentences.txt"
expect_rc 3
expect err "dyad: $STO/sentences.txt: no date for a text story (use --date YYYY-MM-DD); skipped
dyad: 1 stories read: 0 coded (0 repaired, 0 not English), 1 skipped (0 bad input, 1 no date, 0 bad date, 0 empty, 0 too long, 0 duplicate id, 0 coding error); 0 sentences: 0 with events, 0 no event, 0 discarded, 0 complex, 0 too short, 0 too long; 0 events written"

DESC="tabari records"
run "$DYAD" code --dict "$MINI" --out jsonl "$STO/records.tabari"
expect_rc 3
expect_file out "$FIX/tabari.jsonl"
expect err "dyad: $STO/records.tabari:13: bad date '2026x1' in record header (want YYMMDD or YYYYMMDD); skipped
dyad: 4 stories read: 3 coded (0 repaired, 0 not English), 1 skipped (0 bad input, 0 no date, 1 bad date, 0 empty, 0 too long, 0 duplicate id, 0 coding error); 3 sentences: 1 with events, 2 no event, 0 discarded, 0 complex, 0 too short, 0 too long; 1 events written"

DESC="lines"
run "$DYAD" code --dict "$MINI" --in lines --date 20261120 "$STO/sentences.txt"
expect_rc 0
expect_file out "$FIX/lines.tsv"
finish
