# syntax_floor.sh — the built-in syntax model scored with gold words
# (tools/eval_syntax.sh: UPOS, UAS, LAS on EWT dev and test, GUM dev and
# PUD) must reach the syntax-* floors of floors.txt (percent, one decimal).
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
if [ ! -d "$SHARED/ud" ] || [ ! -f "$SHARED/tools/score_conllu.py" ]; then
    echo "skipped: $SHARED/ud not found (the reference material is absent)"
    exit 77
fi
table=$(BUILD=$BUILD SHARED=$SHARED sh tools/eval_syntax.sh) || { echo "$table"; exit 1; }
echo "$table"
status=0
# floors.txt lines: syntax-<set>-<upos|uas|las> N
for line in $(awk '$1 ~ /^syntax-/ { print $1 "=" $2 }' tests/validation/floors.txt); do
    key=${line%%=*}
    floor=${line#*=}
    set=${key#syntax-}
    metric=${set##*-}
    set=${set%-*}
    col=$(case $metric in upos) echo 3 ;; uas) echo 4 ;; las) echo 5 ;; esac)
    got=$(printf '%s\n' "$table" | awk -v s="$set" -v c="$col" '$1 == s { print $c }')
    if [ -z "$got" ]; then
        echo "$key: no score for $set"
        status=1
    elif awk -v g="$got" -v f="$floor" 'BEGIN { exit !(g + 0 < f + 0) }'; then
        echo "$key: $got is below the floor of $floor"
        status=1
    fi
done
exit $status
