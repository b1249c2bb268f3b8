# bad.sh — the input policy (docs/errors.md): every file of tests/bad/, and
# the big ones generated here, with its exact messages, summary line and
# exit status; --rejects, --on-error stop, a missing file, a full disk.
. tests/cli/lib.inc
BAD=tests/bad
M=$FIX/mini.project

# tally READ CODED REPAIRED  BAD NODATE BADDATE EMPTY TOOLONG DUP CODING
#       SENTENCES WITH_EVENTS NO_EVENT DISCARDED COMPLEX TOO_SHORT TOO_LONG  EVENTS
tally() {
    sk=$(($4 + $5 + $6 + $7 + $8 + $9 + ${10}))
    printf 'dyad: %s stories read: %s coded (%s repaired, 0 not English), %s skipped (%s bad input, %s no date, %s bad date, %s empty, %s too long, %s duplicate id, %s coding error); %s sentences: %s with events, %s no event, %s discarded, %s complex, %s too short, %s too long; %s events written' \
        "$1" "$2" "$3" "$sk" "$4" "$5" "$6" "$7" "$8" "$9" "${10}" "${11}" "${12}" "${13}" \
        "${14}" "${15}" "${16}" "${17}" "${18}"
}

# events: the story, source, target and code of each event written.
events() {
    tail -n +2 "$TMP/out" | cut -f1,4-6 | tr '\t' ' ' >"$TMP/ev"
    printf '%s\n' "$1" >"$TMP/want_ev"
    if ! diff -u "$TMP/want_ev" "$TMP/ev" >"$TMP/diff"; then
        echo "FAIL: $DESC: events"
        cat "$TMP/diff"
        failures=$((failures + 1))
    fi
}

DESC="invalid UTF-8: replaced, coded, reported"
run "$DYAD" code --dict "$M" "$BAD/invalid-utf8.jsonl"
expect_rc 0
events "u1 FRA DEU 051"
expect err "dyad: $BAD/invalid-utf8.jsonl:1: story u1: 3 invalid UTF-8 bytes replaced by U+FFFD
$(tally 1 1 1  0 0 0 0 0 0 0  1 1 0 0 0 0 0  1)"

DESC="NUL bytes: blanks, coded, reported"
run "$DYAD" code --dict "$M" --date 2026-03-01 "$BAD/nul-bytes.txt"
expect_rc 0
events "$BAD/nul-bytes.txt FRA DEU 051"
expect err "dyad: $BAD/nul-bytes.txt: 2 NUL bytes replaced by blanks
$(tally 1 1 1  0 0 0 0 0 0 0  1 1 0 0 0 0 0  1)"

DESC="byte-order mark: dropped"
run "$DYAD" code --dict "$M" "$BAD/bom.jsonl"
expect_rc 0
events "b1 JPN IND 040"
expect err "$(tally 1 1 0  0 0 0 0 0 0 0  1 1 0 0 0 0 0  1)"

DESC="CR line ends"
run "$DYAD" code --dict "$M" "$BAD/cr.jsonl"
expect_rc 0
events "c1 BRA ARG 112
c2 FRA DEU 051"
expect err "$(tally 2 2 0  0 0 0 0 0 0 0  2 2 0 0 0 0 0  2)"

DESC="CRLF line ends"
run "$DYAD" code --dict "$M" "$BAD/crlf.jsonl"
expect_rc 0
events "d1 BRA ARG 112
d2 FRA DEU 051"
expect err "$(tally 2 2 0  0 0 0 0 0 0 0  2 2 0 0 0 0 0  2)"

DESC="HTML tags and entities"
run "$DYAD" code --dict "$M" --out jsonl "$BAD/html.jsonl"
expect_rc 0
grep -o '"target_text":"[^"]*","target_start":[0-9]*' "$TMP/out" >"$TMP/t"
# "<p>France praised&nbsp;<b>Germany": tags and &nbsp; are one blank each
printf '%s\n' '"target_text":"Germany","target_start":17' \
    '"target_text":"Argentina'"'"'s","target_start":15' >"$TMP/want_t"
