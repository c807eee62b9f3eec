#!/bin/sh
# tests/plot_test.sh BUILD_DIR -- `dyad plot`: the chart's numbers against
# `dyad stats`, its drawing against its numbers, its labels apart, its PNG
# (dyad's own and rsvg-convert's rendering of the SVG), its errors.
#
# Input: examples/timeline.jsonl (a year of an invented Venezuela-Guyana
# dispute, written for dyad), stored in SQLite. Needs python3; the
# rsvg-convert check needs librsvg2-bin (skipped, saying so, without it).
# Ends with "plot: N passed, M failed".
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=${1:-build}
case $B in /*) ;; *) B=$ROOT/$B ;; esac
DYAD=$B/dyad
T=$(mktemp -d "${TMPDIR:-/tmp}/dyad-plot.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
PASS=0
FAIL=0
ok() { PASS=$((PASS + 1)); echo "ok - $1"; }
notok() {
    FAIL=$((FAIL + 1))
    echo "not ok - $1"
    shift
    for why in "$@"; do echo "#   $why"; done
}
check() { if [ "$2" = 0 ]; then ok "$1"; else notok "$1" "$3"; fi; }

DB=$T/tl.sqlite
"$DYAD" code --db "$DB" "$ROOT/examples/timeline.jsonl" 2> "$T/err"
check "the example timeline is stored" $? "$(cat "$T/err")"

# check.py SVG STATS.json [FROM TO] PLOT_AXIS.c: the chart's periods, numbers and
# geometry against dyad stats; its text boxes apart and inside the canvas
cat > "$T/check.py" <<'EOF'
import json, re, sys
import xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
svg = ET.parse(sys.argv[1]).getroot()
st = json.load(open(sys.argv[2]))
fails = []
W, H = float(svg.get("width")), float(svg.get("height"))
# 1. numbers: every period of stats is a period of the chart with the same
# counts; every other period of the chart is zero
per = {g.get("data-period"): g for g in svg.iter(NS + "g") if g.get("class") == "period"}
want = {p["period"]: p for p in st["periods"] if p["period"] != "unknown"}
for name, p in want.items():
    g = per.get(name)
    if g is None: fails.append("period %s missing" % name); continue
    if int(g.get("data-events")) != p["events"]: fails.append("%s events" % name)
    for q in "1234":
        if int(g.get("data-quad" + q)) != p["quad"].get(q, 0): fails.append("%s quad%s" % (name, q))
    if abs(float(g.get("data-goldstein-sum")) - p["goldstein_sum"]) > 0.05: fails.append("%s goldstein" % name)
for name, g in per.items():
    if name not in want and (int(g.get("data-events")) or float(g.get("data-goldstein-sum"))):
        fails.append("%s not zero" % name)
if sum(int(g.get("data-events")) for g in per.values()) != st["events"]:
    fails.append("total events")
order = list(per)
if order != sorted(order): fails.append("periods out of order")
if len(sys.argv) > 5 and (order[0], order[-1]) != (sys.argv[3], sys.argv[4]):
    fails.append("axis %s..%s" % (order[0], order[-1]))
# 2. geometry: lines and bars where the y axes' ticks say the values are
def scale(panel):
    t = [(float(g.get("data-value")), float(g.find(NS + "line").get("y1")))
         for g in svg.iter(NS + "g") if g.get("class") == "ytick" and g.get("data-panel") == panel]
    (v0, y0), (v1, y1) = t[0], t[-1]
    return lambda v: y0 + (v - v0) * (y1 - y0) / (v1 - v0)
yc, yg = scale("count"), scale("goldstein")
for pl in svg.iter(NS + "polyline"):
    q = pl.get("data-quad")
    pts = [tuple(map(float, p.split(","))) for p in pl.get("points").split()]
    if len(pts) != len(order): fails.append("line %s has %d points" % (q, len(pts))); continue
    for (x, y), name in zip(pts, order):
        if abs(y - yc(int(per[name].get("data-quad" + q)))) > 0.2:
            fails.append("line %s at %s: y %.1f" % (q, name, y)); break
for name in order:
    r = per[name].find(NS + "rect")
    v = float(per[name].get("data-goldstein-sum"))
    top, h = float(r.get("y")), float(r.get("height"))
    end = top if v > 0 else top + h
    if abs(end - yg(v)) > 0.2 or abs(h - abs(yg(v) - yg(0))) > 0.2:
        fails.append("bar %s" % name); break
# 3. labels: no two text boxes meet, all inside: widths from the DejaVu
# Sans advance table in src/plot/plot_axis.c, 4 % wider (other fonts and
# hinting); ascent 0.76 em, descent 0.24
src = open(sys.argv[3 if len(sys.argv) == 4 else 5]).read()
adv = [int(v) for v in re.search(r"adv\[95\] = \{([^}]*)\}", src).group(1).replace(",", " ").split()]
def width(s, px, bold):
    return sum(adv[ord(c) - 32] if 32 <= ord(c) < 127 else 838 for c in s) / 1000 * px * (1.1 if bold else 1) * 1.04
boxes = []
for t in svg.iter(NS + "text"):
    s = "".join(t.itertext()); px = float(t.get("font-size"))
    w = width(s, px, t.get("font-weight"))
    x, y = float(t.get("x")), float(t.get("y"))
    a = t.get("text-anchor")
    x0 = x if a == "start" else x - w / 2 if a == "middle" else x - w
    boxes.append((x0, y - 0.76 * px, x0 + w, y + 0.24 * px, s))
for b in boxes:
    if b[0] < 0 or b[2] > W or b[1] < 0 or b[3] > H: fails.append("outside: %r" % b[4])
for i in range(len(boxes)):
    for j in range(i + 1, len(boxes)):
        a, b = boxes[i], boxes[j]
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
            fails.append("overlap: %r and %r" % (a[4], b[4]))
print("ok" if not fails else "; ".join(fails[:6]))
EOF
# chart CASE ARGS...: plot and stats with the same selection, then check.py
chart() {
    name=$1
    shift
    "$DYAD" plot --db "$DB" "$@" -o "$T/$name.svg" 2> "$T/err"
    rc=$?
    by=$(echo "$*" | sed -n 's/.*--by \([a-z]*\).*/\1/p')
    # stats takes plot's options but -o and the chart's own
    sargs=$(echo "$*" | sed 's/--title [^-]*//; s/--size [0-9x]*//')
    # shellcheck disable=SC2086
    "$DYAD" stats --db "$DB" --format json --by "${by:-month}" $sargs > "$T/$name.json" 2>> "$T/err"
    [ $rc = 0 ] && python3 "$T/check.py" "$T/$name.svg" "$T/$name.json" ${RANGE:-} \
        "$ROOT/src/plot/plot_axis.c" > "$T/py.out" 2>&1
    [ $rc = 0 ] && [ "$(cat "$T/py.out")" = ok ]
}
chart month --dyad VEN:GUY --by month
check "plot --dyad VEN:GUY --by month: the numbers of dyad stats, drawn where the axes say, labels apart" \
    $? "$(cat "$T/err") $(cat "$T/py.out")"
