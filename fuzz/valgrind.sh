#!/bin/sh
# valgrind.sh — `make valgrind`: the unit tests, the CLI tests (through a
# wrapper that runs dyad under valgrind), the demo, the fuzz regressions and
# the Python extension (python/tests/memcheck.py) under memcheck with a full
# leak check. Any error or leak fails the run.
# Jobs run VALGRIND_JOBS at a time (default: the number of cores), each with
# its own logs. Environment: BUILD (default build), SHARED, VALGRIND_JOBS.
cd "$(dirname "$0")/.." || exit 1
BUILD=${BUILD:-build}
ROOT=$PWD
JOBS=${VALGRIND_JOBS:-$(nproc 2>/dev/null || echo 2)}
VG="valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect"
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

# The jobs, one line each: NAME<TAB>KIND<TAB>ARGS (KIND vg: a program under
# valgrind whose status must be 0; cli: a CLI test script run with the
# valgrinding wrapper, whose own status must be 0).
jobs="$logs/jobs"
: >"$jobs"
for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    # Criterion forks a child per test, so valgrind follows children
    printf 'unit-%s\tvg\t--trace-children=yes %s --jobs 1\n' "${t##*/}" "$t" >>"$jobs"
done
for r in "$BUILD"/regress/fuzz_*; do
    [ -x "$r" ] || continue
    n=${r##*/}
    printf 'regress-%s\tvg\t%s fuzz/corpus/%s tests/regress/%s\n' "$n" "$r" "$n" "$n" >>"$jobs"
done
printf 'demo\tvg\t%s code --date 2026-11-20 examples/demo-story.txt\n' "$BUILD/dyad" >>"$jobs"
for t in tests/cli/*.sh; do
    printf 'cli-%s\tcli\t%s\n' "${t##*/}" "$t" >>"$jobs"
done
# The Python package's extension (built by `make python`), every path once:
# with PYTHONMALLOC=malloc memcheck sees each allocation, not CPython's pools.
if [ -d "$BUILD/python/lib/dyad" ] && [ -x /usr/bin/python3 ]; then
    printf 'python-memcheck\tvg\t/usr/bin/python3 python/tests/memcheck.py\n' >>"$jobs"
else
    echo "skipped: the Python extension under memcheck: $BUILD/python/lib has no package (make python)"
fi
PYTHONMALLOC=malloc
export BUILD PYTHONMALLOC

# dyad under valgrind for the CLI tests; exit statuses are the tests'
# business, so errors are found in the logs afterwards
mkdir -p "$logs/bin"
cat >"$logs/bin/dyad" <<WRAP
#!/bin/sh
exec $VG --log-file="$logs/cli.%p.log" "$ROOT/$BUILD/dyad" "\$@"
WRAP
chmod +x "$logs/bin/dyad"

# one job: its outcome goes to $logs/NAME.status ("ok" or the reason)
run_job() {
    name=$1 kind=$2
    shift 2
    if [ "$kind" = vg ]; then
        # shellcheck disable=SC2086
        if $VG --log-file="$logs/$name.%p.log" "$@" >"$logs/$name.out" 2>&1; then
            echo ok >"$logs/$name.status"
        else
            echo "FAIL valgrind $name" >"$logs/$name.status"
        fi
    else
        # (fewer stories for the store and progress tests: their runs are many)
        if DYAD="$logs/bin/dyad" BUILD=$BUILD STORE_TEST_STORIES=300 sh "$1" >"$logs/$name.out" 2>&1; then
            echo ok >"$logs/$name.status"
        else
            echo "FAIL valgrind $name (the test itself failed under valgrind)" >"$logs/$name.status"
        fi
    fi
}

# JOBS at a time: each worker takes every JOBS-th line
w=0
while [ $w -lt "$JOBS" ]; do
    (
        i=0
        while IFS="	" read -r name kind args; do
            if [ $((i % JOBS)) -eq $w ]; then
                # shellcheck disable=SC2086
                run_job "$name" "$kind" $args </dev/null   # jobs read no list line
            fi
            i=$((i + 1))
        done <"$jobs"
    ) &
    w=$((w + 1))
done
wait

fail=0
runs=0
while IFS="	" read -r name kind args; do
    runs=$((runs + 1))
    st=$(cat "$logs/$name.status" 2>/dev/null || echo "FAIL $name did not run")
    if [ "$st" != ok ]; then
        echo "$st"
        tail -20 "$logs/$name.out" 2>/dev/null
        fail=$((fail + 1))
    fi
done <"$jobs"

# Any log with errors (also from children and the CLI wrapper) fails.
bad=$(grep -l 'ERROR SUMMARY: [1-9]' "$logs"/*.log 2>/dev/null)
for f in $bad; do
    echo "FAIL valgrind errors in ${f##*/}:"
    sed -n '/^==[0-9]*== Memcheck/,$p' "$f" | sed -n '7,46p'
    fail=$((fail + 1))
done
echo "valgrind: $runs programs and scripts, $fail failed"
[ "$fail" -eq 0 ]
