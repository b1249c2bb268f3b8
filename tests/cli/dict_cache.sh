# dict_cache.sh — the compiled-dictionary cache ($XDG_CACHE_HOME/dyad): the
# first run with source dictionaries writes an entry, later runs read it and
# say exactly what an uncached run says; an edited dictionary gives a new
# entry, never stale results; --no-cache and DYAD_NO_CACHE write nothing; a
# cache that cannot be written, or an entry that is damaged, symlinked or
# not private, never changes the output; old entries are pruned.
. tests/cli/lib.inc
CACHE="$TMP/xdg"
XDG_CACHE_HOME=$CACHE
export XDG_CACHE_HOME
ENTRIES="$CACHE/dyad"

fail() {
    echo "FAIL: $DESC: $1"
    failures=$((failures + 1))
}
entries() { find "$ENTRIES" -maxdepth 1 -name '????????????????.dyd' 2>/dev/null | wc -l; }
temporaries() { find "$ENTRIES" -maxdepth 1 -name '.*.dyd.*' 2>/dev/null | wc -l; }

# A dictionary of its own, with five remarks (duplicate actors), so the
# "and N more remarks" line is checked too.
D="$TMP/dict"
mkdir "$D"
cp "$FIX/mini.actors" "$FIX/mini.agents" "$FIX/mini.verbs" "$FIX/mini.options" "$FIX/mini.project" "$D/"
printf 'FRANCE [FRA]\nGERMANY [DEU]\nBRAZIL [BRA]\nJAPAN [JPN]\nFRENCH [FRA]\n' >>"$D/mini.actors"
printf 'France praised Germany.\nJapan met India about the harbour.\n' >"$TMP/in.txt"
code() { run "$DYAD" code --dict "$D/mini.project" --in lines --date 2026-01-01 "$@" "$TMP/in.txt"; }

DESC="an uncached run"
code --no-cache
expect_rc 0
cp "$TMP/out" "$TMP/want.out"
cp "$TMP/err" "$TMP/want.err"
grep -q "and 4 more remarks" "$TMP/want.err" || fail "no remark count: $(cat "$TMP/want.err")"
[ -e "$ENTRIES" ] && fail "--no-cache made $ENTRIES"

DESC="DYAD_NO_CACHE=1 writes nothing either"
DYAD_NO_CACHE=1 "$DYAD" code --dict "$D/mini.project" --in lines --date 2026-01-01 "$TMP/in.txt" \
    >"$TMP/out" 2>"$TMP/err"
expect_file out "$TMP/want.out"
[ -e "$ENTRIES" ] && fail "DYAD_NO_CACHE=1 made $ENTRIES"

DESC="dyad dict check reads the sources and writes no entry"
run "$DYAD" dict check --dict "$D/mini.project"
expect_rc 0
[ -e "$ENTRIES" ] && fail "dict check made $ENTRIES"

DESC="the first run writes one entry, private"
code
expect_rc 0
expect_file out "$TMP/want.out"
expect_file err "$TMP/want.err"
[ "$(entries)" -eq 1 ] || fail "$(entries) entries"
entry=$(find "$ENTRIES" -name '*.dyd' | head -1)
[ "$(stat -c %a "$ENTRIES")" = 700 ] || fail "folder mode $(stat -c %a "$ENTRIES")"
[ "$(stat -c %a "$CACHE")" = 700 ] || fail "parent folder mode $(stat -c %a "$CACHE")"
[ "$(stat -c %a "$entry")" = 600 ] || fail "entry mode $(stat -c %a "$entry")"
[ "$(temporaries)" -eq 0 ] || fail "a temporary was left"
run "$DYAD" dict cache
expect out "$ENTRIES: 1 compiled dictionary, 0.0 MB"

DESC="the second run reads the entry (a hit marks it used) and says the same"
inode=$(stat -c %i "$entry")
touch -d '2020-01-01 00:00' "$entry"
code
expect_rc 0
expect_file out "$TMP/want.out"
expect_file err "$TMP/want.err"
[ "$(stat -c %i "$entry")" = "$inode" ] || fail "the entry was rewritten"
[ "$(stat -c %Y "$entry")" -gt "$(date -d 2021-01-01 +%s)" ] || fail "the entry was not read"
cp "$entry" "$TMP/good.dyd"
DESC="dyad explain uses the same entry"
run "$DYAD" explain --mode shallow --dict "$D/mini.project" "France praised Germany."
cp "$TMP/out" "$TMP/explain.cached"
run "$DYAD" explain --mode shallow --no-cache --dict "$D/mini.project" "France praised Germany."
expect_file out "$TMP/explain.cached"
[ "$(entries)" -eq 1 ] || fail "explain made another entry"

