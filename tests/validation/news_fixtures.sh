# news_fixtures.sh — dyad's own news-style sentences (tests/fixtures/news/events.tsv, written
# for dyad) coded with the default dictionaries: a sentence counts as right when an event
# has the expected source and target countries (first three letters of the actor codes)
# and root code, or, for "-", when it has no event. MODE=syntax|shallow picks the mode
# (default: dyad's default); VERBOSE=1 lists the misses. Fails below the news-fixtures floor.
DYAD=${DYAD:-$PWD/build/dyad}
FIX=tests/fixtures/news/events.tsv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -v '^#' "$FIX" | cut -f2 >"$tmp/s.txt"
grep -v '^#' "$FIX" >"$tmp/gold"
(cd "$tmp" && env -u DYAD_DICT "$DYAD" code ${MODE:+--mode "$MODE"} --in lines --date 2026-01-01 s.txt) \
    >"$tmp/out.tsv" 2>"$tmp/err" || { cat "$tmp/err"; echo "dyad code failed"; exit 1; }
# "line source target code" per event
awk -F'\t' 'NR > 1 { split($1, a, ":"); print a[2], $4, $5, $6 }' "$tmp/out.tsv" >"$tmp/got"
awk -v verbose="${VERBOSE:-0}" '
    FNR == NR { got[$1] = got[$1] "|" substr($2, 1, 3) " " substr($3, 1, 3) " " substr($4, 1, 2); n[$1]++; next }
    {
        k = FNR; total++
        split($0, f, "\t")
        ok = 0
        if (f[3] == "-") ok = !n[k]
        else ok = index(got[k] "|", "|" f[3] " " f[4] " " f[5] "|") > 0
        right += ok
        if (verbose && !ok) printf "miss %s: want %s %s %s got%s\n", f[1], f[3], f[4], f[5], got[k]
    }
    END { printf "news-fixtures: %d/%d\n", right, total }' "$tmp/got" "$tmp/gold" >"$tmp/score"
cat "$tmp/score"
floor=$(awk '$1 == "news-fixtures" { print $2 }' tests/validation/floors.txt)
got=$(sed -n 's/^news-fixtures: \([0-9]*\)\/.*/\1/p' "$tmp/score")
if [ -n "$floor" ] && [ -z "$MODE" ] && [ "$got" -lt "$floor" ]; then
    echo "news-fixtures: $got is below the floor of $floor"
    exit 1
fi
exit 0
