# code_jobs.sh — `dyad code -j N`: parallel coding writes exactly what one
# thread writes (events, order, skipped-input messages, summary), any N.
. tests/cli/lib.inc

# 2,000 stories with bad lines among them: our stories.jsonl, ids made unique.
i=0
while [ $i -lt 250 ]; do
    sed "s/\"id\":\"j/\"id\":\"r$i-j/" "$STO/stories.jsonl"
    i=$((i + 1))
done >"$TMP/many.jsonl"

for fmt in tsv jsonl csv gdelt petrarch tabari; do
    "$DYAD" code -j 1 --dict "$MINI" --out $fmt --date 2026-01-01 "$TMP/many.jsonl" \
        >"$TMP/one.out" 2>"$TMP/one.err"
    RC1=$?
    for j in 2 3 8; do
        DESC="-j $j equals -j 1 ($fmt)"
        run "$DYAD" code -j $j --dict "$MINI" --out $fmt --date 2026-01-01 "$TMP/many.jsonl"
        expect_rc $RC1
        expect_file out "$TMP/one.out"
        expect_file err "$TMP/one.err"
    done
done

DESC="-j 4: the same --rejects file"
"$DYAD" code -j 1 --dict "$MINI" --rejects "$TMP/rej1" "$TMP/many.jsonl" >/dev/null 2>&1
"$DYAD" code -j 4 --dict "$MINI" --rejects "$TMP/rej4" "$TMP/many.jsonl" >/dev/null 2>&1
cmp -s "$TMP/rej1" "$TMP/rej4" || { echo "FAIL: $DESC"; diff "$TMP/rej1" "$TMP/rej4" | head; failures=$((failures + 1)); }
[ -s "$TMP/rej1" ] || { echo "FAIL: $DESC: no rejects written"; failures=$((failures + 1)); }

DESC="-j from stdin, one-a-day"
"$DYAD" code -j 1 --one-a-day --dict "$MINI" --in jsonl - <"$TMP/many.jsonl" >"$TMP/one.out" 2>"$TMP/one.err"
"$DYAD" code --jobs 4 --one-a-day --dict "$MINI" --in jsonl - <"$TMP/many.jsonl" >"$TMP/out" 2>"$TMP/err"
expect_file out "$TMP/one.out"
expect_file err "$TMP/one.err"

DESC="default -j (all cores) on TABARI records"
"$DYAD" code -j1 --dict "$MINI" --in tabari "$STO/records.tabari" >"$TMP/one.out" 2>"$TMP/one.err"
run "$DYAD" code --dict "$MINI" --in tabari "$STO/records.tabari"
expect_file out "$TMP/one.out"
expect_file err "$TMP/one.err"

DESC="-j without a number"
run "$DYAD" code -j x --dict "$MINI" "$STO/sentences.txt"
expect_rc 2

# The news corpus with the production dictionaries, when ../shared is there.
SHARED=${SHARED:-../shared}
CORPUS="$SHARED/corpus/news-sentences.txt"
PHX="$SHARED/dictionaries/phoenix"
if [ -f "$CORPUS" ] && [ -d "$PHX" ]; then
    DESC="-j 4 equals -j 1 on the news corpus (Phoenix dictionaries)"
    head -n 20000 "$CORPUS" >"$TMP/news.txt"
    "$DYAD" code -j 1 --dict "$PHX" --in lines --date 2026-01-01 "$TMP/news.txt" >"$TMP/one.out" 2>"$TMP/one.err"
    run "$DYAD" code -j 4 --dict "$PHX" --in lines --date 2026-01-01 "$TMP/news.txt"
    expect_file out "$TMP/one.out"
    expect_file err "$TMP/one.err"
else
    echo "skipped: -j on the news corpus: $SHARED not found"
fi
finish
