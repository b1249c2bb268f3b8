#!/bin/sh
# eval_syntax.sh — `make eval-syntax`: the syntax model scored with gold
# words on the UD development and test sets by the scorer in
# $SHARED/tools/score_conllu.py (UPOS, UAS, LAS of the universal relation),
# one row per set, and the speed of the run. Skips when $SHARED is absent.
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
DYAD=${DYAD:-$BUILD/dyad}
if [ ! -d "$SHARED/ud" ] || [ ! -f "$SHARED/tools/score_conllu.py" ]; then
    echo "eval-syntax: skipped, $SHARED/ud or its scorer is absent"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%-26s %8s %8s %8s %8s %8s\n' "set (gold words)" words UPOS UAS LAS "LAS full"
for f in en_ewt-ud-dev en_gum-cc-ud-dev en_ewt-ud-test en_pud-ud-test; do
    g="$SHARED/ud/$f.conllu.gz"
    [ -f "$g" ] || continue
    gzip -dc "$g" >"$tmp/gold.conllu"
    python3 "$SHARED/tools/score_conllu.py" --strip "$tmp/gold.conllu" >"$tmp/in.conllu"
    "$DYAD" parse --in conllu "$tmp/in.conllu" >"$tmp/out.conllu" 2>"$tmp/err" ||
        { echo "eval-syntax: dyad parse failed on $f:"; cat "$tmp/err"; exit 1; }
    python3 "$SHARED/tools/score_conllu.py" "$tmp/gold.conllu" "$tmp/out.conllu" >"$tmp/score"
    # "... words N: UPOS x UAS y LAS z LAS(full) w"
    awk -v set="$f" '{
        for (i = 1; i <= NF; i++) {
            if ($i == "words") { w = $(i + 1); sub(/:$/, "", w) }; if ($i == "UPOS") u = $(i + 1)
            if ($i == "UAS") a = $(i + 1); if ($i == "LAS") l = $(i + 1)
            if ($i == "LAS-full") f = $(i + 1)
        }
        printf "%-26s %8s %8s %8s %8s %8s\n", set, w, u, a, l, f }' "$tmp/score"
done
