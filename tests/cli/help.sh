# help.sh — dyad --version, --help, help CMD, CMD --help, unknown commands.
. tests/cli/lib.inc

DESC="--version"
run "$DYAD" --version
expect out "dyad 0.1.0"
expect_rc 0

DESC="--help"
run "$DYAD" --help
expect_rc 0
head -1 "$TMP/out" >"$TMP/first"
[ "$(cat "$TMP/first")" = "usage: dyad <command> [options] [args]" ] || {
    echo "FAIL: --help first line: $(cat "$TMP/first")"; failures=$((failures + 1)); }
grep -q "^exit status: 0 success" "$TMP/out" || { echo "FAIL: --help documents exit status"; failures=$((failures + 1)); }

for cmd in code validate explain codes dict; do
    DESC="help $cmd"
    run "$DYAD" help $cmd
    expect_rc 0
    grep -q "^usage: dyad $cmd" "$TMP/out" || { echo "FAIL: help $cmd"; failures=$((failures + 1)); }
    DESC="$cmd --help"
    cp "$TMP/out" "$TMP/help"
    run "$DYAD" $cmd --help
    expect_file out "$TMP/help"
done

DESC="unknown command"
run "$DYAD" frobnicate
expect_rc 2
expect err "dyad: unknown command: frobnicate
Try 'dyad --help'."

DESC="help for an unknown command"
run "$DYAD" help frobnicate
expect_rc 2
expect err "dyad: unknown command: frobnicate
Try 'dyad --help'."

DESC="no command"
run "$DYAD"
expect_rc 2
finish
