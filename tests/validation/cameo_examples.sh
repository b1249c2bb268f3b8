# cameo_examples.sh — the default dictionaries on the CAMEO codebook's examples: the share of
# examples whose expected root code, and whose full code, `dyad code` (no --dict) produces.
# Fails below the cameo-root / cameo-full floors of tests/validation/floors.txt.
DYAD=${DYAD:-$PWD/build/dyad}
SHARED=${SHARED:-../shared}
TSV="$SHARED/validation/cameo-manual-examples.tsv"
if [ ! -f "$TSV" ]; then
    echo "skipped: $TSV not found (the reference material is absent)"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# one example sentence per line; line k+1 of the tsv is line k of ex.txt
awk -F'\t' 'NR > 1 { print $8 }' "$TSV" >"$tmp/ex.txt"
(cd "$tmp" && env -u DYAD_DICT "$DYAD" code ${MODE:+--mode "$MODE"} --in lines --date 2026-01-01 ex.txt) \
    >"$tmp/out.tsv" 2>"$tmp/err" || { cat "$tmp/err"; echo "dyad code failed"; exit 1; }
# codes produced per line: "k code"
awk -F'\t' 'NR > 1 { split($1, a, ":"); print a[2], $6 }' "$tmp/out.tsv" >"$tmp/codes"
awk -v verbose="${VERBOSE:-0}" '
    FNR == NR { got[$1] = got[$1] " " $2; next }
    FNR > 1 {
        k = FNR - 1; n++
        full = $1; root = $2
        okr = 0; okf = 0
        m = split(got[k], c, " ")
        for (i = 1; i <= m; i++) {
            if (c[i] == full) okf = 1
            if (substr(c[i], 1, 2) == root) okr = 1
        }
        nr += okr; nf += okf
        if (verbose && !okf) printf "miss %s (%s) got:%s\n", full, okr ? "root ok" : "root miss", got[k]
    }
    END {
        printf "cameo-root: %d/%d = %.1f%%\n", nr, n, 100 * nr / n
        printf "cameo-full: %d/%d = %.1f%%\n", nf, n, 100 * nf / n
    }' "$tmp/codes" FS='\t' "$TSV" >"$tmp/score"
cat "$tmp/score"
status=0
for kind in cameo-root cameo-full; do
    floor=$(awk -v k="$kind" '$1 == k { print $2 }' tests/validation/floors.txt)
    [ -n "$floor" ] || { echo "no $kind line in tests/validation/floors.txt"; status=1; continue; }
    pct=$(awk -v k="$kind:" '$1 == k { sub("%", "", $NF); print $NF }' "$tmp/score")
    if awk -v p="$pct" -v f="$floor" 'BEGIN { exit !(p + 0 < f + 0) }'; then
        echo "$kind: $pct% is below the floor of $floor%"
        status=1
    fi
done
exit $status
