#!/bin/sh
# run.sh — runs every unit test program, CLI test script and the validation
# floor test; prints one line per test and, last, "N passed, N failed, N
# skipped". A test that could not run at all (the reference material of
# ../shared is absent) exits 77 and counts as skipped, not passed; parts a
# test skipped are listed under it.
# Environment: BUILD (build folder, default build), SHARED (../shared).
cd "$(dirname "$0")/.." || exit 1
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
DYAD="$PWD/$BUILD/dyad"
export BUILD SHARED DYAD

pass=0
fail=0
skip=0
log=$(mktemp)
# a cache of compiled dictionaries for the tests that do not make their own
# (tests/cli/lib.inc does), never the user's
XDG_CACHE_HOME=$(mktemp -d)
export XDG_CACHE_HOME
trap 'rm -f "$log"; rm -rf "$XDG_CACHE_HOME"' EXIT

run() {
    name=$1
    shift
    "$@" >"$log" 2>&1
    rc=$?
    if [ $rc -eq 77 ]; then
        skip=$((skip + 1))
        echo "skip $name"
        grep -i '^skipped' "$log" | sed 's/^/     /'
    elif [ $rc -eq 0 ]; then
        pass=$((pass + 1))
        echo "ok   $name"
        grep -i '^skipped' "$log" | sed 's/^/     /'  # what a test skipped, and why
    else
        fail=$((fail + 1))
        echo "FAIL $name"
        sed 's/^/     /' "$log" | head -60
    fi
}

for src in tests/unit/test_*.c; do
    [ -f "$src" ] || continue
    name=${src##*/}
    name=${name%.c}
    if [ -x "$BUILD/tests/$name" ]; then
        run "unit/$name" "$BUILD/tests/$name"
    else
        fail=$((fail + 1))
        echo "FAIL unit/$name: does not build"
    fi
done
if [ ! -x "$DYAD" ]; then
    echo "FAIL $DYAD does not build; the CLI tests below fail with it"
fi
for t in tests/cli/*.sh; do
    run "cli/${t##*/}" sh "$t"
done
for t in tests/validation/*.sh; do
    run "validation/${t##*/}" sh "$t"
done

# Fuzz harnesses replayed on their seed corpus and on every input that once
# crashed them (tests/regress/<harness>/), without libFuzzer.
for src in fuzz/fuzz_*.c; do
    [ -f "$src" ] || continue
    name=${src##*/}
    name=${name%.c}
    if [ -x "$BUILD/regress/$name" ]; then
        run "regress/$name" "$BUILD/regress/$name" "fuzz/corpus/$name" "tests/regress/$name"
    else
        fail=$((fail + 1))
        echo "FAIL regress/$name: does not build"
    fi
done

for t in tests/regress/*.sh; do
    [ -f "$t" ] || continue
    run "regress/${t##*/}" sh "$t"
done

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
