# python.sh — the Python package (python/, docs/python.md): `pip install
# ./python` into a fresh virtual environment, offline, with Debian's Python,
# setuptools and pip (the package linked with this build's libdyad.a), then
# its pytest suite (python/tests), which compares it with the dyad command.
#
# A sanitizer build's libdyad.a needs the sanitizer's runtime loaded first,
# which an ordinary python does not have: make asan skips this, saying so.
# Under make valgrind the dyad commands the tests compare with run under
# memcheck (the DYAD wrapper), not pip and pytest; fuzz/valgrind.sh runs
# the extension itself under memcheck with python/tests/memcheck.py.
. tests/cli/lib.inc
BUILD=${BUILD:-build}
case $DYAD in /*) ;; *) DYAD=$PWD/$DYAD ;; esac
export DYAD
# Debian's Python, not whatever python3 comes first on PATH (pyenv...): the
# package is built for the one whose development files make deps installs
PY=${DYAD_PYTHON:-/usr/bin/python3}
if [ ! -x "$PY" ]; then
    echo "skipped: the Python package: no $PY (make deps-test installs python3)"
    exit 77
fi
if nm "$BUILD/libdyad.a" 2>/dev/null | grep -q '__asan\|__ubsan\|__tsan'; then
    echo "skipped: the Python package: $BUILD is a sanitizer build, whose library an unsanitized python cannot load"
    exit 77
fi

DESC="the packages the Python package needs"
for m in venv ensurepip setuptools pytest; do
    "$PY" -c "import $m" 2>/dev/null ||
        { echo "FAIL: $DESC: $PY cannot import $m (make deps-test installs it)"; failures=$((failures + 1)); }
done
[ -f "$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')/Python.h" ] ||
    { echo "FAIL: $DESC: no Python.h (make deps-test installs python3-dev)"; failures=$((failures + 1)); }
[ "$failures" -eq 0 ] || exit 1

# pip writes no cache of ours into ~/.cache and asks no index for anything
export PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
DESC="python3 -m venv --system-site-packages"
run "$PY" -m venv --system-site-packages "$TMP/venv"
expect_rc 0
DESC="pip install --no-build-isolation --no-index ./python"
run env DYAD_BUILD="$PWD/$BUILD" "$TMP/venv/bin/pip" install --no-build-isolation --no-index ./python
expect_rc 0
[ "$RC" -eq 0 ] || { cat "$TMP/out" "$TMP/err" | tail -30; exit 1; }

DESC="the installed package is the venv's, built with this libdyad"
run "$TMP/venv/bin/python" -c 'import dyad; print(dyad.__file__); print(dyad.libversion())'
expect_rc 0
grep -q "^$TMP/venv/" "$TMP/out" || { echo "FAIL: $DESC: $(cat "$TMP/out" "$TMP/err")"; failures=$((failures + 1)); }
sed -n 2p "$TMP/out" | grep -qx "$("$DYAD" --version | cut -d' ' -f2)" ||
    { echo "FAIL: $DESC: version $(sed -n 2p "$TMP/out")"; failures=$((failures + 1)); }

DESC="the extension exports its init function and nothing of libdyad"
so=$(ls "$TMP"/venv/lib/python3*/site-packages/dyad/_dyad*.so)
nm -D --defined-only "$so" | awk '$2 ~ /^[TDBRV]$/ { print $3 }' | grep -v '^PyInit__dyad$' >"$TMP/exported"
[ ! -s "$TMP/exported" ] || { echo "FAIL: $DESC: $(head -5 "$TMP/exported")"; failures=$((failures + 1)); }

DESC="pytest python/tests"
# -p no:cacheprovider: no .pytest_cache in the sources; -rs lists the skips
(cd "$TMP" && PYTHONDONTWRITEBYTECODE=1 "$TMP/venv/bin/python" -m pytest -q -rs -p no:cacheprovider \
    --basetemp="$TMP/pytest-tmp" "$OLDPWD/python/tests") \
    >"$TMP/pytest" 2>&1
rc=$?
if [ $rc -ne 0 ]; then
    echo "FAIL: $DESC (status $rc)"
    tail -60 "$TMP/pytest"
    failures=$((failures + 1))
fi
tail -1 "$TMP/pytest"
# a test pytest skipped (pandas absent) is listed as skipped by tests/run.sh
sed -n 's/^SKIPPED \[[0-9]*\] \(.*\)/skipped: pytest \1/p' "$TMP/pytest"
finish