n=$(grep -c 'class="period"' "$T/month.svg")
[ "$n" = 12 ]
check "twelve months, one per period, none skipped" $? "$n periods"
chart actor --actor GUY --by week --dedup
check "plot --actor GUY --by week --dedup (every ISO week of the span, zeros filled)" \
    $? "$(cat "$T/err") $(cat "$T/py.out")"
chart day --actor VEN --by day
check "plot --by day: 353 days, labels thinned so none meet" $? "$(cat "$T/err") $(cat "$T/py.out")"
n=$(grep -c 'class="period"' "$T/day.svg")
[ "$n" = 353 ]
check "days from VEN's first event to its last (2025-01-03 to 2025-12-21): 353" $? "$n"
RANGE="2024-10 2025-02" chart range --dyad VEN:GUY --from 2024-10-01 --to 2025-02-28 --by month --size 640x420 --title Early
check "--from/--to bound the axis (months without events drawn as zero), --size, --title" \
    $? "$(cat "$T/err") $(cat "$T/py.out")"
grep -q '<text class="title"[^>]*>Early</text>' "$T/range.svg" && grep -q 'width="640" height="420"' "$T/range.svg"
check "--title and --size are used" $? "$(head -c 300 "$T/range.svg")"
chart year --actor VEN --by year
check "--by year" $? "$(cat "$T/err") $(cat "$T/py.out")"
"$DYAD" plot --db "$DB" --dyad XXX:YYY -o "$T/none.svg" 2> "$T/err"
[ $? = 0 ] && grep -q 'No events match this selection' "$T/none.svg"
check "an empty selection draws an empty chart that says so" $? "$(cat "$T/err")"

