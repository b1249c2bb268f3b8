#!/bin/sh
# throughput.sh — the numbers of issue 7 on ../shared's news corpus, with the
# default and the production dictionaries: sentences/s on one thread and on
# all cores, start-up from source files (read, and from the compiled-dictionary
# cache on the runs after the first) and from a compiled .dyd, peak memory.
# Writes the table to bench/RESULTS.md. Skips when ../shared is absent.
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
RUNS=${RUNS:-3}
DYAD="$BUILD/dyad"
CORPUS="$SHARED/corpus/news-sentences.txt"
PROJECT="$BUILD/production.project"   # written by bench/corpus.sh
OUT=${OUT:-bench/RESULTS.md}
if [ ! -f "$CORPUS" ] || [ ! -f "$PROJECT" ]; then
    echo "bench throughput: skipped: $CORPUS or the production dictionaries not found"
    exit 0
fi
if [ ! -x /usr/bin/time ]; then
    echo "bench throughput: skipped: /usr/bin/time (Debian package time) not installed"
    exit 0
fi
cores=$(nproc 2>/dev/null || echo 1)
sentences=$(wc -l <"$CORPUS" | tr -d ' ')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
XDG_CACHE_HOME="$tmp/cache"   # a cache of its own, starting empty
export XDG_CACHE_HOME
unset DYAD_NO_CACHE

# best RUNS of: dyad code ARGS -> "seconds peak_kb" (wall time in ns from date,
# peak memory from /usr/bin/time)
best() {
    b=""
    i=0
    while [ $i -lt "$RUNS" ]; do
        t0=$(date +%s%N)
        /usr/bin/time -f "%M" -o "$tmp/t" "$DYAD" code "$@" >/dev/null 2>"$tmp/err" || {
            cat "$tmp/err"; exit 1; }
        t1=$(date +%s%N)
        kb=$(cat "$tmp/t")
        b=$(echo "$b" "$(( (t1 - t0) / 1000 )) $kb" |
            awk '{ if (NF == 2 || $3 < $1) print $(NF-1), $NF; else print $1, $2 }')
        i=$((i + 1))
    done
    echo "$b" | awk '{ printf "%.6f %d\n", $1 / 1e6, $2 }'
}

# row NAME DICT_ARGS_TEXT DICT_ARGS_DYD
row() {
    name=$1 text=$2 dyd=$3
    set -- $text; load_text=$(best "$@" --no-cache --in lines /dev/null | cut -d' ' -f1)
    set -- $text; "$DYAD" code "$@" --in lines /dev/null >/dev/null 2>&1   # fills the cache
    set -- $text; load_cached=$(best "$@" --in lines /dev/null | cut -d' ' -f1)
    set -- $dyd; load_dyd=$(best "$@" --in lines /dev/null | cut -d' ' -f1)
    set -- $dyd; one=$(best "$@" -j 1 --in lines --date 2026-01-01 "$CORPUS")
    set -- $dyd; all=$(best "$@" -j "$cores" --in lines --date 2026-01-01 "$CORPUS")
    echo "$name $load_text $load_cached $load_dyd $one $all" | awk -v n="$sentences" '{
        c1 = $5 - $4; if (c1 <= 0) c1 = 0.001
        cn = $7 - $4; if (cn <= 0) cn = 0.001
        printf "| %s | %.1f ms | %.1f ms | %.1f ms | %.0f | %.0f | %.2f | %.1f MB |\n",
               $1, $2 * 1000, $3 * 1000, $4 * 1000, n / c1, n / cn, c1 / cn,
               ($6 > $8 ? $6 : $8) / 1024
    }'
}

"$DYAD" dict compile -o "$tmp/default.dyd" || exit 1
"$DYAD" dict compile --dict "$PROJECT" -o "$tmp/production.dyd" || exit 1
{
    echo "# dyad throughput (make bench)"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $cores cores;" \
         "$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //');" \
         "load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)."
    echo "Corpus: $sentences sentences of news-sentences.txt (one per line, --in lines)."
    echo "Production = Phoenix actors and agents + TABARI CAMEO master verbs and options."
    echo "Start-up is \`dyad code\` on empty input (process start included); sentences/s"
    echo "subtract it from the run on the corpus (dictionary from the .dyd); best of $RUNS."
    echo "Start-up with the default dictionaries embedded in the binary (no --dict):" \
         "$(best --in lines /dev/null | awk '{ printf "%.1f ms", $1 * 1000 }')."
    echo "Wall times include waiting for a CPU: compare with the load average above."
    echo
    echo "| dictionaries | start-up, source files (--no-cache) | start-up, source files, cached | start-up, .dyd | sentences/s, 1 thread | sentences/s, $cores threads | speed-up | peak memory |"
    echo "|---|---|---|---|---|---|---|---|"
    row default "--dict data/default/default.project" "--dict $tmp/default.dyd"
    row production "--dict $PROJECT" "--dict $tmp/production.dyd"
} >"$tmp/results.md"
cat "$tmp/results.md"
cp "$tmp/results.md" "$OUT"
echo "bench: wrote $OUT"
