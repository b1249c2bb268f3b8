#!/bin/sh
# store.sh — the event store's speed: events stored a second through
# dyad_store_put on one core (tools/storebench.c: synthetic stories of four
# events, every field of the JSON Lines output and the sentence, as dyad
# code --db stores them, into a new store: its indexes are built at the
# close, which is timed), the bytes an event takes, and `dyad series --by
# month` over a store of about 1 GB. Appends its table to bench/RESULTS.md.
BUILD=${BUILD:-build}
OUT=${OUT:-bench/RESULTS.md}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

set -- $("$BUILD/tools/storebench" "$tmp/a.sqlite" 100000 4) || exit 1
ingest_events=$1 ingest_s=$2 ingest_rate=$3 ingest_bytes=$4
per_event=$((ingest_bytes / ingest_events))

# about 1 GB: as many events as that many bytes
n=$((1000000000 / per_event / 4))
set -- $("$BUILD/tools/storebench" "$tmp/big.sqlite" "$n" 4) || exit 1
big_events=$1 big_bytes=$4
best=""
for i in 1 2 3; do
    t0=$(date +%s%N)
    "$BUILD/dyad" series --db "$tmp/big.sqlite" --by month >/dev/null 2>&1 || exit 1
    t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 ))
    [ -z "$best" ] || [ "$ms" -lt "$best" ] && best=$ms
done
best_dyad=""
for i in 1 2 3; do
    t0=$(date +%s%N)
    "$BUILD/dyad" series --db "$tmp/big.sqlite" --by month --dyad RUS,UKR --undirected \
        --group quad >/dev/null 2>&1 || exit 1
    t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 ))
    [ -z "$best_dyad" ] || [ "$ms" -lt "$best_dyad" ] && best_dyad=$ms
done

{
    echo
    echo "### Event store ($(date -u +%Y-%m-%d), $(nproc) cores)"
    echo
    echo "| measure | value |"
    echo "|---|---|"
    echo "| events stored a second, one core (100,000 stories of 4 events) | $ingest_rate |"
    echo "| bytes an event takes on disk (its fields, its sentence, indexes, counts) | $per_event |"
    echo "| store of $big_events events, $((big_bytes / 1000000)) MB: dyad series --by month | $best ms |"
    echo "| the same, --dyad RUS,UKR --undirected --group quad | $best_dyad ms |"
} | tee -a "$OUT"
