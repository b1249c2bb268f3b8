# plover_gsr.sh — how the default dictionaries do on the PLOVER gold-standard sentences: the
# share whose PLOVER event type dyad produces (CAMEO codes mapped to PLOVER by dyad's jsonl
# output), and the share where that event also has a right source country. Fails below the
# plover-type / plover-type+source-country floors of tests/validation/floors.txt.
DYAD=${DYAD:-$PWD/build/dyad}
SHARED=${SHARED:-../shared}
GSR="$SHARED/validation/plover-gsr.jsonl"
if [ ! -f "$GSR" ]; then
    echo "skipped: $GSR not found (the reference material is absent)"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# gold: "k<TAB>EVENT<TAB>SRC1 SRC2 ..." and the sentences, one per line (k = line number)
sed -e 's/.*"sentence": "\(\([^"\\]\|\\.\)*\)".*/\1/' -e 's/\\"/"/g' -e 's/\\\\/\\/g' "$GSR" >"$tmp/ex.txt"
awk '{
    ev = $0; sub(/.*"plover_event": "/, "", ev); sub(/".*/, "", ev)
    src = $0; sub(/.*"sources": \[/, "", src); sub(/\].*/, "", src)
    codes = ""
    while (match(src, /"code": "[A-Z]*"/)) {
        c = substr(src, RSTART + 9, RLENGTH - 10); codes = codes " " c
        src = substr(src, RSTART + RLENGTH)
    }
    printf "%d\t%s\t%s\n", NR, ev, codes
}' "$GSR" >"$tmp/gold"
(cd "$tmp" && env -u DYAD_DICT "$DYAD" code ${MODE:+--mode "$MODE"} --in lines --out jsonl --date 2026-01-01 ex.txt) \
    >"$tmp/out.jsonl" 2>"$tmp/err" || { cat "$tmp/err"; echo "dyad code failed"; exit 1; }
if [ -s "$tmp/out.jsonl" ] && ! grep -q '"plover_type"' "$tmp/out.jsonl"; then
    echo "skipped: dyad's jsonl output has no plover_type (the CAMEO-to-PLOVER mapping is absent)"
    exit 0
fi
# produced: "k<TAB>PLOVER<TAB>SOURCE_COUNTRY"
sed -n 's/^{"event_id":[0-9]*,"story_id":"ex.txt:\([0-9]*\)".*"plover_type":"\([A-Z_]*\)".*"source_country":"\([A-Z]*\)".*/\1\t\2\t\3/p;
        s/^{"event_id":[0-9]*,"story_id":"ex.txt:\([0-9]*\)".*"plover_type":"\([A-Z_]*\)".*"source_country":null.*/\1\t\2\t-/p' \
    "$tmp/out.jsonl" >"$tmp/got"
awk -F'\t' '
    FNR == NR { got_any = 1; typ[$1] = typ[$1] " " $2; pair[$1] = pair[$1] " " $2 "/" $3; next }
    {
        n++
        if (index(typ[$1] " ", " " $2 " ")) t++
        m = split($3, s, " "); ok = 0
        for (i = 1; i <= m; i++) if (index(pair[$1] " ", " " $2 "/" s[i] " ")) ok = 1
        if (m == 0 && index(typ[$1] " ", " " $2 " ")) ok = 1
        ts += ok
    }
    END {
        if (n == 0 || !got_any) { print "FAIL: no event scored (has the JSON Lines output changed?)"; exit 1 }
        printf "plover-type: %d/%d = %.1f%%\n", t, n, 100 * t / n
        printf "plover-type+source-country: %d/%d = %.1f%%\n", ts, n, 100 * ts / n
    }' "$tmp/got" "$tmp/gold" >"$tmp/score" || { cat "$tmp/score"; exit 1; }
cat "$tmp/score"
status=0
for kind in plover-type plover-type+source-country; do
    floor=$(awk -v k="$kind" '$1 == k { print $2 }' tests/validation/floors.txt)
    [ -n "$floor" ] || { echo "no $kind line in tests/validation/floors.txt"; status=1; continue; }
    pct=$(awk -v k="$kind:" '$1 == k { sub("%", "", $NF); print $NF }' "$tmp/score")
    if awk -v p="$pct" -v f="$floor" 'BEGIN { exit !(p + 0 < f + 0) }'; then
        echo "$kind: $pct% is below the floor of $floor%"
        status=1
    fi
done
exit $status
