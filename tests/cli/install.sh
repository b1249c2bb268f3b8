# install.sh — `make install` and `make uninstall` with a PREFIX and a
# DESTDIR: every file in its place, a shared library with its soname that
# exports the public API and nothing else, a dyad.pc with which the example
# builds against the installed copy (shared and static) and runs, and an
# uninstall that leaves nothing behind.
. tests/cli/lib.inc
BUILD=${BUILD:-build}
MAKE="make --no-print-directory -s BUILD=$BUILD"
# the installed example, run against the installed libraries
ROOT=$TMP/root
P=$TMP/usr

# `make install` builds what is missing with the flags of a plain build; a
# sanitizer build (make asan) is installed as it is, by install-files.
INSTALL=install
if grep -q fsanitize "$BUILD/CFLAGS" 2>/dev/null; then
    INSTALL=install-files
    echo "skipped: make install's build step, in a sanitizer build (install-files instead)"
fi
DESC="make $INSTALL PREFIX=... "
run $MAKE PREFIX="$P" $INSTALL
expect_rc 0
for f in bin/dyad lib/libdyad.a lib/libdyad.so lib/libdyad.so.0 lib/pkgconfig/dyad.pc \
         include/dyad.h include/dyad_io.h share/man/man1/dyad.1 share/dyad/model/en.dym \
         share/dyad/default/default.project; do
    [ -e "$P/$f" ] || { echo "FAIL: $DESC: $f not installed"; failures=$((failures + 1)); }
done

DESC="the installed command runs"
run "$P/bin/dyad" --version
expect_rc 0
grep -q "^dyad [0-9]" "$TMP/out" || { echo "FAIL: $DESC"; failures=$((failures + 1)); }

DESC="the shared library's soname"
readelf -d "$P/lib/libdyad.so" >"$TMP/dyn" 2>&1
grep -q 'Library soname: \[libdyad.so.0\]' "$TMP/dyn" ||
    { echo "FAIL: $DESC"; grep SONAME "$TMP/dyn"; failures=$((failures + 1)); }

DESC="the shared library exports every function of dyad.h and dyad_io.h and nothing else"
nm -D --defined-only "$P/lib/libdyad.so" | awk '$2 ~ /^[TDBRV]$/ { print $3 }' |
    sort >"$TMP/exported"
sed -n 's/^DYAD_API .*[ *]\(dyad_[a-z_0-9]*\)(.*/\1/p' include/dyad.h include/dyad_io.h |
    sort >"$TMP/declared"
if ! diff "$TMP/declared" "$TMP/exported" >"$TMP/diff"; then
    echo "FAIL: $DESC"; cat "$TMP/diff"; failures=$((failures + 1))
fi
# a declaration without DYAD_API would be missing from both lists: none is
undecl=$(grep -h -E '^[a-z].*[ *]dyad_[a-z_0-9]*\(' include/dyad.h include/dyad_io.h | grep -v -e '^typedef' -e '^static inline')
[ -z "$undecl" ] || { echo "FAIL: $DESC: declared without DYAD_API: $undecl"; failures=$((failures + 1)); }

# A sanitizer build's library needs the sanitizer's runtime in the program:
# the example is built and run against a plain build's library only.
if nm -D "$P/lib/libdyad.so" | grep -q '__asan\|__ubsan'; then
    echo "skipped: building the example against the installed library: a sanitizer build"
else
    export PKG_CONFIG_PATH="$P/lib/pkgconfig"
    DESC="the example builds with pkg-config against the shared library"
    run sh -c "cc -o '$TMP/minimal' examples/minimal.c \$(pkg-config --cflags --libs dyad)"
    expect_rc 0
    DESC="... and codes a story with it"
    run env LD_LIBRARY_PATH="$P/lib" "$TMP/minimal" "$P/share/dyad/default/default.project" \
        "France praised Germany."
    expect_rc 0
    grep -q "FRA" "$TMP/out" || { echo "FAIL: $DESC"; cat "$TMP/out" "$TMP/err"; failures=$((failures + 1)); }
    LD_LIBRARY_PATH="$P/lib" ldd "$TMP/minimal" | grep -q "libdyad.so.0 => $P/lib/libdyad.so.0" ||
        { echo "FAIL: $DESC: not linked to the installed libdyad.so.0"; failures=$((failures + 1)); }

    DESC="the I/O example builds against the installed dyad_io.h and shared library"
    run sh -c "cc -o '$TMP/jsonl2gdelt' examples/jsonl2gdelt.c \$(pkg-config --cflags --libs dyad)"
    expect_rc 0
    DESC="... and writes GDELT lines from JSON Lines on two threads"
    printf '%s\n' '{"id":"a1","date":"2026-11-20","text":"France praised Germany."}' \
        '{"id":"a2","date":"2026-11-21","text":"Brazil accused Argentina."}' >"$TMP/in.jsonl"
    run env LD_LIBRARY_PATH="$P/lib" "$TMP/jsonl2gdelt" "$TMP/in.jsonl" \
        "$P/share/dyad/default/default.project" 2
    expect_rc 0
    [ "$(grep -c 'FRA' "$TMP/out")" -ge 1 ] && [ "$(grep -c 'BRA' "$TMP/out")" -ge 1 ] ||
        { echo "FAIL: $DESC"; cat "$TMP/out" "$TMP/err"; failures=$((failures + 1)); }

    DESC="the example links statically with pkg-config --static"
    run sh -c "cc -o '$TMP/minimal-static' examples/minimal.c \$(pkg-config --cflags dyad) \
        \$(pkg-config --static --libs dyad | sed 's|-ldyad|$P/lib/libdyad.a|')"
    expect_rc 0
    run "$TMP/minimal-static" "$P/share/dyad/default/default.project" "France praised Germany."
    expect_rc 0
    grep -q "FRA" "$TMP/out" || { echo "FAIL: $DESC"; cat "$TMP/out" "$TMP/err"; failures=$((failures + 1)); }
fi

DESC="make uninstall removes every file"
run $MAKE PREFIX="$P" uninstall
expect_rc 0
left=$(find "$P" -type f -o -type l)
[ -z "$left" ] || { echo "FAIL: $DESC: left: $left"; failures=$((failures + 1)); }

DESC="make install DESTDIR=... PREFIX=/usr stages under DESTDIR, naming /usr"
run $MAKE DESTDIR="$ROOT" PREFIX=/usr $INSTALL
expect_rc 0
[ -x "$ROOT/usr/bin/dyad" ] || { echo "FAIL: $DESC: no $ROOT/usr/bin/dyad"; failures=$((failures + 1)); }
grep -q '^prefix=/usr$' "$ROOT/usr/lib/pkgconfig/dyad.pc" ||
    { echo "FAIL: $DESC: dyad.pc"; cat "$ROOT/usr/lib/pkgconfig/dyad.pc"; failures=$((failures + 1)); }
run $MAKE DESTDIR="$ROOT" PREFIX=/usr uninstall
expect_rc 0
left=$(find "$ROOT" -type f -o -type l)
[ -z "$left" ] || { echo "FAIL: $DESC: uninstall left: $left"; failures=$((failures + 1)); }
finish
