# folders.sh — a folder given as input: its regular files coded in byte order
# of their names, hidden ones left out, sub-folders only with -r (depth-first),
# symbolic links to folders never followed. Issue 13, item 3.
. tests/cli/lib.inc

events() {
    tail -n +2 "$TMP/out" | cut -f1,3-6 | tr '\t' ' ' >"$TMP/ev"
    printf '%s\n' "$1" >"$TMP/want_ev"
    if ! diff -u "$TMP/want_ev" "$TMP/ev" >"$TMP/diff"; then
        echo "FAIL: $DESC: events"
        cat "$TMP/diff"
        failures=$((failures + 1))
    fi
}
summary() {   # summary READ EVENTS: every story coded, one sentence each
    echo "dyad: $1 stories read: $1 coded (0 repaired, 0 not English), 0 skipped (0 bad input, 0 no date, 0 bad date, 0 empty, 0 too long, 0 duplicate id, 0 coding error); $1 sentences: $1 with events, 0 no event, 0 discarded, 0 complex, 0 too short, 0 too long; $2 events written"
}

D=$TMP/news
mkdir -p "$D/2026/05" "$D/archive" "$D/.cache"
printf '{"id":"b1","date":"2026-06-02","text":"Brazil accused Argentina of closing the river port."}\n' >"$D/b.jsonl"
printf 'France praised Germany for the new rail link.\n' >"$D/a.txt"
printf '260603 C-1\nJapan met India about the harbour.\n' >"$D/C.records"
printf '{"id":"n1","date":"2026-06-04","text":"France praised Germany for the new canal."}\n' >"$D/notes"
printf '{"id":"h1","date":"2026-06-05","text":"Japan met India about fishing rights."}\n' >"$D/.hidden.jsonl"
printf '{"id":"h2","date":"2026-06-05","text":"Japan met India about fishing rights."}\n' >"$D/.cache/x.jsonl"
printf '{"id":"m1","date":"2026-06-06","text":"Brazil accused Argentina of spying on ships."}\n' >"$D/2026/05/m.jsonl"
printf '{"id":"y1","date":"2026-06-07","text":"France praised Germany for the new bridge."}\n' >"$D/2026/y.jsonl"
printf '{"id":"r1","date":"2026-06-08","text":"Japan met India about the trade fair."}\n' >"$D/archive/r.jsonl"
ln -s .. "$D/2026/05/up"          # a loop, were links to folders followed
ln -s "$D" "$D/archive/again"

DESC="a folder: its files, in byte order, by suffix or first bytes"
run "$DYAD" code --dict "$MINI" --date 2026-06-01 "$D"
expect_rc 0
events "C-1 2026-06-03 JPN IND 040
$D/a.txt 2026-06-01 FRA DEU 051
b1 2026-06-02 BRA ARG 112
n1 2026-06-04 FRA DEU 051"
expect err "dyad: $D/notes: reading as jsonl (first byte '{'; use --in to choose)
dyad: $D: 2 sub-folders not entered (use -r)
$(summary 4 4)"

DESC="-r: sub-folders too, depth-first, links to folders not entered"
run "$DYAD" code --dict "$MINI" --date 2026-06-01 -r "$D"
expect_rc 0
events "m1 2026-06-06 BRA ARG 112
y1 2026-06-07 FRA DEU 051
C-1 2026-06-03 JPN IND 040
$D/a.txt 2026-06-01 FRA DEU 051
r1 2026-06-08 JPN IND 040
b1 2026-06-02 BRA ARG 112
n1 2026-06-04 FRA DEU 051"
expect err "dyad: $D/2026/05/up: a symbolic link to a folder; not entered
dyad: $D/archive/again: a symbolic link to a folder; not entered
dyad: $D/notes: reading as jsonl (first byte '{'; use --in to choose)
$(summary 7 7)"

DESC="--recursive, -j 2 and a folder named with a trailing slash"
run "$DYAD" code --dict "$MINI" --date 2026-06-01 --recursive -j 2 "$D/"
expect_rc 0
events "m1 2026-06-06 BRA ARG 112
y1 2026-06-07 FRA DEU 051
C-1 2026-06-03 JPN IND 040
${D}/a.txt 2026-06-01 FRA DEU 051
r1 2026-06-08 JPN IND 040
b1 2026-06-02 BRA ARG 112
n1 2026-06-04 FRA DEU 051"

DESC="a folder with nothing to read in it"
mkdir "$TMP/empty"
run "$DYAD" code --dict "$MINI" "$TMP/empty"
expect_rc 0
expect err "dyad: $TMP/empty: no file to read in it
$(summary 0 0)"

DESC="a FIFO in a folder is left out, not waited on"
mkdir "$TMP/withfifo"
mkfifo "$TMP/withfifo/pipe"
cp "$D/b.jsonl" "$TMP/withfifo/"
run "$DYAD" code --dict "$MINI" "$TMP/withfifo"
expect_rc 0
events "b1 2026-06-02 BRA ARG 112"
expect err "dyad: $TMP/withfifo/pipe: not a regular file; skipped
$(summary 1 1)"

DESC="the output file inside the folder read is not read"
"$DYAD" code --dict "$MINI" "$TMP/withfifo" >"$TMP/withfifo/events.tsv" 2>"$TMP/err"
RC=$?
expect_rc 1
cp "$TMP/withfifo/events.tsv" "$TMP/out"
events "b1 2026-06-02 BRA ARG 112"
expect err "dyad: $TMP/withfifo/events.tsv: input file is also the output; not read
dyad: $TMP/withfifo/pipe: not a regular file; skipped
$(summary 1 1)"

DESC="nor the --rejects file"
run "$DYAD" code --dict "$MINI" -j 1 --rejects "$TMP/withfifo/rej.jsonl" "$TMP/withfifo"
expect_rc 1
head -1 "$TMP/err" >"$TMP/first"
expect first "dyad: $TMP/withfifo/events.tsv: reading as text (first byte 's'; use --in to choose)"
grep -c "rej.jsonl: input file is also the output; not read" "$TMP/err" >"$TMP/n"
expect n 1

DESC="dyad parse takes a folder too"
run "$DYAD" parse "$D/2026"
expect_rc 0
grep '^# newdoc' "$TMP/out" >"$TMP/docs"
expect docs "# newdoc id = y1"
expect err "dyad: $D/2026: 1 sub-folder not entered (use -r)
dyad: 1 stories read: 1 parsed, 0 skipped; 1 sentences, 8 words"
finish
