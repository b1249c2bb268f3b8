# parse.sh — `dyad parse` with the built-in model: CoNLL-U out of text, lines,
# JSON Lines and CoNLL-U input; -j N writes what -j 1 writes; bad CoNLL-U
# and over-long sentences are reported and skipped; bad models are refused.
. tests/cli/lib.inc
SYN=tests/fixtures/syntax

# word_line N: the columns of word N of the first sentence in $TMP/out
word_line() {
    awk -F'\t' -v n="$1" '$1 == n { print $2 "|" $4 "|" $7 "|" $8; exit }' "$TMP/out"
}
check() {
    if [ "$2" != "$3" ]; then
        echo "FAIL: $DESC: $1: got '$2', want '$3'"
        failures=$((failures + 1))
    fi
}
# Every line is a comment, a blank, or 10 tab-separated columns.
well_formed() {
    bad=$(awk -F'\t' '!/^#/ && $0 != "" && NF != 10' "$TMP/out" | head -3)
    if [ -n "$bad" ]; then
        echo "FAIL: $DESC: lines that are not 10 columns:"
        echo "$bad"
        failures=$((failures + 1))
    fi
}

DESC="a plain sentence"
printf 'France praised Germany.\n' >"$TMP/s.txt"
run "$DYAD" parse "$TMP/s.txt"
expect_rc 0
well_formed
check "newdoc" "$(sed -n 1p "$TMP/out")" "# newdoc id = $TMP/s.txt"
check "sent_id" "$(sed -n 2p "$TMP/out")" "# sent_id = $TMP/s.txt-1"
check "text" "$(sed -n 3p "$TMP/out")" "# text = France praised Germany."
check "word 1" "$(word_line 1)" "France|PROPN|2|nsubj"
check "word 2" "$(word_line 2)" "praised|VERB|0|root"
check "word 3" "$(word_line 3)" "Germany|PROPN|2|obj"
check "word 4" "$(word_line 4)" ".|PUNCT|2|punct"
expect err "dyad: 1 stories read: 1 parsed, 0 skipped; 1 sentences, 4 words"

DESC="a contraction is a multiword token; lemmas"
printf '{"id":"c1","text":"They don'"'"'t agree."}\n' >"$TMP/c.jsonl"
run "$DYAD" parse "$TMP/c.jsonl"
expect_rc 0
well_formed
grep -q "^2-3	don't	" "$TMP/out" || { echo "FAIL: $DESC: no range line"; cat "$TMP/out"; failures=$((failures + 1)); }
check "n't" "$(awk -F'\t' '$1 == 3 { print $2 "|" $3 "|" $8 }' "$TMP/out")" "n't|not|advmod"

DESC="--date writes the story's date"
run "$DYAD" parse --date 2026-01-02 --in lines "$TMP/s.txt"
expect_rc 0
grep -q "^# date = 2026-01-02$" "$TMP/out" || { echo "FAIL: $DESC"; cat "$TMP/out"; failures=$((failures + 1)); }

DESC="-j 4 writes what -j 1 writes"
i=0
while [ $i -lt 300 ]; do
    printf '{"id":"s%d","text":"Ministers from Chile met %d officials in Lima on Monday. They signed an agreement, and the talks ended."}\n' $i $i
    i=$((i + 1))
done >"$TMP/many.jsonl"
"$DYAD" parse -j 1 "$TMP/many.jsonl" >"$TMP/one" 2>/dev/null
"$DYAD" parse -j 4 "$TMP/many.jsonl" >"$TMP/four" 2>/dev/null
cmp -s "$TMP/one" "$TMP/four" || { echo "FAIL: $DESC"; failures=$((failures + 1)); }
check "sentences" "$(grep -c '^# sent_id' "$TMP/one")" "600"