diff -u "$TMP/want_t" "$TMP/t" || { echo "FAIL: $DESC: spans"; failures=$((failures + 1)); }
expect err "$(tally 2 2 0  0 0 0 0 0 0 0  2 2 0 0 0 0 0  2)"

DESC="a sentence of 100,000 words: cut and coded"
# (English-looking: "the" every other word, or it is also reported as not English)
awk 'BEGIN { printf "{\"id\":\"w1\",\"date\":\"2026-03-14\",\"text\":\"Word"
             for (i = 1; i < 100000; i++) printf (i % 2 ? " the" : " word")
             print ".\"}" }' >"$TMP/words.jsonl"
run "$DYAD" code --dict "$M" "$TMP/words.jsonl"
expect_rc 0
expect err "dyad: $TMP/words.jsonl:1: story w1: sentence 1 is longer than the word limit; coded up to it
$(tally 1 1 0  0 0 0 0 0 0 0  1 0 0 0 0 0 1  0)"

DESC="a token of 1 MB: an unknown word"
awk 'BEGIN { printf "{\"id\":\"k1\",\"date\":\"2026-03-15\",\"text\":\"France praised Germany for its "
             for (i = 0; i < 65536; i++) printf "abcdefghijklmnop"
             print " plan.\"}" }' >"$TMP/token.jsonl"
run "$DYAD" code --dict "$M" "$TMP/token.jsonl"
expect_rc 0
events "k1 FRA DEU 051"
expect err "$(tally 1 1 0  0 0 0 0 0 0 0  1 1 0 0 0 0 0  1)"

DESC="empty stories: skipped"
run "$DYAD" code --dict "$M" "$BAD/empty.jsonl"
expect_rc 3
expect err "dyad: $BAD/empty.jsonl:1: story e1 has no text; skipped
dyad: $BAD/empty.jsonl:2: story e2 has no text; skipped
$(tally 2 0 0  0 0 0 2 0 0 0  0 0 0 0 0 0 0  0)"

DESC="no date: skipped"
run "$DYAD" code --dict "$M" "$BAD/no-date.jsonl"
expect_rc 3
expect err "dyad: $BAD/no-date.jsonl:1: story n1: missing \"date\"; skipped
$(tally 1 0 0  0 1 0 0 0 0 0  0 0 0 0 0 0 0  0)"

DESC="no date: --date fills it in"
run "$DYAD" code --dict "$M" --date 2026-03-01 "$BAD/no-date.jsonl"
expect_rc 0
events "n1 FRA DEU 051"
expect err "$(tally 1 1 0  0 0 0 0 0 0 0  1 1 0 0 0 0 0  1)"

DESC="bad date: skipped"
run "$DYAD" code --dict "$M" --date 2026-03-01 "$BAD/bad-date.jsonl"
expect_rc 3
expect err "dyad: $BAD/bad-date.jsonl:1: story n2: bad \"date\" \"2026-02-30\" (want YYYY-MM-DD, YYYYMMDD or an ISO 8601 time); skipped
$(tally 1 0 0  0 0 1 0 0 0 0  0 0 0 0 0 0 0  0)"

DESC="malformed JSON line: skipped, the next ones coded"
run "$DYAD" code --dict "$M" "$BAD/malformed.jsonl"
expect_rc 3
events "m1 FRA DEU 051
m3 JPN IND 040"
expect err "dyad: $BAD/malformed.jsonl:2: bad JSON at column 65: ',' or '}' expected, found end of line; skipped
$(tally 3 2 0  1 0 0 0 0 0 0  2 2 0 0 0 0 0  2)"

