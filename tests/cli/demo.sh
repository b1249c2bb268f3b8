# demo.sh — the demo story codes into the expected events with the starter dictionary
# (source, target, code; spans may still improve); examples/minimal.c codes a sentence.
. tests/cli/lib.inc

DESC="demo story"
run "$DYAD" code --dict data/default/default.project --date 2026-11-20 examples/demo-story.txt
expect_rc 0
cut -f2,4-6 "$TMP/out" >"$TMP/cols"
mv "$TMP/cols" "$TMP/out"
expect out "sentence	source	target	code
1	FRAGOV	DEUGOV	040
2	BRA	ARG	112
3	UKRGOV	CAN	020
4	RUSMIL	UKR	190
5	JPN	IND	051
6	IGOUNO	RUS	111"

DESC="the library example"
run "${BUILD:-build}/examples/minimal" "$MINI" "Japan praised India for the maritime security agreement."
expect_rc 0
expect out "JPN	IND	051"
finish