DESC="CoNLL-U in: words, ids, comments and ranges kept, the rest predicted"
run "$DYAD" parse "$SYN/two.conllu"
expect_rc 0
well_formed
check "comments" "$(grep '^#' "$TMP/out" | tr '\n' '|')" "# newdoc id = doc-a|# sent_id = a-1|# text = Norway hosted talks.|# sent_id = a-2|# text = They don't agree.|"
check "forms" "$(awk -F'\t' 'NF == 10 { printf "%s %s,", $1, $2 }' "$TMP/out")" \
    "1 Norway,2 hosted,3 talks,4 .,1 They,2-3 don't,2 do,3 n't,4 agree,5 .,"
check "SpaceAfter kept" "$(awk -F'\t' '$2 == "talks" { print $10 }' "$TMP/out")" "SpaceAfter=No"
check "predicted" "$(awk -F'\t' '$2 == "hosted" { print $4 "|" $7 "|" $8 }' "$TMP/out")" "VERB|0|root"

DESC="CoNLL-U, -j 2 the same"
"$DYAD" parse -j 2 "$SYN/two.conllu" >"$TMP/two" 2>/dev/null
cmp -s "$TMP/out" "$TMP/two" || { echo "FAIL: $DESC"; failures=$((failures + 1)); }

DESC="a malformed CoNLL-U sentence is named and skipped, the others parsed"
run "$DYAD" parse "$SYN/malformed.conllu"
expect_rc 3
well_formed
check "sentences out" "$(grep -c '^# sent_id' "$TMP/out")" "2"
grep -q "^dyad: $SYN/malformed.conllu:7: " "$TMP/err" || { echo "FAIL: $DESC: no FILE:LINE"; cat "$TMP/err"; failures=$((failures + 1)); }
grep -q "3 stories read: 2 parsed, 1 skipped" "$TMP/err" || { echo "FAIL: $DESC: summary"; cat "$TMP/err"; failures=$((failures + 1)); }

DESC="a CoNLL-U sentence over 500 words is skipped"
awk 'BEGIN { print "# sent_id = long"; for (i = 1; i <= 600; i++) printf "%d\tword\t_\t_\t_\t_\t_\t_\t_\t_\n", i; print "" }' >"$TMP/long.conllu"
run "$DYAD" parse "$TMP/long.conllu"
expect_rc 3
grep -q "long.conllu:1: .*500" "$TMP/err" || { echo "FAIL: $DESC"; cat "$TMP/err"; failures=$((failures + 1)); }

DESC="a text sentence over 500 words is cut, and parsed"
awk 'BEGIN { for (i = 1; i <= 1200; i++) printf "talks "; print "" }' >"$TMP/long.txt"
run "$DYAD" parse --in lines "$TMP/long.txt"
expect_rc 0
check "pieces" "$(grep -c '^# sent_id' "$TMP/out")" "3"
check "words" "$(awk -F'\t' 'NF == 10' "$TMP/out" | wc -l | tr -d ' ')" "1200"

DESC="a missing model file"
run "$DYAD" parse --model "$TMP/none.dym" "$TMP/s.txt"
expect_rc 1
grep -q "none.dym" "$TMP/err" || { echo "FAIL: $DESC"; cat "$TMP/err"; failures=$((failures + 1)); }

DESC="a file that is not a model"
printf 'hello\n' >"$TMP/bad.dym"
run "$DYAD" parse --model "$TMP/bad.dym" "$TMP/s.txt"
expect_rc 1
expect err "dyad: $TMP/bad.dym: not a usable dyad syntax model: no model header"

DESC="DYAD_MODEL names a missing file"
DYAD_MODEL=/nonexistent/m.dym "$DYAD" parse "$TMP/s.txt" >"$TMP/out" 2>"$TMP/err"
grep -q "/nonexistent/m.dym" "$TMP/err" || { echo "FAIL: $DESC"; cat "$TMP/err"; failures=$((failures + 1)); }

DESC="tabari input is refused"
run "$DYAD" parse --in tabari "$TMP/s.txt"
expect_rc 2
finish