DESC="truncated JSON file"
run "$DYAD" code --dict "$M" "$BAD/truncated.jsonl"
expect_rc 3
events "t1 FRA DEU 051"
expect err "dyad: $BAD/truncated.jsonl:2: bad JSON at column 58: end of line inside a string; skipped
$(tally 2 1 0  1 0 0 0 0 0 0  1 1 0 0 0 0 0  1)"

DESC="a line over the limit: skipped unread"
{ printf '{"id":"L1","date":"2026-03-16","text":"'
  head -c 8400000 /dev/zero | tr '\0' 'x'
  printf '"}\n{"id":"L2","date":"2026-03-16","text":"Japan met India to discuss a new port."}\n'
} >"$TMP/longline.jsonl"
run "$DYAD" code --dict "$M" "$TMP/longline.jsonl"
expect_rc 3
events "L2 JPN IND 040"
expect err "dyad: $TMP/longline.jsonl:1: line longer than the limit of 8388608 bytes; skipped
$(tally 2 1 0  0 0 0 0 1 0 0  1 1 0 0 0 0 0  1)"
rm -f "$TMP/longline.jsonl"

DESC="duplicate story id: skipped"
run "$DYAD" code --dict "$M" "$BAD/duplicate-id.jsonl"
expect_rc 3
events "p1 FRA DEU 051"
expect err "dyad: $BAD/duplicate-id.jsonl:2: story p1: duplicate story id (already read in this run); skipped
$(tally 2 1 0  0 0 0 0 0 1 0  1 1 0 0 0 0 0  1)"

DESC="duplicate story id across files"
run "$DYAD" code --dict "$M" "$BAD/bom.jsonl" "$BAD/bom.jsonl"
expect_rc 3
expect err "dyad: $BAD/bom.jsonl:1: story b1: duplicate story id (already read in this run); skipped
$(tally 2 1 0  0 0 0 0 0 1 0  1 1 0 0 0 0 0  1)"

DESC="unterminated XML element: that sentence skipped, the one before it coded"
run "$DYAD" code --dict "$M" "$BAD/unterminated.xml"
expect_rc 3
events "XQR001 FRA DEU 051"
expect err "dyad: $BAD/unterminated.xml:7: bad XML: Opening and ending tag mismatch: Text line 6 and Sentence; skipped
$(tally 2 1 0  1 0 0 0 0 0 0  1 1 0 0 0 0 0  1)"

DESC="malformed <Sentence>s among good ones: each skipped with its line, every good one coded"
run "$DYAD" code -j 1 --dict "$M" "$BAD/malformed-sentence.xml"
expect_rc 3
# MXA010_2 is bad: the sentences of story MXA010 before and after it are coded apart
events "MXA001 FRA DEU 051
MXA003 JPN IND 040
MXA005 DEU JPN 051
MXA007 ARG BRA 112
MXA009 JPN FRA 051
MXA010 BRA IND 051
MXA010 DEU FRA 112"
expect err "dyad: $BAD/malformed-sentence.xml:7: bad XML: Opening and ending tag mismatch: i line 7 and Text; skipped
dyad: $BAD/malformed-sentence.xml:13: bad XML: Entity 'nbsp' not defined; skipped
dyad: $BAD/malformed-sentence.xml:19: bad XML: StartTag: invalid element name; skipped
dyad: $BAD/malformed-sentence.xml:24: bad XML: <Sentence> not closed before the next <Sentence> (line 26); skipped
dyad: $BAD/malformed-sentence.xml:33: bad XML: Opening and ending tag mismatch: Text line 33 and Txet; skipped
$(tally 12 7 0  5 0 0 0 0 0 0  7 7 0 0 0 0 0  7)"
cp "$TMP/out" "$TMP/out1"
cp "$TMP/err" "$TMP/err1"

DESC="malformed <Sentence>s: -j 2 writes what -j 1 writes"
run "$DYAD" code -j 2 --dict "$M" "$BAD/malformed-sentence.xml"
expect_rc 3
expect_file out "$TMP/out1"
expect_file err "$TMP/err1"

