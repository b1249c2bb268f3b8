#!/bin/sh
# syntax.sh — the speed of dyad's tokenizer + tagger + lemmatiser + parser
# (`dyad parse`) on ../shared's news corpus: words and sentences a second on
# one thread and on all cores, start-up (loading the built-in model), peak
# memory. Appends its table to bench/RESULTS.md. Skips when ../shared is absent.
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
RUNS=${RUNS:-3}
DYAD="$BUILD/dyad"
CORPUS="$SHARED/corpus/news-sentences.txt"
OUT=${OUT:-bench/RESULTS.md}
if [ ! -f "$CORPUS" ]; then
    echo "bench syntax: skipped: $CORPUS not found"
    exit 0
fi
if [ ! -x /usr/bin/time ]; then
    echo "bench syntax: skipped: /usr/bin/time (Debian package time) not installed"
    exit 0
fi
cores=$(nproc 2>/dev/null || echo 1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# best RUNS of: dyad parse ARGS -> "seconds peak_kb"
best() {
    b=""
    i=0
    while [ $i -lt "$RUNS" ]; do
        t0=$(date +%s%N)
        /usr/bin/time -f "%M" -o "$tmp/t" "$DYAD" parse "$@" >/dev/null 2>"$tmp/err" || {
            cat "$tmp/err"; exit 1; }
        t1=$(date +%s%N)
        kb=$(cat "$tmp/t")
        b=$(echo "$b" "$(( (t1 - t0) / 1000 )) $kb" |
            awk '{ if (NF == 2 || $3 < $1) print $(NF-1), $NF; else print $1, $2 }')
        i=$((i + 1))
    done
    echo "$b" | awk '{ printf "%.6f %d\n", $1 / 1e6, $2 }'
}

# the corpus's words and sentences as the parser counts them
"$DYAD" parse --in lines "$CORPUS" >/dev/null 2>"$tmp/sum" || { cat "$tmp/sum"; exit 1; }
words=$(sed -n 's/.* \([0-9]*\) sentences, \([0-9]*\) words$/\2/p' "$tmp/sum")
sentences=$(sed -n 's/.* \([0-9]*\) sentences, \([0-9]*\) words$/\1/p' "$tmp/sum")
start=$(best --in lines /dev/null | cut -d' ' -f1)
one=$(best -j 1 --in lines "$CORPUS")
all=$(best -j "$cores" --in lines "$CORPUS")
{
    echo
    echo "## Syntax: dyad parse (tokenize, tag, lemmatise, parse; CoNLL-U out)"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)."
    echo "The same corpus, --in lines: $sentences sentences, $words words (as the"
    echo "tokenizer cuts them). Start-up is \`dyad parse\` on empty input (loading and"
    echo "checking the built-in model, process start included); the rates subtract it."
    echo
    echo "| start-up | words/s, 1 thread | sentences/s, 1 thread | words/s, $cores threads | sentences/s, $cores threads | peak memory |"
    echo "|---|---|---|---|---|---|"
    echo "$start $one $all" | awk -v w="$words" -v s="$sentences" '{
        c1 = $2 - $1; if (c1 <= 0) c1 = 0.001
        cn = $4 - $1; if (cn <= 0) cn = 0.001
        printf "| %.1f ms | %.0f | %.0f | %.0f | %.0f | %.1f MB |\n",
               $1 * 1000, w / c1, s / c1, w / cn, s / cn, ($3 > $5 ? $3 : $5) / 1024
    }'
} >"$tmp/syntax.md"
cat "$tmp/syntax.md"
cat "$tmp/syntax.md" >>"$OUT"
echo "bench: appended the syntax table to $OUT"