DESC="the entry is a stamp of its key and the .dyd that dyad dict compile writes"
"$DYAD" dict compile --dict "$D/mini.project" -o "$TMP/mini.dyd" 2>/dev/null
tail -c +17 "$entry" | cmp -s - "$TMP/mini.dyd" || fail "the compiled form differs"
[ "$(head -c 8 "$entry")" = DYADCKEY ] || fail "no stamp"

DESC="an edited dictionary file gives new results, not the cached ones"
sed 's/^JAPAN \[JPN\]$/JAPAN [JPNGOV]/' "$D/mini.actors" >"$TMP/a" && cat "$TMP/a" >"$D/mini.actors"
touch -d '2020-01-01 00:00' "$D/mini.actors"   # the content decides, not the time
code --no-cache
cp "$TMP/out" "$TMP/want2.out"
cmp -s "$TMP/want.out" "$TMP/want2.out" && fail "the edit changed nothing"
code
expect_file out "$TMP/want2.out"
[ "$(entries)" -eq 2 ] || fail "$(entries) entries"

DESC="a file added to the folder of the project (a remark) gives a new entry"
folder() { run "$DYAD" code --dict "$D" --in lines --date 2026-01-01 "$@" "$TMP/in.txt"; }
folder
expect_file out "$TMP/want2.out"
n=$(entries)
printf 'BRAZIL [BRA]\n' >"$D/extra.actors"
folder --no-cache
cp "$TMP/err" "$TMP/want3.err"
grep -q "and 5 more remarks" "$TMP/want3.err" || fail "no remark about extra.actors: $(cat "$TMP/want3.err")"
folder
expect_file err "$TMP/want3.err"
[ "$(entries)" -eq $((n + 1)) ] || fail "$(entries) entries, want $((n + 1))"
rm "$D/extra.actors"
folder
expect_file out "$TMP/want2.out"
[ "$(grep -c "more remarks" "$TMP/err")" -eq 1 ] && ! grep -q "and 5 more" "$TMP/err" ||
    fail "the remark stayed: $(cat "$TMP/err")"

DESC="a damaged entry is rebuilt"
cat "$D/mini.project" >/dev/null
sed 's/^JAPAN \[JPNGOV\]$/JAPAN [JPN]/' "$D/mini.actors" >"$TMP/a" && cat "$TMP/a" >"$D/mini.actors"
printf 'garbage' | dd of="$entry" bs=1 seek=4000 conv=notrunc 2>/dev/null
code
expect_rc 0
expect_file out "$TMP/want.out"
expect_file err "$TMP/want.err"
cmp -s "$entry" "$TMP/good.dyd" || fail "the entry was not rebuilt"

DESC="a truncated entry is rebuilt"
head -c 1000 "$TMP/good.dyd" >"$entry"
code
expect_file out "$TMP/want.out"
cmp -s "$entry" "$TMP/good.dyd" || fail "the entry was not rebuilt"

DESC="an entry renamed to another key's name is refused"
"$DYAD" dict compile -o "$TMP/default.dyd" 2>/dev/null
"$DYAD" dict cache --clear >/dev/null
"$DYAD" code --dict "$FIX/mini.project" --in lines --date 2026-01-01 "$TMP/in.txt" >/dev/null 2>&1
other=$(find "$ENTRIES" -name '*.dyd' | head -1)   # the only entry: another path's key
[ "$other" != "$entry" ] || fail "no second entry"
cp "$other" "$entry"   # valid, private, but stamped with the other key
code
expect_file out "$TMP/want.out"
cmp -s "$entry" "$TMP/good.dyd" || fail "the entry was not rebuilt"

DESC="an entry holding a valid .dyd of another dictionary, unstamped, is refused"
cp "$TMP/default.dyd" "$entry"
code
expect_file out "$TMP/want.out"
cmp -s "$entry" "$TMP/good.dyd" || fail "the entry was not rebuilt"

DESC="a symlinked entry is not followed, and replaced"
cp "$TMP/default.dyd" "$TMP/planted.dyd"
rm -f "$entry"
ln -s "$TMP/planted.dyd" "$entry"
code
expect_file out "$TMP/want.out"
expect_file err "$TMP/want.err"
[ -L "$entry" ] && fail "the symlink is still there"
cmp -s "$TMP/planted.dyd" "$TMP/default.dyd" || fail "the symlink's target was written"
cmp -s "$entry" "$TMP/good.dyd" || fail "the entry was not rebuilt"

DESC="an entry others may write is not trusted"
cp "$TMP/default.dyd" "$entry"
chmod 666 "$entry"
code
expect_file out "$TMP/want.out"
[ "$(stat -c %a "$entry")" = 600 ] || fail "entry mode $(stat -c %a "$entry")"

