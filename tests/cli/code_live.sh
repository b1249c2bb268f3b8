# code_live.sh — `dyad code` on a live feed (a pipe that stays open): each
# line is read and handled once its line end is in, never held for more input.
. tests/cli/lib.inc

# seen FILE TEXT: waits up to 10 s for TEXT to appear in FILE.
seen() {
    i=0
    while [ $i -lt 100 ]; do
        grep -q -- "$2" "$1" 2>/dev/null && return 0
        sleep 0.1
        i=$((i + 1))
    done
    echo "FAIL: $DESC: no '$2' in $1 after 10 s:"
    cat "$1"
    failures=$((failures + 1))
    return 1
}

for j in 1 2; do
    mkfifo "$TMP/feed$j"
    "$DYAD" code -j $j --dict "$MINI" --in jsonl - <"$TMP/feed$j" >"$TMP/out" 2>"$TMP/err$j" &
    pid=$!
    exec 3>"$TMP/feed$j"
    DESC="-j $j: a line ending in LF is handled while the feed is open"
    printf '{"id":\n' >&3
    seen "$TMP/err$j" "stdin:1: bad JSON"
    DESC="-j $j: a line ending in CR is handled without waiting for an LF"
    printf 'not json\r' >&3
    seen "$TMP/err$j" "stdin:2: bad JSON"
    DESC="-j $j: an LF after that CR belongs to it"
    printf '\n[]\n' >&3
    seen "$TMP/err$j" "stdin:3: not a JSON object"
    # a burst: batches grow while lines come fast, and the last one read
    # must not wait for a line that has not arrived
    DESC="-j $j: the last line of a burst is handled while the feed is open"
    printf '[]\n[]\n[]\n[]\n[]\n[]\n[]\n[]\n[]\n{"x":\n' >&3
    seen "$TMP/err$j" "stdin:13: bad JSON"
    exec 3>&-
    wait $pid
done
finish
