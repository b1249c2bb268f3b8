# formats.sh — `dyad code --out csv|gdelt|petrarch|tabari`, --one-a-day counts,
# --quad phoenix, and `dyad codes` (our own stories in tests/fixtures/enrich).
. tests/cli/lib.inc
ENR=tests/fixtures/enrich

DESC="one a day: stories and ids per (date, source, target, code)"
run "$DYAD" code --dict "$MINI" --one-a-day --out csv "$ENR/daily.jsonl"
expect_rc 0
cut -d, -f1-6,38-41 "$TMP/out" | tr -d '\r' >"$TMP/cols"
mv "$TMP/cols" "$TMP/out"
expect out "story_id,sentence,date,source,target,code,mentions,sentence_ids,stories,story_ids
d1,1,2026-11-20,FRA,DEU,051,4,,3,d1;d2;d3
d3,2,2026-11-21,BRA,ARG,112,1,,1,d3
d4,1,2026-11-21,FRA,DEU,051,1,,1,d4"

DESC="identical events of one story are written once"
run "$DYAD" code --dict "$MINI" --out petrarch "$ENR/daily.jsonl"
expect_rc 0
expect out "20261120	FRA	DEU	051		d1_1;d1_2	NULL
20261120	FRA	DEU	051		d2_1	NULL
20261120	FRA	DEU	051		d3_1	NULL
20261121	BRA	ARG	112		d3_2	NULL
20261121	FRA	DEU	051		d4_1	NULL"

DESC="tabari"
run "$DYAD" code --dict "$MINI" --out tabari "$ENR/daily.jsonl"
expect_rc 0
head -1 "$TMP/out" >"$TMP/first"
mv "$TMP/first" "$TMP/out"
expect out "261120	FRA	DEU	051	(PRAISE OR ENDORSE) PRAISED"

DESC="gdelt: 61 columns on every line"
run "$DYAD" code --dict "$MINI" --out gdelt "$ENR/daily.jsonl"
expect_rc 0
awk -F'\t' '{ print NF }' "$TMP/out" | sort -u >"$TMP/nf"
mv "$TMP/nf" "$TMP/out"
expect out "61"

DESC="gdelt: FIPS 10-4 in ActionGeo_CountryCode/ADM1Code, ISO alpha-3 for actors"
run "$DYAD" code --dict "$MINI" --out gdelt "$ENR/daily.jsonl"
expect_rc 0
awk -F'\t' 'NR == 2 { print $8, $18, $53, $54, $55 }' "$TMP/out" >"$TMP/geo"
mv "$TMP/geo" "$TMP/out"
expect out "FRA DEU Paris FR FR"

DESC="--quad phoenix"
run "$DYAD" code --dict "$MINI" --quad phoenix --out csv "$ENR/daily.jsonl"
expect_rc 0
cut -d, -f6,23 "$TMP/out" | tr -d '\r' | sort -u >"$TMP/q"
mv "$TMP/q" "$TMP/out"
expect out "051,1
112,3
code,quad_class"

DESC="bad --quad"
run "$DYAD" code --quad nasa x.txt
expect_rc 2

DESC="codes by prefix"
run "$DYAD" codes 042
expect_rc 0
expect out "code	name	root	quad_gdelt	quad_phoenix	goldstein	plover_type	plover_mode	plover_context
042	Visit	04	1	1	1.9	CONSULT	visit	"

DESC="codes by word"
run "$DYAD" codes torture
expect_rc 0
expect out "code	name	root	quad_gdelt	quad_phoenix	goldstein	plover_type	plover_mode	plover_context
1822	Torture	18	4	4	-9.0	ASSAULT	torture	"

DESC="codes: nothing matches"
run "$DYAD" codes 999
expect_rc 1
finish