DESC="a cache folder others may write is not used: one warning, same output"
chmod 777 "$ENTRIES"
code
expect_rc 0
expect_file out "$TMP/want.out"
grep -v "folder not private" "$TMP/err" | cmp -s - "$TMP/want.err" || fail "the remarks changed"
grep -q "^dyad: warning: $ENTRIES: folder not private to this user (owner [0-9]*, mode 777); dictionaries not cached (--no-cache or DYAD_NO_CACHE=1 turns the cache off)\$" "$TMP/err" ||
    fail "$(cat "$TMP/err")"
[ "$(grep -c "^dyad: warning: $ENTRIES" "$TMP/err")" -eq 1 ] || fail "$(cat "$TMP/err")"
chmod 700 "$ENTRIES"

DESC="a cache that cannot be made (a file where its folder goes): one warning, same output"
printf 'x' >"$TMP/notadir"
XDG_CACHE_HOME="$TMP/notadir" "$DYAD" code --dict "$D/mini.project" --in lines --date 2026-01-01 \
    "$TMP/in.txt" >"$TMP/out" 2>"$TMP/err"
[ $? -eq 0 ] || fail "exit status"
expect_file out "$TMP/want.out"
grep -q "^dyad: warning: $TMP/notadir/dyad: cannot create: Not a directory; dictionaries not cached (--no-cache or DYAD_NO_CACHE=1 turns the cache off)\$" "$TMP/err" ||
    fail "$(cat "$TMP/err")"

DESC="without HOME or XDG_CACHE_HOME: no cache, nothing said"
env -u XDG_CACHE_HOME -u HOME "$DYAD" code --dict "$D/mini.project" --in lines --date 2026-01-01 \
    "$TMP/in.txt" >"$TMP/out" 2>"$TMP/err"
expect_file out "$TMP/want.out"
expect_file err "$TMP/want.err"

DESC="concurrent first runs of one key"
"$DYAD" dict cache --clear >/dev/null
for i in 1 2 3 4; do
    "$DYAD" code --dict "$D/mini.project" --in lines --date 2026-01-01 "$TMP/in.txt" \
        >"$TMP/c$i.out" 2>"$TMP/c$i.err" &
done
wait
for i in 1 2 3 4; do
    cmp -s "$TMP/c$i.out" "$TMP/want.out" || fail "run $i's output"
    cmp -s "$TMP/c$i.err" "$TMP/want.err" || fail "run $i's messages: $(cat "$TMP/c$i.err")"
done
[ "$(entries)" -eq 1 ] || fail "$(entries) entries"
[ "$(temporaries)" -eq 0 ] || fail "a temporary was left"
cmp -s "$entry" "$TMP/good.dyd" || fail "the entry differs"

DESC="pruning: the 8 most recently used entries, none unused for 30 days"
i=0
while [ $i -lt 10 ]; do   # 0000000000001000.dyd used 2 days ago ... 1009 11 days ago
    f="$ENTRIES/$(printf '%016x' $((i + 4096))).dyd"
    printf 'x' >"$f"
    touch -d "$((i + 2)) days ago" "$f"
    i=$((i + 1))
done
touch -d '40 days ago' "$ENTRIES/0000000000001001.dyd"
printf 'x' >"$ENTRIES/.0123456789abcdef.dyd.AbCdEf"   # left by a crash
touch -d '2 hours ago' "$ENTRIES/.0123456789abcdef.dyd.AbCdEf"
run "$DYAD" code --dict "$D/./mini.project" --in lines --date 2026-01-01 "$TMP/in.txt"
expect_file out "$TMP/want.out"   # another path, another key: written, then pruned
[ "$(entries)" -eq 8 ] || fail "$(entries) entries"
[ -e "$entry" ] || fail "the entry used a moment ago was pruned"
[ -e "$ENTRIES/0000000000001000.dyd" ] || fail "a recently used entry was pruned"
[ -e "$ENTRIES/0000000000001006.dyd" ] || fail "the 8th most recently used entry was pruned"
[ -e "$ENTRIES/0000000000001007.dyd" ] && fail "the 9th most recently used entry was kept"
[ -e "$ENTRIES/0000000000001001.dyd" ] && fail "an entry unused for 40 days was kept"
[ "$(temporaries)" -eq 0 ] || fail "an abandoned temporary was kept"

DESC="dyad dict cache --clear"
printf 'keep me\n' >"$ENTRIES/notes.txt"
run "$DYAD" dict cache --clear
expect_rc 0
expect out "$ENTRIES: 8 compiled dictionaries removed"
[ "$(entries)" -eq 0 ] || fail "$(entries) entries"
[ -f "$ENTRIES/notes.txt" ] || fail "a file that is no entry was removed"
run "$DYAD" dict cache
expect out "$ENTRIES: 0 compiled dictionaries, 0.0 MB"
finish