DESC="malformed <Sentence>s: --rejects keeps each element as read, -j 1 and -j 2 alike"
"$DYAD" code -j 1 --dict "$M" --rejects "$TMP/xrej1" "$BAD/malformed-sentence.xml" >/dev/null 2>&1
"$DYAD" code -j 2 --dict "$M" --rejects "$TMP/xrej2" "$BAD/malformed-sentence.xml" >/dev/null 2>&1
cmp -s "$TMP/xrej1" "$TMP/xrej2" || { echo "FAIL: $DESC"; diff "$TMP/xrej1" "$TMP/xrej2" | head; failures=$((failures + 1)); }
sed -n 2p "$TMP/xrej1" >"$TMP/xrej"
expect xrej "{\"id\":\"MXA004_1\",\"date\":\"2026-03-20\",\"text\":null,\"source\":\"TEST\",\"url\":null,\"reason\":\"bad_input\",\"where\":\"$BAD/malformed-sentence.xml:13\",\"message\":\"bad XML: Entity 'nbsp' not defined\",\"raw\":\"<Sentence date=\\\"20260320\\\" id=\\\"MXA004_1\\\" source=\\\"TEST\\\" sentence=\\\"True\\\">\\n<Text>France&nbsp;praised Brazil for its new dam.</Text>\\n</Sentence>\"}"

DESC="\\u0000 in a JSON id: skipped with its own message, not cut into another story's id"
printf '{"id":"n\\u0000a","date":"2026-03-01","text":"France praised Germany for the treaty."}\n{"id":"n\\u0000b","date":"2026-03-01","text":"France praised Germany for the treaty."}\n{"id":"n","date":"2026-03-01","text":"France praised Germany for the treaty."}\n' >"$TMP/nulid.jsonl"
run "$DYAD" code --dict "$M" --rejects "$TMP/nulrej" "$TMP/nulid.jsonl"
expect_rc 3
events "n FRA DEU 051"
expect err "dyad: $TMP/nulid.jsonl:1: \"id\" holds a NUL character (\\u0000); skipped
dyad: $TMP/nulid.jsonl:2: \"id\" holds a NUL character (\\u0000); skipped
$(tally 3 1 0  2 0 0 0 0 0 0  1 1 0 0 0 0 0  1)"
sed -n 2p "$TMP/nulrej" >"$TMP/nulrej2"
expect nulrej2 '{"id":null,"date":null,"text":"France praised Germany for the treaty.","source":null,"url":null,"reason":"bad_input","where":"'"$TMP"'/nulid.jsonl:2","message":"\"id\" holds a NUL character (\\u0000)","raw":"{\"id\":\"n\\u0000b\",\"date\":\"2026-03-01\",\"text\":\"France praised Germany for the treaty.\"}"}'

DESC="a <Sentence> with invalid UTF-8: one message on one line; its id, date, source and raw bytes (escaped) kept"
printf '<Sentences>\n<Sentence date="20260320" id="U8X001_1" source="TEST" sentence="True">\n<Text>France \377\376 praised Brazil.</Text>\n</Sentence>\n<Sentence date="20260320" id="U8X002_1" source="TEST" sentence="True">\n<Text>France praised Brazil for its new dam.</Text>\n</Sentence>\n</Sentences>\n' >"$TMP/u8.xml"
run "$DYAD" code --dict "$M" --rejects "$TMP/u8rej" "$TMP/u8.xml"
expect_rc 3
events "U8X002 FRA BRA 051"
expect err "dyad: $TMP/u8.xml:3: bad XML: Input is not proper UTF-8, indicate encoding ! Bytes: 0xFF 0xFE 0x20 0x70; skipped
$(tally 2 1 0  1 0 0 0 0 0 0  1 1 0 0 0 0 0  1)"
expect u8rej "{\"id\":\"U8X001_1\",\"date\":\"2026-03-20\",\"text\":null,\"source\":\"TEST\",\"url\":null,\"reason\":\"bad_input\",\"where\":\"$TMP/u8.xml:3\",\"message\":\"bad XML: Input is not proper UTF-8, indicate encoding ! Bytes: 0xFF 0xFE 0x20 0x70\",\"raw\":\"<Sentence date=\\\"20260320\\\" id=\\\"U8X001_1\\\" source=\\\"TEST\\\" sentence=\\\"True\\\">\\n<Text>France \\\\xFF\\\\xFE praised Brazil.</Text>\\n</Sentence>\"}"
DESC="<Sentence> inside comments, CDATA, a PI, a DOCTYPE, and '>' in a value: not cut there"
run "$DYAD" code --dict "$M" "$BAD/hidden-sentence.xml"
expect_rc 0
events "HXC001 FRA DEU 051
HXC002 BRA ARG 112"
expect err "$(tally 2 2 0  0 0 0 0 0 0 0  2 2 0 0 0 0 0  2)"

