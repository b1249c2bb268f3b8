#!/bin/sh
# run.sh — runs one fuzz harness (built by `make fuzz-build`) for FUZZ_SECONDS
# from its seed corpus; prints one summary line, and the report on a crash.
name=$1
secs=${FUZZ_SECONDS:-60}
cd "$(dirname "$0")/.." || exit 1
bin=build-fuzz/fuzz/$name
work=build-fuzz/corpus/$name
mkdir -p "$work" build-fuzz/crash build-fuzz/log
log=build-fuzz/log/$name.log
# -rss_limit_mb and -malloc_limit_mb: bounded memory is a requirement, so
# an input that makes dyad allocate more than 2 GB is reported as a crash.
if "$bin" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="build-fuzz/crash/$name-" "$work" "fuzz/corpus/$name" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    echo "fuzz $name: ${secs}s, $runs runs, $cov, no crash"
else
    echo "FUZZ CRASH $name (log: $log)"
    grep -A40 '^==[0-9]*==ERROR\|runtime error\|deadly signal\|timeout\|out-of-memory' "$log" | head -60
    ls build-fuzz/crash/"$name"-* 2>/dev/null
    exit 1
fi
