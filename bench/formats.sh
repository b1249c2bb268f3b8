#!/bin/sh
# formats.sh — the speed of `dyad code` on every input format (lines, jsonl,
# tabari, petrarch) and output format (tsv, jsonl, gdelt), shallow and syntax
# modes, one thread and all cores, with the production dictionaries compiled
# to a .dyd. The news corpus is written once in each input format (one story
# per sentence). Rates include start-up (process start and dictionary load),
# as a user's run does. Instructions per sentence come from callgrind on the
# first SAMPLE sentences (one thread, less the instructions of start-up on
# an empty input): they do not move with the machine's load as wall time does.
# Appends its table to bench/RESULTS.md. Skips when ../shared is absent.
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
RUNS=${RUNS:-3}
SAMPLE=${SAMPLE:-5000}
DYAD="$BUILD/dyad"
CORPUS="$SHARED/corpus/news-sentences.txt"
PROJECT="$BUILD/production.project"   # written by bench/corpus.sh
OUT=${OUT:-bench/RESULTS.md}
if [ ! -f "$CORPUS" ] || [ ! -f "$PROJECT" ]; then
    echo "bench formats: skipped: $CORPUS or the production dictionaries not found"
    exit 0
fi
cores=$(nproc 2>/dev/null || echo 1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$DYAD" dict compile --dict "$PROJECT" -o "$tmp/prod.dyd" 2>/dev/null || exit 1

# The corpus in each input format: the same sentences, one story each.
cp "$CORPUS" "$tmp/news.lines"
awk '{ gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, "\\t"); gsub(/\r/, "\\r")
       printf "{\"id\":\"s%d\",\"date\":\"2026-01-01\",\"text\":\"%s\"}\n", NR, $0 }' \
    "$CORPUS" >"$tmp/news.jsonl"
awk '{ printf "260101 s%d\n%s\n\n", NR, $0 }' "$CORPUS" >"$tmp/news.tabari"
awk 'BEGIN { print "<Sentences>" }
     { gsub(/&/, "\\&amp;"); gsub(/</, "\\&lt;"); gsub(/>/, "\\&gt;")
       printf "<Sentence date=\"20260101\" id=\"s%d\" sentence=\"True\">\n<Text>%s</Text>\n</Sentence>\n", NR, $0 }
     END { print "</Sentences>" }' "$CORPUS" >"$tmp/news.petrarch"
sentences=$(wc -l <"$CORPUS" | tr -d ' ')

# best of RUNS: seconds of dyad code ARGS
best() {
    b=""
    i=0
    while [ $i -lt "$RUNS" ]; do
        t0=$(date +%s%N)
        "$DYAD" code "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
        t1=$(date +%s%N)
        t=$(( (t1 - t0) / 1000 ))
        if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
        i=$((i + 1))
    done
    echo "$b" | awk '{ printf "%.6f\n", $1 / 1e6 }'
}

# instructions of dyad code ARGS, one thread (callgrind), or "-" without valgrind
instr() {
    if ! command -v valgrind >/dev/null 2>&1; then echo "-"; return; fi
    valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$DYAD" code "$@" \
        >/dev/null 2>"$tmp/cgerr" || { echo "-"; return; }
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/cgerr"
}
# start-up alone: an empty input, for each mode
startup_shallow=$(instr --mode shallow --dict "$tmp/prod.dyd" --in lines /dev/null)
startup_syntax=$(instr --mode syntax --dict "$tmp/prod.dyd" --in lines /dev/null)

# row IN OUT MODE: one line of the table
row() {
    in=$1 out=$2 mode=$3
    args="--mode $mode --dict $tmp/prod.dyd --in $in --out $out --date 2026-01-01"
    one=$(best $args -j 1 "$tmp/news.$in")
    all=$(best $args -j "$cores" "$tmp/news.$in")
    smp=$SAMPLE
    [ "$mode" = syntax ] && smp=$((SAMPLE / 5))
    case $in in
    lines|jsonl) head -n "$smp" "$tmp/news.$in" >"$tmp/s.$in" ;;
    tabari) head -n $((smp * 3)) "$tmp/news.tabari" >"$tmp/s.$in" ;;
    petrarch) { head -n $((smp * 3 + 1)) "$tmp/news.petrarch"; echo "</Sentences>"; } >"$tmp/s.$in" ;;
    esac
    ins=$(instr $args -j 1 "$tmp/s.$in")
    start=$startup_shallow
    [ "$mode" = syntax ] && start=$startup_syntax
    echo "$in $out $mode $one $all $ins $start" | awk -v n="$sentences" -v smp="$smp" '{
        per = ($6 == "-" || $7 == "-") ? "-" : sprintf("%.0f", ($6 - $7) / smp)
        printf "| %s | %s | %s | %.0f | %.0f | %.2f | %s |\n",
               $1, $2, $3, n / $4, n / $5, $4 / $5, per }'
}

{
    echo
    echo "## Every input and output format (bench/formats.sh)"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $cores cores; load average" \
         "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)."
    echo "The $sentences news sentences, one story each, in every input format;"
    echo "production dictionaries from a .dyd. Sentences/s include start-up (best of $RUNS)."
    echo "Instructions/sentence: callgrind, one thread, on the first $SAMPLE sentences"
    echo "($((SAMPLE / 5)) in syntax mode), less start-up: $startup_shallow instructions"
    echo "(shallow), $startup_syntax (syntax; the model's load included)."
    echo
    echo "| input | output | mode | sentences/s, 1 thread | sentences/s, $cores threads | speed-up | instructions/sentence |"
    echo "|---|---|---|---|---|---|---|"
    for in in lines jsonl tabari petrarch; do row $in jsonl shallow; done
    for out in tsv gdelt; do row lines $out shallow; done
    for in in lines jsonl; do row $in jsonl syntax; done
} >"$tmp/results.md"
cat "$tmp/results.md"
cat "$tmp/results.md" >>"$OUT"
echo "bench: appended to $OUT"
