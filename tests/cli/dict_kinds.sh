# dict_kinds.sh — what --dict accepts: the installed (or source) default
# folder codes exactly as the built-in dictionaries; a file or folder that
# is not a dictionary is refused with the reason; a dictionary that can code
# nothing is loaded with a warning.
. tests/cli/lib.inc

printf '%s\n' "France praised Germany." "Brazil accused Argentina of closing the border." \
    "On Monday, Kenya thanked Uganda for its help." >"$TMP/s.txt"

DESC="the default folder loads as the built-in dictionaries do"
env -u DYAD_DICT "$DYAD" code --in lines --date 2026-01-01 "$TMP/s.txt" >"$TMP/builtin" 2>/dev/null
run "$DYAD" code --dict data/default --in lines --date 2026-01-01 "$TMP/s.txt"
expect_rc 0
cmp -s "$TMP/builtin" "$TMP/out" || { echo "FAIL: $DESC"; diff "$TMP/builtin" "$TMP/out" | head; failures=$((failures + 1)); }
[ "$(wc -l <"$TMP/out")" -ge 3 ] || { echo "FAIL: $DESC: too few events"; failures=$((failures + 1)); }

DESC="a folder whose files sit in sub-folders and end in .discards"
mkdir -p "$TMP/d/verbs"
cp data/default/*.actors data/default/default.agents data/default/default.discards \
    data/default/default.options "$TMP/d/"
cp data/default/verbs/*.verbs "$TMP/d/verbs/"
run "$DYAD" code --dict "$TMP/d" --in lines --date 2026-01-01 "$TMP/s.txt"
expect_rc 0
[ "$(wc -l <"$TMP/out")" -ge 3 ] || { echo "FAIL: $DESC: no events"; cat "$TMP/err"; failures=$((failures + 1)); }

DESC="a file that is not a dictionary"
printf 'myhost\n' >"$TMP/hostname"
run "$DYAD" code --dict "$TMP/hostname" --in lines --date 2026-01-01 "$TMP/s.txt"
expect_rc 1
grep -q "^dyad: $TMP/hostname: not a dictionary" "$TMP/err" || { echo "FAIL: $DESC"; cat "$TMP/err"; failures=$((failures + 1)); }

DESC="a JSON Lines file given as --dict"
printf '{"id":"a","date":"2026-01-01","text":"x"}\n' >"$TMP/s.jsonl"
run "$DYAD" code --dict "$TMP/s.jsonl" --in lines --date 2026-01-01 "$TMP/s.txt"
expect_rc 1

DESC="an empty folder"
mkdir "$TMP/empty"
run "$DYAD" code --dict "$TMP/empty" --in lines --date 2026-01-01 "$TMP/s.txt"
expect_rc 1
grep -q "no dictionary files in the folder" "$TMP/err" || { echo "FAIL: $DESC"; cat "$TMP/err"; failures=$((failures + 1)); }

DESC="a .dyd with a broken header"
"$DYAD" dict compile -o "$TMP/x.dyd" 2>/dev/null
printf 'XXXX' | dd of="$TMP/x.dyd" bs=1 seek=0 conv=notrunc 2>/dev/null
run "$DYAD" code --dict "$TMP/x.dyd" --in lines --date 2026-01-01 "$TMP/s.txt"
expect_rc 1

DESC="actors but no verbs: loaded, with a warning"
mkdir "$TMP/actors"
cp data/default/countries.actors "$TMP/actors/"
run "$DYAD" code --dict "$TMP/actors" --in lines --date 2026-01-01 "$TMP/s.txt"
expect_rc 0
grep -q "warning: $TMP/actors: no verbs" "$TMP/err" || { echo "FAIL: $DESC"; cat "$TMP/err"; failures=$((failures + 1)); }
# A person's roles over time: "D-" holds from D on, "-D" up to D, "D1-D2"
# between; a range that ends before it starts is ignored with a warning that
# names the file and line, and `dyad dict check` lists every such remark.
mkdir "$TMP/dated"
cp -r data/default/. "$TMP/dated/"
cat >"$TMP/dated/extra.actors" <<'ACT'
ZORBLAND_ [ZRB]
JANE_QUIMBY_
+QUIMBY_
    [ZRBMIL -20190531]
    [ZRBGOV 20190601-20260315]
    [ZRBELI 20260316-]
OTTO_VARGAS_
    [ZRBOPP 20200101-20100101]
    [ZRBCVL]
ACT
printf 'Jane Quimby praised France.\n' >"$TMP/q.txt"

DESC="a dictionary file the folder's .project does not name: a warning says how to load it"
run "$DYAD" code --dict "$TMP/dated" --in lines --date 2026-01-01 "$TMP/q.txt"
expect_rc 0
grep -q "^dyad: warning: $TMP/dated/extra.actors: not named in $TMP/dated/default.project, so not loaded (a line \"<actorsfile> extra.actors\" there loads it)" "$TMP/err" ||
    { echo "FAIL: $DESC"; cat "$TMP/err"; failures=$((failures + 1)); }
printf '<actorsfile> extra.actors\n' >>"$TMP/dated/default.project"
for d in 2018-05-01:ZRBMIL 2019-05-31:ZRBMIL 2019-06-01:ZRBGOV 2026-03-15:ZRBGOV \
         2026-03-16:ZRBELI 2030-01-01:ZRBELI; do
    DESC="a dated role on ${d%%:*}"
    run "$DYAD" code --dict "$TMP/dated" --in lines --date "${d%%:*}" "$TMP/q.txt"
    expect_rc 0
    cut -f4 "$TMP/out" | grep -qx "${d#*:}" || { echo "FAIL: $DESC: want ${d#*:}"; cat "$TMP/out"; failures=$((failures + 1)); }
done

DESC="a reversed date range: one warning naming the line, the block ignored"
run "$DYAD" code --dict "$TMP/dated" --in lines --date 2026-01-01 "$TMP/q.txt"
expect_rc 0
grep -q "^dyad: warning: $TMP/dated/extra.actors:8: date range ends before it starts" "$TMP/err" ||
    { echo "FAIL: $DESC"; cat "$TMP/err"; failures=$((failures + 1)); }

DESC="dyad dict check lists the remarks and counts the entries"
run "$DYAD" dict check --dict "$TMP/dated"
expect_rc 0
grep -q "extra.actors:8: date range ends before it starts" "$TMP/out" &&
    grep -q "actors, .* agents, .* verbs, .* patterns, .* synsets, .* discards; [1-9][0-9]* remarks*" "$TMP/out" ||
    { echo "FAIL: $DESC"; cat "$TMP/out" "$TMP/err"; failures=$((failures + 1)); }

DESC="dyad dict check on the default dictionaries: no remarks"
env -u DYAD_DICT "$DYAD" dict check >"$TMP/out" 2>"$TMP/err"; RC=$?
expect_rc 0
grep -q "; 0 remarks$" "$TMP/out" || { echo "FAIL: $DESC"; cat "$TMP/out"; failures=$((failures + 1)); }
finish
