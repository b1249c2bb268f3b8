# validate.sh — `dyad validate` on an invented project: failing records, the
# final count, FINAL-01, --all, --verbose, --only and errors.
. tests/cli/lib.inc

DESC="validate"
run "$DYAD" validate "$FIX/validate.project"
expect_rc 1
expect out "FAIL V-2 validate.text:7 expected {BRA/ARG/051} got {BRA/ARG/112}
3 passed, 1 failed"

DESC="validate --all --verbose"
run "$DYAD" validate --all --verbose "$FIX/validate.project"
expect_rc 1
expect out "pass V-1 validate.text:3 expected {FRA/DEU/051} got {FRA/DEU/051}
FAIL V-2 validate.text:7 expected {BRA/ARG/051} got {BRA/ARG/112}
pass V-3 validate.text:11 expected {---} got {---}
pass V-6 validate.text:22 expected {FRAGOV/DEUGOV/040} got {FRAGOV/DEUGOV/040}
pass FINAL-01 validate.text:26 expected {JPN/IND/051} got {JPN/IND/051}
4 passed, 1 failed"

DESC="validate --only"
run "$DYAD" validate --only V-6 "$FIX/validate.project"
expect_rc 0
tail -2 "$TMP/out" >"$TMP/tail"
printf '%s\n' "pass V-6 validate.text:22 expected {FRAGOV/DEUGOV/040} got {FRAGOV/DEUGOV/040}" "1 passed, 0 failed" >"$TMP/want"
diff -u "$TMP/want" "$TMP/tail" || failures=$((failures + 1))
grep -q "FRAGOV" "$TMP/out" || failures=$((failures + 1))

DESC="validate --only an unknown id"
run "$DYAD" validate --only NOPE "$FIX/validate.project"
expect_rc 1
expect err "dyad: no record NOPE in $FIX/validate.project"

DESC="validate a missing project"
run "$DYAD" validate no/such.project
expect_rc 1
expect err "dyad: no/such.project: cannot open: No such file or directory"

DESC="validate without a project"
run "$DYAD" validate
expect_rc 2
expect err "dyad: missing PROJECT
Try 'dyad help validate'."
finish