DESC="truncated XML file: the cut <Sentence> reported once"
run "$DYAD" code --dict "$M" "$BAD/truncated.xml"
expect_rc 3
events "TXR001 FRA DEU 051"
expect err "dyad: $BAD/truncated.xml:5: bad XML: <Sentence> not closed before the end of the file; skipped
$(tally 2 1 0  1 0 0 0 0 0 0  1 1 0 0 0 0 0  1)"

DESC="truncated XML file between sentences: the open <Sentences> reported"
head -n 4 "$BAD/truncated.xml" >"$TMP/cut.xml"
run "$DYAD" code --dict "$M" "$TMP/cut.xml"
expect_rc 3
events "TXR001 FRA DEU 051"
expect err "dyad: $TMP/cut.xml:1: bad XML: <Sentences> not closed before the end of the file; skipped
$(tally 2 1 0  1 0 0 0 0 0 0  1 1 0 0 0 0 0  1)"

DESC="not XML at all: reported"
printf 'France praised Germany for its new canal plan.\n' >"$TMP/text.xml"
run "$DYAD" code --dict "$M" "$TMP/text.xml"
expect_rc 3
expect err "dyad: $TMP/text.xml:1: bad XML: text outside any element; skipped
$(tally 1 0 0  1 0 0 0 0 0 0  0 0 0 0 0 0 0  0)"

DESC="a <Sentence> over the story limit: skipped unkept, the next one coded"
awk 'BEGIN { print "<Sentences>"
             print "<Sentence date=\"20260323\" id=\"XBG001_1\" sentence=\"True\">"
             printf "<Text>France praised Germany"
             for (i = 0; i < 300000; i++) printf " and more words"
             print ".</Text>"; print "</Sentence>"
             print "<Sentence date=\"20260323\" id=\"XBG002_1\" sentence=\"True\">"
             print "<Text>Japan met India to discuss a new port.</Text></Sentence>"
             print "</Sentences>" }' >"$TMP/big.xml"
run "$DYAD" code --dict "$M" "$TMP/big.xml"
expect_rc 3
events "XBG002 JPN IND 040"
expect err "dyad: $TMP/big.xml:2: <Sentence> longer than the limit of 4194304 bytes; skipped
$(tally 2 1 0  0 0 0 0 1 0 0  1 1 0 0 0 0 0  1)"
rm -f "$TMP/big.xml"

DESC="Treebank parses with unbalanced brackets: coded from the text"
run "$DYAD" code --dict "$M" "$BAD/treebank-unbalanced.xml"
expect_rc 0
events "TBU001 FRA DEU 051
TBU002 BRA ARG 112"
expect err "dyad: $BAD/treebank-unbalanced.xml: story TBU001: sentence 1: parse not used: unbalanced '(': the parse ends inside a bracket (at byte 130 of the parse); coded from its text
dyad: $BAD/treebank-unbalanced.xml: story TBU002: sentence 1: parse not used: text after the end of the tree (at byte 130 of the parse); coded from its text
$(tally 2 2 0  0 0 0 0 0 0 0  2 2 0 0 0 0 0  2)"

