# floor.sh — the validation floor: `dyad validate` on TABARI's standard suite
# must pass at least as many records as tests/validation/floors.txt says.
DYAD=${DYAD:-build/dyad}
SHARED=${SHARED:-../shared}
PROJECT="$SHARED/validation/tabari/Validate.project"
if [ ! -f "$PROJECT" ]; then
    echo "skipped: $PROJECT not found (the reference material is absent)"
    exit 77
fi
floor=$(awk '$1 == "tabari-standard" { print $2 }' tests/validation/floors.txt)
[ -n "$floor" ] || { echo "no tabari-standard line in tests/validation/floors.txt"; exit 1; }
out=$("$DYAD" validate "$PROJECT" 2>&1)
last=$(printf '%s\n' "$out" | tail -1)
passed=$(printf '%s\n' "$last" | sed -n 's/^\([0-9][0-9]*\) passed, [0-9][0-9]* failed$/\1/p')
if [ -z "$passed" ]; then
    printf '%s\n' "$out" | tail -20
    echo "dyad validate did not end with 'N passed, N failed'"
    exit 1
fi
if [ "$passed" -lt "$floor" ]; then
    printf '%s\n' "$out" | grep '^FAIL' | head -40
    echo "tabari-standard: $last; below the floor of $floor"
    exit 1
fi
echo "tabari-standard: $last (floor $floor)"
