# demo.sh — the demo story codes, with the default dictionaries built into dyad (as `make demo`
# runs it), into the events a reader expects: source, target, code; spans may still improve.
# examples/minimal.c codes a sentence.
. tests/cli/lib.inc

DESC="demo story"
run env -u DYAD_DICT "$DYAD" code --date 2026-11-20 examples/demo-story.txt
expect_rc 0
cut -f2,4-6 "$TMP/out" >"$TMP/cols"
mv "$TMP/cols" "$TMP/out"
expect out "sentence	source	target	code
1	FRAGOV	DEUGOV	040
2	BRA	ARG	112
3	UKRGOV	CAN	0232
4	RUSMIL	UKR	190
5	JPN	IND	051
6	IGOUNO	RUS	111"

DESC="leaders named without their title get the code of their office on the story's date"
printf 'Emmanuel Macron met Friedrich Merz in Berlin on Thursday to discuss defence spending.\nOlaf Scholz criticized Friedrich Merz over the new budget plan.\n' >"$TMP/leaders.txt"
run env -u DYAD_DICT "$DYAD" code --in lines --date 2026-11-20 "$TMP/leaders.txt"
cut -f4-6 "$TMP/out" >"$TMP/cols"
mv "$TMP/cols" "$TMP/out"
expect out "source	target	code
FRAGOV	DEUGOV	040
DEUELI	DEUGOV	111"
run env -u DYAD_DICT "$DYAD" code --in lines --date 2023-06-01 "$TMP/leaders.txt"
cut -f4-6 "$TMP/out" | tail -1 >"$TMP/cols"
mv "$TMP/cols" "$TMP/out"
expect out "DEUGOV	DEUOPP	111"

DESC="the library example"
run "${BUILD:-build}/examples/minimal" "$MINI" "Japan praised India for the maritime security agreement."
expect_rc 0
expect out "JPN	IND	051"
finish