DESC="a Treebank parse 10,000 levels deep"
awk 'BEGIN { print "<Sentences>"
             print "<Sentence date=\"20260313\" id=\"TBD001_1\" source=\"TEST\" sentence=\"True\">"
             print "<Text>France praised Germany for its new canal plan.</Text>"
             printf "<Parse>(ROOT "
             for (i = 1; i < 10000; i++) printf "(S "
             printf "(NNP France) (VBD praised) (NNP Germany) (IN for) (PRP$ its) (JJ new) (NN canal) (NN plan) (. .)"
             for (i = 0; i < 10000; i++) printf ")"
             print "</Parse>"; print "</Sentence>"; print "</Sentences>" }' >"$TMP/deep.xml"
run "$DYAD" code --dict "$M" "$TMP/deep.xml"
expect_rc 0
expect err "$(tally 1 1 0  0 0 0 0 0 0 0  1 0 1 0 0 0 0  0)"

DESC="a dictionary line that does not parse"
run "$DYAD" code --dict "$BAD/bad-line.project" "$BAD/bom.jsonl"
expect_rc 1
expect err "dyad: $BAD/bad-line.actors:3: missing ']'"

DESC="a file that does not exist: the others are coded"
run "$DYAD" code --dict "$M" "$BAD/no-such-file.jsonl" "$BAD/bom.jsonl"
expect_rc 1
events "b1 JPN IND 040"
expect err "dyad: $BAD/no-such-file.jsonl: cannot open: No such file or directory
$(tally 1 1 0  0 0 0 0 0 0 0  1 1 0 0 0 0 0  1)"

DESC="an input that cannot be read (an I/O error): the others are coded"
# reading /proc/self/mem from its start fails with EIO (nothing is mapped at 0)
if [ -r /proc/self/mem ]; then
    run "$DYAD" code --dict "$M" /proc/self/mem "$BAD/bom.jsonl"
    expect_rc 1
    events "b1 JPN IND 040"
    expect err "dyad: /proc/self/mem: read error: Input/output error
$(tally 1 1 0  0 0 0 0 0 0 0  1 1 0 0 0 0 0  1)"
else
    echo "skipped: an input that cannot be read (no /proc/self/mem)"
fi

DESC="a full disk"
if [ -w /dev/full ]; then
    "$DYAD" code --dict "$M" "$BAD/bom.jsonl" >/dev/full 2>"$TMP/err"
    RC=$?
    expect_rc 1
    expect err "dyad: stdout: write error: No space left on device
$(tally 1 1 0  0 0 0 0 0 0 0  1 1 0 0 0 0 0  1)"
else
    echo "skipped: a full disk (no /dev/full)"
fi

DESC="--on-error stop"
run "$DYAD" code --dict "$M" --on-error stop "$BAD/malformed.jsonl"
expect_rc 1
events "m1 FRA DEU 051"
expect err "dyad: $BAD/malformed.jsonl:2: bad JSON at column 65: ',' or '}' expected, found end of line; skipped
dyad: stopped at the first skipped story (--on-error stop)
$(tally 2 1 0  1 0 0 0 0 0 0  1 1 0 0 0 0 0  1)"

DESC="--on-error stop on a missing file"
run "$DYAD" code --dict "$M" --on-error stop "$BAD/no-such-file.jsonl" "$BAD/bom.jsonl"
expect_rc 1
expect err "dyad: $BAD/no-such-file.jsonl: cannot open: No such file or directory
dyad: stopped at the first error (--on-error stop)
$(tally 0 0 0  0 0 0 0 0 0 0  0 0 0 0 0 0 0  0)"

