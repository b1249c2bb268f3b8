# write_errors.sh — every command reports a failed write to standard output
# (a full disk) and exits 1: not only `dyad code`, but help, version,
# validate, codes, explain and parse.
. tests/cli/lib.inc

if [ ! -w /dev/full ]; then
    echo "skipped: no /dev/full to write to"
    exit 77
fi
full() {   # full DESC CMD...: CMD with stdout on /dev/full must fail with a message
    DESC=$1
    shift
    "$@" >/dev/full 2>"$TMP/err" </dev/null
    RC=$?
    expect_rc 1
    grep -q "write error" "$TMP/err" || { echo "FAIL: $DESC: no message"; cat "$TMP/err"; failures=$((failures + 1)); }
}
printf 'France praised Germany.\n' >"$TMP/s.txt"
full "--version" "$DYAD" --version
full "--help" "$DYAD" --help
full "help code" "$DYAD" help code
full "code --help" "$DYAD" code --help
full "codes" "$DYAD" codes
full "explain" "$DYAD" explain --dict "$MINI" "France praised Germany."
full "parse" "$DYAD" parse "$TMP/s.txt"
full "validate" "$DYAD" validate --verbose "$FIX/validate.project"
finish
