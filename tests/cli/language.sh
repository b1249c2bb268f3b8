# language.sh — a story that does not look like English is coded (no event
# comes of it) and said so: a warning naming the story, the first ten only,
# a count in the summary line, a note in dyad explain. English stories, and
# texts too short to judge, are never flagged. Every text here was written
# for this test.
. tests/cli/lib.inc

FR="Le ministre des affaires étrangères a déclaré mardi que les négociations avec les rebelles reprendraient la semaine prochaine dans la capitale."
ES="El gobierno anunció el martes que reanudará las conversaciones de paz con el grupo armado a partir de la próxima semana en La Habana."
EN="The foreign minister of France praised Germany on Tuesday for its help to the refugees who had crossed the border in the night."
{
    printf '{"id":"fr1","date":"2026-03-01","text":"%s"}\n' "$FR"
    printf '{"id":"en1","date":"2026-03-01","text":"%s"}\n' "$EN"
    printf '{"id":"es1","date":"2026-03-01","text":"%s"}\n' "$ES"
    printf '{"id":"short","date":"2026-03-01","text":"Merkel trifft Macron."}\n'
} >"$TMP/mixed.jsonl"

DESC="a French and a Spanish story among English ones: named, counted, coded"
run "$DYAD" code "$TMP/mixed.jsonl"
expect_rc 0
W="does not look like English (few common English words, or mostly another script); dyad codes English text, so expect no events from it"
expect err "dyad: $TMP/mixed.jsonl:1: story fr1: $W
dyad: $TMP/mixed.jsonl:3: story es1: $W
dyad: 4 stories read: 4 coded (0 repaired, 2 not English), 0 skipped (0 bad input, 0 no date, 0 bad date, 0 empty, 0 too long, 0 duplicate id, 0 coding error); 4 sentences: 1 with events, 3 no event, 0 discarded, 0 complex, 0 too short, 0 too long; 1 events written"
cut -f1,4-6 "$TMP/out" | tail -n +2 >"$TMP/ev"
printf 'en1\tFRAGOV\tDEU\t051\n' >"$TMP/want_ev"
diff -u "$TMP/want_ev" "$TMP/ev" || { echo "FAIL: $DESC: events"; failures=$((failures + 1)); }

DESC="a whole foreign feed: the first ten named, the rest counted"
i=0
while [ $i -lt 14 ]; do
    printf '{"id":"f%d","date":"2026-03-01","text":"%s"}\n' $i "$FR"
    i=$((i + 1))
done >"$TMP/fr.jsonl"
run "$DYAD" code "$TMP/fr.jsonl"
expect_rc 0
[ "$(grep -c "does not look like English" "$TMP/err")" -eq 10 ] &&
    grep -q "^dyad: $TMP/fr.jsonl:10: story f9: .*(further such stories are only counted in the summary)$" "$TMP/err" &&
    grep -q "coded (0 repaired, 14 not English)" "$TMP/err" ||
    { echo "FAIL: $DESC"; cat "$TMP/err"; failures=$((failures + 1)); }

DESC="dyad explain notes it, with the counts"
run "$DYAD" explain --date 2026-03-01 "$FR"
expect_rc 0
grep -q "^note: the text does not look like English: 1 of 21 words are common English words, [0-9]* of other languages" "$TMP/out" ||
    { echo "FAIL: $DESC"; cat "$TMP/out"; failures=$((failures + 1)); }
run "$DYAD" explain --date 2026-03-01 "$EN"
grep -q "^note:" "$TMP/out" && { echo "FAIL: $DESC: English noted"; failures=$((failures + 1)); }

DESC="Arabic and Russian text: another script"
printf '%s\n' "قال رئيس الوزراء إن الحكومة ستعقد اجتماعا طارئا لمناقشة الأوضاع" \
    "Министр обороны заявил в среду, что армия начнёт учения у границы." >"$TMP/scripts.txt"
run "$DYAD" code --in lines --date 2026-03-01 "$TMP/scripts.txt"
expect_rc 0
grep -q "coded (0 repaired, 2 not English)" "$TMP/err" || { echo "FAIL: $DESC"; cat "$TMP/err"; failures=$((failures + 1)); }
finish
