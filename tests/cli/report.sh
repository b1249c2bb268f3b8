# report.sh — dyad plot and dyad report: the SVG has its bars, line, axes and
# legend; the HTML page is self-contained (no script, nothing fetched), and
# a real browser (headless Chromium, Debian's chromium) renders it: the DOM
# it builds holds the tables, charts, map and sample sentences, and its
# screenshot is not blank. Every sentence here was written for this test.
. tests/cli/lib.inc
case $DYAD in /*) ;; *) DYAD=$PWD/$DYAD ;; esac

{
    d=1
    while [ $d -le 28 ]; do
        printf '{"id":"a%d","date":"2026-0%d-%02d","text":"Russian troops attacked Ukrainian positions near Kharkiv. Ukraine accused Russia of shelling Kherson."}\n' $d $((1 + d % 6)) $d
        printf '{"id":"b%d","date":"2026-0%d-%02d","text":"France praised Germany for its aid to Ukraine. Kenya thanked Uganda."}\n' $d $((1 + d % 6)) $d
        d=$((d + 1))
    done
} >"$TMP/s.jsonl"
"$DYAD" code --mode shallow --db "$TMP/ev.sqlite" "$TMP/s.jsonl" 2>/dev/null

DESC="dyad plot: an SVG with stacked bars, the Goldstein line, axes and legend"
run "$DYAD" plot --db "$TMP/ev.sqlite" --dyad RUS,UKR --undirected -o "$TMP/p.svg"
expect_rc 0
grep -q '^<svg xmlns="http://www.w3.org/2000/svg"' "$TMP/p.svg" &&
    grep -q '<title>Events by month: RUS and UKR</title>' "$TMP/p.svg" &&
    [ "$(grep -c 'material conflict</title></rect>' "$TMP/p.svg")" -eq 6 ] &&
    grep -q '<polyline points=' "$TMP/p.svg" &&
    grep -q '>2026-01</text>' "$TMP/p.svg" && grep -q '>2026-06</text>' "$TMP/p.svg" &&
    grep -q '>mean Goldstein</text>' "$TMP/p.svg" && tail -1 "$TMP/p.svg" | grep -q '^</svg>$' ||
    { echo "FAIL: $DESC"; head -20 "$TMP/p.svg"; failures=$((failures + 1)); }

DESC="dyad report: one self-contained page"
run "$DYAD" report --db "$TMP/ev.sqlite" -o "$TMP/r.html"
expect_rc 0
if grep -qi '<script\|<link\|<img\|src=\|@import\|url(' "$TMP/r.html"; then
    echo "FAIL: $DESC: refers to something outside the page"; failures=$((failures + 1))
fi
grep -q 'id="dyads"' "$TMP/r.html" && grep -q 'id="map"' "$TMP/r.html" ||
    { echo "FAIL: $DESC: sections"; failures=$((failures + 1)); }

DESC="-o naming the store itself: refused, the store kept"
cp "$TMP/ev.sqlite" "$TMP/keep.sqlite"
run "$DYAD" report --db "$TMP/ev.sqlite" -o "$TMP/ev.sqlite"
expect_rc 1
grep -q "^dyad: -o $TMP/ev.sqlite is also an input" "$TMP/err" && cmp -s "$TMP/ev.sqlite" "$TMP/keep.sqlite" ||
    { echo "FAIL: $DESC: report"; cat "$TMP/err"; failures=$((failures + 1)); }
run "$DYAD" plot --db "$TMP/ev.sqlite" -o "$TMP/ev.sqlite"
expect_rc 1
cmp -s "$TMP/ev.sqlite" "$TMP/keep.sqlite" || { echo "FAIL: $DESC: plot"; failures=$((failures + 1)); }

DESC="dyad report: refuses what is not a store, and a missing -o"
run "$DYAD" report --db "$TMP/s.jsonl" -o "$TMP/x.html"
expect_rc 1
run "$DYAD" report --db "$TMP/ev.sqlite"
expect_rc 2

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "skipped: no chromium (make deps installs it): the page was not rendered in a browser"
    [ "$failures" -eq 0 ] && exit 77
    finish
fi

DESC="headless Chromium renders the page: the DOM it builds"
"$browser" --headless --no-sandbox --disable-gpu --dump-dom "file://$TMP/r.html" \
    >"$TMP/dom.html" 2>/dev/null
grep -q '<h1>Event report: ' "$TMP/dom.html" &&
    [ "$(grep -c '<svg' "$TMP/dom.html")" -ge 4 ] &&
    grep -q '<td>RUS</td><td>UKR</td>' "$TMP/dom.html" &&
    grep -q '<circle cx=' "$TMP/dom.html" &&
    grep -q 'Kharkiv' "$TMP/dom.html" &&
    grep -q 'class="sent">Russian troops attacked Ukrainian positions near Kharkiv.' "$TMP/dom.html" ||
    { echo "FAIL: $DESC"; head -c 600 "$TMP/dom.html"; failures=$((failures + 1)); }

DESC="headless Chromium renders the page: the screenshot is not blank"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,1600 \
    --screenshot="$TMP/shot.png" "file://$TMP/r.html" >/dev/null 2>&1
size=$(wc -c <"$TMP/shot.png" 2>/dev/null || echo 0)
# a blank 1100x1600 page compresses to a few kilobytes; text, tables and
# charts to tens of them
[ "$size" -gt 40000 ] || { echo "FAIL: $DESC: $size bytes"; failures=$((failures + 1)); }
"$browser" --headless --no-sandbox --disable-gpu --window-size=1100,1600 \
    --screenshot="$TMP/blank.png" "data:text/html,<html></html>" >/dev/null 2>&1
blank=$(wc -c <"$TMP/blank.png" 2>/dev/null || echo 0)
[ "$blank" -lt "$((size / 4))" ] || { echo "FAIL: $DESC: blank page $blank bytes, report $size"; failures=$((failures + 1)); }
finish
