# petrarch_floor.sh — the PETRARCH unit-test suite: `dyad validate` on
# PETR.UnitTest.records.xml, with its Treebank parses and without (--no-parse),
# and on UniversalPetrarch's copy with UD parses, must pass at least the
# petrarch-parsed / petrarch-text / upetrarch-ud floors of floors.txt.
DYAD=${DYAD:-build/dyad}
SHARED=${SHARED:-../shared}
XML="$SHARED/validation/petrarch1/PETR.UnitTest.records.xml"
if [ ! -f "$XML" ]; then
    echo "skipped: $XML not found (the reference material is absent)"
    exit 77
fi
UP="$SHARED/validation/universalpetrarch"
UD="$UP/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml"
# UniversalPetrarch codes its records with the PETRARCH-2 verb file beside
# them (PETR.Validate.verbs.2.0.txt), which its <Environment> does not name
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
UPDIR=$(cd "$UP" 2>/dev/null && pwd)
cat >"$tmp/up.ini" <<END
[Dictionaries]
dictionary_path  = $UPDIR
verbfile_name    = PETR.Validate.verbs.2.0.txt
actorfile_list   = PETR.Validate.actors.txt
agentfile_name   = PETR.Validate.agents.txt
discardfile_name = PETR.Validate.discards.txt

[Options]
new_actor_length = 0
require_dyad = True
END
status=0
for kind in petrarch-parsed petrarch-text upetrarch-ud; do
    floor=$(awk -v k="$kind" '$1 == k { print $2 }' tests/validation/floors.txt)
    [ -n "$floor" ] || { echo "no $kind line in tests/validation/floors.txt"; status=1; continue; }
    flag=
    [ "$kind" = petrarch-text ] && flag=--no-parse
    file=$XML
    [ "$kind" = upetrarch-ud ] && { file=$UD; flag="--dict $tmp/up.ini"; }
    [ -f "$file" ] || { echo "skipped: $file not found"; continue; }
    out=$("$DYAD" validate $flag "$file" 2>&1)
    last=$(printf '%s\n' "$out" | tail -1)
    passed=$(printf '%s\n' "$last" | sed -n 's/^\([0-9][0-9]*\) passed, [0-9][0-9]* failed$/\1/p')
    if [ -z "$passed" ]; then
        printf '%s\n' "$out" | tail -20
        echo "$kind: dyad validate did not end with 'N passed, N failed'"
        status=1
        continue
    fi
    if [ "$passed" -lt "$floor" ]; then
        printf '%s\n' "$out" | grep '^FAIL' | head -40
        echo "$kind: $last; below the floor of $floor"
        status=1
        continue
    fi
    echo "$kind: $last (floor $floor)"
done
exit $status
