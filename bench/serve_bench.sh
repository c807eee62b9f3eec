#!/bin/sh
# bench/serve_bench.sh BUILD_DIR -- load test of dyad serve (make bench).
#
# Codes the first 2,000 lines (about 800 articles) of the synthetic corpus (bench/gencorpus.c) into a
# store, starts `dyad serve` on a free port of 127.0.0.1, and runs wrk
# (Debian's package) against it, localhost only, each run 2 threads, 16
# connections, WRK_SECONDS seconds (10): GET /api/events (a page of 50,
# newest first), GET /api/events for a dyad, GET /api/stats for a dyad,
# and POST /api/code (a 7-sentence article, coded, not stored). Reports
# requests/s and the latency percentiles wrk measures (50, 75, 90, 99 %),
# and the server's resident memory after each run: "memory flat" when the
# repeated runs (/api/events, then POST /api/code, twice each, hundreds of
# thousands of requests apart) end within 8 MB of each other. Skips,
# saying so, without wrk.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
B=${1:-build}
case $B in /*) ;; *) B=$ROOT/$B ;; esac
DYAD=$B/dyad
SECS=${WRK_SECONDS:-10}
CC=${CC:-cc}

echo
echo "== dyad serve (wrk, 127.0.0.1, 2 threads, 16 connections, ${SECS} s a run)"
if ! command -v wrk >/dev/null 2>&1; then
    echo "bench: wrk not installed (apt-get install wrk): serve load test skipped"
    exit 0
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dyad-serve-bench.XXXXXX") || exit 2
PID=""
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT INT TERM

GEN=$B/bench/gencorpus
if [ ! -x "$GEN" ]; then
    mkdir -p "$B/bench"
    $CC -std=c11 -O2 -Wall -Wextra -Werror bench/gencorpus.c -o "$GEN" || exit 2
fi
"$GEN" 20000 | head -n 2000 > "$WORK/news.jsonl"
"$DYAD" code --db "$WORK/events.sqlite" "$WORK/news.jsonl" 2> /dev/null || exit 2
NEV=$("$DYAD" stats --db "$WORK/events.sqlite" --top 1 | awk '$1 == "all" && $2 == "all" { print $4 }')
DYADPAIR=$("$DYAD" stats --db "$WORK/events.sqlite" --top 1 | awk '$2 == "dyad" { print $3 }')
echo "store: $(wc -l < "$WORK/news.jsonl") articles, $NEV events; busiest dyad $DYADPAIR"

"$DYAD" serve --db "$WORK/events.sqlite" --listen 127.0.0.1:0 --threads 4 \
    --port-file "$WORK/port" 2> "$WORK/serve.log" &
PID=$!
i=0
while [ ! -s "$WORK/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ -s "$WORK/port" ] || { cat "$WORK/serve.log"; exit 2; }
URL=http://127.0.0.1:$(cat "$WORK/port")

rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$PID/status"; }

cat > "$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain"
wrk.body = "Brazil's foreign minister arrived in Georgetown for talks with the Guyanese government. " ..
  "Venezuela's defence ministry accused Guyanese troops of crossing the border. " ..
  "The United States imposed sanctions on Venezuelan military commanders. " ..
  "Police in Georgetown arrested a Venezuelan man. " ..
  "The Guyanese government asked the United Nations Security Council to hold an emergency meeting. " ..
  "The UN secretary-general appealed to both governments to exercise restraint. " ..
  "Iran's foreign minister met his Turkish counterpart in Ankara."
LUA

printf '%-34s %9s %8s %8s %8s %8s %7s %9s\n' endpoint req/s p50_ms p75_ms p90_ms p99_ms errors rss_MB
# run LABEL [wrk args...] URL
run() {
    label=$1
    shift
    wrk -t2 -c16 -d"${SECS}s" --timeout 5s --latency "$@" > "$WORK/wrk.out" 2>&1
    awk -v label="$label" -v rss="$(rss_kb)" '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0;
                         if (v ~ /s$/) return v * 1000; return v }
        /^ +50%/ { p50 = ms($2) } /^ +75%/ { p75 = ms($2) } /^ +90%/ { p90 = ms($2) }
        /^ +99%/ { p99 = ms($2) } /^Requests\/sec:/ { rps = $2 }
        /Non-2xx/ { err += $NF } /Socket errors/ { err += 1 }
        END { printf "%-34s %9.0f %8.2f %8.2f %8.2f %8.2f %7d %9.1f\n",
                     label, rps, p50, p75, p90, p99, err, rss / 1024 }' "$WORK/wrk.out"
}
echo "rss at start: $(($(rss_kb) / 1024)) MB"
run "GET /api/events?limit=50" "$URL/api/events?limit=50"
E1=$(rss_kb)
run "GET /api/events?dyad=...&limit=50" "$URL/api/events?limit=50&dyad=$DYADPAIR"
run "GET /api/stats?dyad=..." "$URL/api/stats?dyad=$DYADPAIR"
run "POST /api/code (7 sentences)" -s "$WORK/post.lua" "$URL/api/code"
C1=$(rss_kb)
run "POST /api/code (again)" -s "$WORK/post.lua" "$URL/api/code"
C2=$(rss_kb)
run "GET /api/events?limit=50 (again)" "$URL/api/events?limit=50"
E2=$(rss_kb)
# a run repeated ends where the first ended: nothing grows per request
if awk -v a="$E1" -v b="$E2" -v c="$C1" -v d="$C2" 'BEGIN { x = b - a; y = d - c;
        exit !(x <= 8192 && x >= -8192 && y <= 8192 && y >= -8192) }'; then
    verdict="memory flat"
else
    verdict="memory grew"
fi
echo "$verdict: /api/events runs end at $((E1 / 1024)) and $((E2 / 1024)) MB, POST /api/code runs at $((C1 / 1024)) and $((C2 / 1024)) MB"
python3 -c "import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())" "$URL/metrics" 2>/dev/null | grep -E '^dyad_(busy_total|documents_coded_total|resident)' || true
kill "$PID" && wait "$PID" 2>/dev/null
PID=""