# --- PNG -----------------------------------------------------------------------
# png_size FILE: "WIDTH HEIGHT" from a PNG's header, "bad" if not a PNG
cat > "$T/png.py" <<'EOF'
import struct, sys
b = open(sys.argv[1], "rb").read(32)
if b[:8] != b"\x89PNG\r\n\x1a\n" or b[12:16] != b"IHDR": print("bad")
else: print("%d %d" % struct.unpack(">II", b[16:24]))
EOF
"$DYAD" plot --db "$DB" --dyad VEN:GUY -o "$T/c.png" 2> "$T/err"
s=$(python3 "$T/png.py" "$T/c.png" 2>&1)
[ "$s" = "960 600" ]
check "plot -o FILE.png: a 960x600 PNG" $? "$s $(cat "$T/err")"
"$DYAD" plot --db "$DB" --dyad VEN:GUY --scale 2 -o "$T/c2.png" 2> "$T/err"
s=$(python3 "$T/png.py" "$T/c2.png" 2>&1)
[ "$s" = "1920 1200" ]
check "--scale 2: 1920x1200" $? "$s $(cat "$T/err")"
if command -v rsvg-convert > /dev/null 2>&1; then
    rsvg-convert "$T/month.svg" -o "$T/r.png" 2> "$T/err"
    s=$(python3 "$T/png.py" "$T/r.png" 2>&1)
    [ "$s" = "960 600" ]
    check "rsvg-convert renders the SVG to a 960x600 PNG" $? "$s $(cat "$T/err")"
else
    echo "# SKIPPED rsvg-convert: not installed (Debian package: librsvg2-bin)"
fi
"$DYAD" plot --db "$DB" --dyad VEN:GUY -o - > "$T/stdout.svg" 2> "$T/err"
cmp -s "$T/stdout.svg" "$T/month.svg"
check "-o - writes the SVG to standard output" $? "$(cat "$T/err")"

# --- errors ---------------------------------------------------------------------
r=0
why=""
expect() { # CODE PATTERN ARGS...
    c=$1
    p=$2
    shift 2
    "$DYAD" plot "$@" > /dev/null 2> "$T/err"
    got=$?
    if [ "$got" != "$c" ] || ! grep -q -- "$p" "$T/err"; then
        r=1
        why="$why [$*: exit $got: $(head -c 160 "$T/err")]"
    fi
}
expect 2 '-o FILE.svg or FILE.png is required' --db "$DB" --dyad VEN:GUY
expect 2 "cannot tell the format of '$T/x.gif'" --db "$DB" --dyad VEN:GUY -o "$T/x.gif"
expect 2 "--by takes day, week, month or year" --db "$DB" --by decade -o "$T/x.svg"
expect 2 '--dyad takes SOURCE:TARGET' --db "$DB" --dyad VEN -o "$T/x.svg"
expect 2 'none.sqlite: no such database' --db "$T/none.sqlite" --dyad VEN:GUY -o "$T/x.svg"
expect 2 '--db FILE is required' --dyad VEN:GUY -o "$T/x.svg"
expect 2 '--size takes' --db "$DB" --size 10x10 -o "$T/x.svg"
expect 1 "cannot write $T/no/such/dir.svg" --db "$DB" --dyad VEN:GUY -o "$T/no/such/dir.svg"
expect 1 'more than 5000 periods' --db "$DB" --by day --from 2000-01-01 --to 2025-01-01 -o "$T/x.svg"
check "usage errors exit 2, failures 1, each with a message" $r "$why"

echo "plot: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
