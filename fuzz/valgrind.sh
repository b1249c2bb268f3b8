#!/bin/sh
# valgrind.sh — `make valgrind`: the unit tests, the CLI tests (through a
# wrapper that runs dyad under valgrind), the demo and the fuzz regressions
# under memcheck with a full leak check. Any error or leak fails the run.
# Environment: BUILD (default build), SHARED.
cd "$(dirname "$0")/.." || exit 1
BUILD=${BUILD:-build}
ROOT=$PWD
VG="valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect"
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
fail=0
runs=0

# vg NAME CMD...: runs CMD under valgrind; its exit status must be 0.
vg() {
    name=$1
    shift
    runs=$((runs + 1))
    if ! $VG --log-file="$logs/$name.%p.log" "$@" >"$logs/$name.out" 2>&1; then
        echo "FAIL valgrind $name"
        tail -20 "$logs/$name.out"
        fail=$((fail + 1))
    fi
}

# Unit tests: Criterion forks a child per test, so valgrind follows children.
for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    vg "unit-${t##*/}" --trace-children=yes "$t" --jobs 1
done

# The fuzz regressions and seed corpora, replayed.
for r in "$BUILD"/regress/fuzz_*; do
    [ -x "$r" ] || continue
    n=${r##*/}
    vg "regress-$n" "$r" "fuzz/corpus/$n" "tests/regress/$n"
done

vg demo "$BUILD/dyad" code --date 2026-11-20 examples/demo-story.txt

# CLI tests: dyad runs under valgrind through a wrapper; exit statuses are
# the tests' business, so errors are found in the logs afterwards.
mkdir -p "$logs/bin"
cat >"$logs/bin/dyad" <<WRAP
#!/bin/sh
exec $VG --log-file="$logs/cli.%p.log" "$ROOT/$BUILD/dyad" "\$@"
WRAP
chmod +x "$logs/bin/dyad"
for t in tests/cli/*.sh; do
    runs=$((runs + 1))
    if ! DYAD="$logs/bin/dyad" BUILD=$BUILD sh "$t" >"$logs/cli-out" 2>&1; then
        echo "FAIL valgrind cli/${t##*/} (the test itself failed under valgrind)"
        head -30 "$logs/cli-out"
        fail=$((fail + 1))
    fi
done

# Any log with errors (also from children and the CLI wrapper) fails.
bad=$(grep -l 'ERROR SUMMARY: [1-9]' "$logs"/*.log 2>/dev/null)
for f in $bad; do
    echo "FAIL valgrind errors in ${f##*/}:"
    sed -n '/^==[0-9]*== Memcheck/,$p' "$f" | sed -n '7,46p'
    fail=$((fail + 1))
done
echo "valgrind: $runs programs and scripts, $fail failed"
[ "$fail" -eq 0 ]
