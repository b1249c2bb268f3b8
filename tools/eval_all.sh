#!/bin/sh
# eval_all.sh — `make eval`: every suite's figure in one table, with its
# floor (tests/validation/floors.txt): the TABARI and PETRARCH suites, the
# UniversalPetrarch UD records, the CAMEO codebook examples, the PLOVER
# gold-standard sentences, dyad's own news fixtures, and the syntax model
# with gold words. Development sets tune; test sets (EWT test, PUD) are only
# measured. Needs ../shared (a suite without its material says so).
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
DYAD=$PWD/$BUILD/dyad
export BUILD SHARED DYAD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for t in floor petrarch_floor cameo_examples plover_gsr news_fixtures syntax_floor; do
    sh "tests/validation/$t.sh" >"$tmp/$t.out" 2>&1
done
floor() { awk -v k="$1" '$1 == k { print $2 }' tests/validation/floors.txt; }
# "key: A passed, B failed" or "key: A/B = P%" -> the figure
fig() {
    line=$(cat "$tmp"/*.out | grep -m1 "^$1: ")
    [ -n "$line" ] || { echo "skipped"; return; }
    printf '%s\n' "$line" | sed -e "s/^$1: //" -e 's/ (floor [0-9.]*)$//' \
        -e 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1 passed, \2 failed/'
}
echo "| suite | figure | floor |"
echo "|---|---|---|"
for k in tabari-standard petrarch-parsed petrarch-text upetrarch-ud cameo-root cameo-full \
         plover-type plover-type+source-country news-fixtures; do
    echo "| $k | $(fig "$k") | $(floor "$k") |"
done
# the syntax table: set words upos uas las
grep -E '^en_' "$tmp/syntax_floor.out" | while read -r set words upos uas las rest; do
    echo "| syntax $set ($words words, gold tokens) | UPOS $upos, UAS $uas, LAS $las | $(floor "syntax-$set-upos") / $(floor "syntax-$set-uas") / $(floor "syntax-$set-las") |"
done