DESC="--on-error wants skip or stop"
run "$DYAD" code --on-error maybe x.jsonl
expect_rc 2
expect err "dyad: --on-error wants skip or stop, got: maybe
Try 'dyad help code'."

DESC="--rejects keeps every skipped story, re-runnable"
cat "$BAD/malformed.jsonl" "$BAD/no-date.jsonl" "$BAD/bad-date.jsonl" "$BAD/empty.jsonl" \
    "$BAD/duplicate-id.jsonl" >"$TMP/mixed.jsonl"
run "$DYAD" code --dict "$M" -j 1 --rejects "$TMP/rejects.jsonl" "$TMP/mixed.jsonl"
expect_rc 3
tail -n 1 "$TMP/err" >"$TMP/last"
expect last "$(tally 9 3 0  1 1 1 2 0 1 0  3 3 0 0 0 0 0  3)"
cp "$TMP/rejects.jsonl" "$TMP/rej"
expect rej "{\"id\":null,\"date\":null,\"text\":null,\"source\":null,\"url\":null,\"reason\":\"bad_input\",\"where\":\"$TMP/mixed.jsonl:2\",\"message\":\"bad JSON at column 65: ',' or '}' expected, found end of line\",\"raw\":\"{\\\"id\\\":\\\"m2\\\",\\\"date\\\":\\\"2026-03-08\\\",\\\"text\\\":\\\"Brazil accused Argentina\\\"\"}
{\"id\":\"n1\",\"date\":null,\"text\":\"France praised Germany for its new canal plan.\",\"source\":null,\"url\":null,\"reason\":\"no_date\",\"where\":\"$TMP/mixed.jsonl:4\",\"message\":\"story n1: missing \\\"date\\\"\",\"raw\":null}
{\"id\":\"n2\",\"date\":null,\"text\":\"France praised Germany for its new canal plan.\",\"source\":null,\"url\":null,\"reason\":\"bad_date\",\"where\":\"$TMP/mixed.jsonl:5\",\"message\":\"story n2: bad \\\"date\\\" \\\"2026-02-30\\\" (want YYYY-MM-DD, YYYYMMDD or an ISO 8601 time)\",\"raw\":null}
{\"id\":\"e1\",\"date\":\"2026-03-07\",\"text\":\"\",\"source\":null,\"url\":null,\"reason\":\"empty\",\"where\":\"$TMP/mixed.jsonl:6\",\"message\":\"story e1 has no text\",\"raw\":null}
{\"id\":\"e2\",\"date\":\"2026-03-07\",\"text\":\"  \\t \\n \",\"source\":null,\"url\":null,\"reason\":\"empty\",\"where\":\"$TMP/mixed.jsonl:7\",\"message\":\"story e2 has no text\",\"raw\":null}
{\"id\":\"p1\",\"date\":\"2026-03-10\",\"text\":\"Japan met India to discuss a new port.\",\"source\":null,\"url\":null,\"reason\":\"duplicate_id\",\"where\":\"$TMP/mixed.jsonl:9\",\"message\":\"story p1: duplicate story id (already read in this run)\",\"raw\":null}"

DESC="the rejects file is input again (--date fills in the missing date)"
run "$DYAD" code --dict "$M" --date 2026-03-01 --in jsonl "$TMP/rejects.jsonl"
expect_rc 3
tail -n 1 "$TMP/err" >"$TMP/last"
expect last "$(tally 6 3 0  1 0 0 2 0 0 0  3 3 0 0 0 0 0  3)"

DESC="--rejects to a full disk"
if [ -w /dev/full ]; then
    run "$DYAD" code --dict "$M" --rejects /dev/full "$BAD/no-date.jsonl"
    expect_rc 1
    expect err "dyad: $BAD/no-date.jsonl:1: story n1: missing \"date\"; skipped
dyad: /dev/full: write error: No space left on device
$(tally 1 0 0  0 1 0 0 0 0 0  0 0 0 0 0 0 0  0)"
fi
finish
