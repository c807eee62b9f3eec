#!/bin/sh
# bench/run.sh BUILD_DIR -- throughput benchmark of `dyad code`.
#
# Builds bench/gencorpus.c into BUILD_DIR/bench/, generates a 200000-sentence
# synthetic corpus once (BUILD_DIR/bench/corpus.jsonl, byte-identical on every
# machine), then times BUILD_DIR/dyad on it with the bundled dictionaries and,
# when present, the Phoenix set in ../shared/dictionaries/phoenix. Each figure
# is the median of 3 runs; `wc -w` over the same file is timed in the same
# run so that results from different machines can be compared as a ratio.
# A 2-thread run gives the speedup and checks that its output is byte-identical
# to the 1-thread output. A last section times the event store (insertion
# and a dyad's monthly series, bench/store_bench.c). Peak RSS comes from
# GNU time (package `time`); if
# /usr/bin/time is missing, bash's `time` is used and RSS is reported unknown.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
B=${1:-build}
case $B in /*) ;; *) B=$ROOT/$B ;; esac
DYAD=$B/dyad
GEN=$B/bench/gencorpus
CORPUS=$B/bench/corpus.jsonl
NSENT=200000
RUNS=3
PHOENIX=../shared/dictionaries/phoenix
# TABARI's CAMEO master verbs with dyad's own actors (the TABARI model)
TABARI_VERBS=../shared/conformance/tabari/CAMEO.091003.master.verbs
CC=${CC:-cc}

mkdir -p "$B/bench" || exit 2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dyad-bench.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT INT TERM

# --- generator and corpus -------------------------------------------------
if [ ! -x "$GEN" ] || [ -n "$(find bench/gencorpus.c -newer "$GEN")" ]; then
    echo "bench: building $GEN"
    $CC -std=c11 -O2 -Wall -Wextra -Werror bench/gencorpus.c -o "$GEN" || exit 2
fi
if [ ! -s "$CORPUS" ]; then
    echo "bench: generating $CORPUS ($NSENT sentences)"
    "$GEN" "$NSENT" > "$CORPUS.tmp" && mv "$CORPUS.tmp" "$CORPUS" || exit 2
fi
if [ ! -x "$DYAD" ]; then
    echo "bench: $DYAD not found; run make first" >&2
    exit 2
fi

if [ -x /usr/bin/time ]; then
    HAVE_GNU_TIME=1
else
    HAVE_GNU_TIME=0
    echo "bench: /usr/bin/time not found (install package 'time'); using bash time, peak RSS unknown"
    command -v bash >/dev/null 2>&1 || { echo "bench: neither GNU time nor bash available" >&2; exit 2; }
fi

# Nanosecond clock when date(1) has %N (GNU); GNU time's elapsed figure
# has only 10 ms resolution, too coarse for `wc -w`.
case $(date +%N) in *N*|'') NS=0 ;; *) NS=1 ;; esac

# timed OUTFILE CMD...: runs CMD once with stdout to OUTFILE, stderr to
# $WORK/err; prints "WALL_SECONDS RSS_KB" (RSS "-" when unknown) and leaves
# the exit status in $WORK/rc.
timed() {
    out=$1
    shift
    if [ "$HAVE_GNU_TIME" = 1 ]; then
        [ "$NS" = 1 ] && t0=$(date +%s%N)
        /usr/bin/time -v -o "$WORK/time" "$@" > "$out" 2> "$WORK/err"
        echo $? > "$WORK/rc"
        ns=-1
        [ "$NS" = 1 ] && { t1=$(date +%s%N); ns=$((t1 - t0)); }
        awk -v ns="$ns" '/Elapsed \(wall clock\)/ { t = $NF; n = split(t, p, ":"); s = 0;
                                         for (i = 1; i <= n; i++) s = s * 60 + p[i]; wall = s }
             /Maximum resident set size/ { rss = $NF }
             END { if (ns >= 0) wall = ns / 1e9;
                   printf "%.3f %s\n", wall, (rss == "" ? "-" : rss) }' "$WORK/time"
    else
        OUT=$out ERRF=$WORK/err TF=$WORK/time bash -c \
            'TIMEFORMAT=%3R; { time "$@" > "$OUT" 2> "$ERRF"; } 2> "$TF"; echo $? > "${TF%/*}/rc"' sh "$@"
        printf '%s -\n' "$(tail -n 1 "$WORK/time")"
    fi
}

# median3 "a b c" on stdin lines "WALL RSS": prints "MEDIAN_WALL MAX_RSS".
median() {
    sort -n | awk '{ w[NR] = $1; if ($2 != "-" && $2 + 0 > r) r = $2 + 0; if ($2 == "-") unk = 1 }
                   END { printf "%s %s\n", w[int((NR + 1) / 2)], (unk ? "-" : r) }'
}

# Times `wc -w` over the corpus (median of RUNS).
i=0
: > "$WORK/wc.times"
while [ $i -lt $RUNS ]; do
    timed "$WORK/wc.out" wc -w "$CORPUS" >> "$WORK/wc.times"
    i=$((i + 1))
done
WC_T=$(median < "$WORK/wc.times" | cut -d' ' -f1)
WORDS=$(awk '{ print $1 }' "$WORK/wc.out")
BYTES=$(wc -c < "$CORPUS" | tr -d ' ')

echo "bench: corpus $CORPUS: $BYTES bytes, $WORDS words; wc -w takes ${WC_T} s"
echo

FAILED=0
ROWS=$WORK/rows
: > "$ROWS"

# bench_set NAME DICTARGS...: all measurements for one dictionary set.
bench_set() {
    name=$1
    shift
    # Dictionary load: a run on empty input is start-up plus loading.
    : > "$WORK/empty.jsonl"
    : > "$WORK/load.times"
    i=0
    while [ $i -lt $RUNS ]; do
        timed /dev/null "$DYAD" code "$@" --stats "$WORK/empty.jsonl" >> "$WORK/load.times"
        i=$((i + 1))
    done
    if [ "$(cat "$WORK/rc")" -ge 2 ]; then
        echo "bench: [$name] dyad failed on empty input:" >&2
        sed 's/^/    /' "$WORK/err" >&2
        FAILED=1
        return
    fi
    LOAD_T=$(median < "$WORK/load.times" | cut -d' ' -f1)

    for thr in 1 2; do
        : > "$WORK/t$thr.times"
        i=0
        while [ $i -lt $RUNS ]; do
            timed /dev/null "$DYAD" code "$@" --threads $thr --stats "$CORPUS" >> "$WORK/t$thr.times"
            rc=$(cat "$WORK/rc")
            if [ "$rc" -ge 2 ]; then
                echo "bench: [$name] dyad exited $rc with --threads $thr:" >&2
                sed 's/^/    /' "$WORK/err" | head -n 20 >&2
                FAILED=1
                return
            fi
            [ "$rc" = 1 ] && echo "bench: [$name] note: some records rejected (exit 1)" >&2
            i=$((i + 1))
        done
        # "dyad: N documents, S sentences, E events, X.XX s"
        STATS=$(grep '^dyad: .* documents, .* sentences, .* events' "$WORK/err" | tail -n 1)
        if [ -z "$STATS" ]; then
            echo "bench: [$name] no --stats line on stderr" >&2
            FAILED=1
            return
        fi
        # shellcheck disable=SC2034 # S and E are read through eval below
        S=$(echo "$STATS" | sed 's/.*documents, *\([0-9]*\) sentences.*/\1/')
        # shellcheck disable=SC2034
        E=$(echo "$STATS" | sed 's/.*sentences, *\([0-9]*\) events.*/\1/')
        # shellcheck disable=SC2034
        M=$(median < "$WORK/t$thr.times")
        eval "T$thr=\${M%% *}"
        eval "R$thr=\${M#* }"
        eval "S$thr=\$S"
        eval "E$thr=\$E"
    done

    # Untimed runs whose output is compared byte for byte.
    "$DYAD" code "$@" --threads 1 "$CORPUS" > "$WORK/out1" 2>/dev/null
    "$DYAD" code "$@" --threads 2 "$CORPUS" > "$WORK/out2" 2>/dev/null
    if cmp -s "$WORK/out1" "$WORK/out2"; then SAME=yes; else SAME=NO; FAILED=1; fi
    LINES=$(wc -l < "$WORK/out1" | tr -d ' ')

    awk -v name="$name" -v bytes="$BYTES" -v wct="$WC_T" -v load="$LOAD_T" \
        -v t1="$T1" -v t2="$T2" -v r1="$R1" -v r2="$R2" -v s1="$S1" -v e1="$E1" \
        -v same="$SAME" -v lines="$LINES" 'BEGIN {
        rss1 = (r1 == "-") ? "unknown" : sprintf("%.1f", r1 / 1024);
        rss2 = (r2 == "-") ? "unknown" : sprintf("%.1f", r2 / 1024);
        printf "%-8s %3d %8.2f %12.0f %7.2f %10.0f %8.3f %9s %7.1f %8s %5s\n", name, 1, t1,
               s1 / t1, bytes / 1e6 / t1, e1 / t1, load, rss1, (wct > 0 ? t1 / wct : 0), "1.00", "-";
        printf "%-8s %3d %8.2f %12.0f %7.2f %10.0f %8.3f %9s %7.1f %8.2f %5s\n", name, 2, t2,
               s1 / t2 / 2, bytes / 1e6 / t2, e1 / t2, load, rss2, (wct > 0 ? t2 / wct : 0),
               (t2 > 0 ? t1 / t2 : 0), same;
        printf "%s: %d sentences, %d events (%d output lines)\n", name, s1, e1, lines > "/dev/stderr";
    }' >> "$ROWS" 2>> "$WORK/notes"
}

bench_set bundled
if [ -d "$PHOENIX" ]; then
    bench_set phoenix --dict "$PHOENIX"
else
    echo "bench: $PHOENIX not present; Phoenix dictionaries skipped"
fi
if [ -f "$TABARI_VERBS" ]; then
    bench_set tabari --verbs "$TABARI_VERBS" --dict data/dict
else
    echo "bench: $TABARI_VERBS not present; TABARI verbs skipped"
fi

# Hostile text (issue 14): a 94 KB document of one sentence glued to itself
# with no full stop, against 94 KB of the corpus. Pattern matching used to
# backtrack over every later word for every element of a pattern, so such
# sentences cost hundreds of times more per KB than news; ms/KB is the
# median coding time less the time on empty input, per KB of input.
GLUED=$WORK/glued.jsonl
ORDINARY=$WORK/ordinary.jsonl
printf '{"id":"glued","date":"2016-01-01","text":"' > "$GLUED"
i=0
while [ $i -lt 1600 ]; do
    printf 'Protesters in Kiev staged a protest demanding the protest '
    i=$((i + 1))
done >> "$GLUED"
printf '"}\n' >> "$GLUED"
head -c "$(wc -c < "$GLUED")" "$CORPUS" | sed '$d' > "$ORDINARY"
: > "$WORK/empty.jsonl"
per_kb() {
    : > "$WORK/kb.times"
    i=0
    while [ $i -lt $RUNS ]; do
        timed /dev/null "$DYAD" code --threads 1 "$1" >> "$WORK/kb.times"
        i=$((i + 1))
    done
    median < "$WORK/kb.times" | cut -d' ' -f1
}
T_EMPTY=$(per_kb "$WORK/empty.jsonl")
T_ORD=$(per_kb "$ORDINARY")
T_GLUED=$(per_kb "$GLUED")
HOSTILE=$(awk -v e="$T_EMPTY" -v o="$T_ORD" -v g="$T_GLUED" \
    -v ob="$(wc -c < "$ORDINARY")" -v gb="$(wc -c < "$GLUED")" 'BEGIN {
    mo = (o - e) * 1e3 / (ob / 1024); mg = (g - e) * 1e3 / (gb / 1024);
    if (mo < 0.001) mo = 0.001; if (mg < 0) mg = 0;
    printf "hostile text (bundled, 1 thread): ordinary %.3f ms/KB, glued sentences %.3f ms/KB (%.1fx)",
           mo, mg, mg / mo }')

printf '%-8s %3s %8s %12s %7s %10s %8s %9s %7s %8s %5s\n' \
    dict thr wall_s sent/s/core MB/s events/s load_s rss_MB x_wc speedup same
cat "$ROWS"
[ -s "$WORK/notes" ] && sed 's/^/  /' "$WORK/notes"
echo
echo "$HOSTILE"
echo
echo "wall_s: median of $RUNS runs of 'dyad code --threads N --stats corpus > /dev/null';"
echo "sent/s/core: sentences (from --stats) / wall / threads; load_s: wall time on empty input;"
echo "rss_MB: peak resident set (GNU time); x_wc: wall / wall of 'wc -w' on the same file;"
echo "same: 2-thread output byte-identical to 1-thread output (cmp)."

# --- the event store --------------------------------------------------------
# BUILD_DIR/bench/store_bench (make bench builds it): 1,000,000 events into
# SQLite through src/store/, then a dyad's monthly series over them.
echo
echo "== event store (SQLite)"
if [ -x "$B/bench/store_bench" ]; then
    "$B/bench/store_bench" "$WORK" || FAILED=1
    rm -f "$WORK/bench.sqlite" "$WORK/bench.sqlite-wal" "$WORK/bench.sqlite-shm"
else
    echo "bench: $B/bench/store_bench not built (make bench builds it)"
fi

# The same into PostgreSQL, when a server is given (DYAD_BENCH_PG, else
# DYAD_TEST_PG: a URI of a role that may create databases; see
# tests/pg_server.sh): a new database, dropped afterwards. Without one, a
# throwaway server is started from Debian's postgresql binaries when they
# are installed (tests/pg_server.sh), so the load rate is always reported
# where it can be.
echo
echo "== event store (PostgreSQL)"
PGB=${DYAD_BENCH_PG:-${DYAD_TEST_PG:-}}
PGDIR=""
if [ -z "$PGB" ] && [ -x "$B/bench/store_bench" ]; then
    # (its own folder: the server runs as postgres, which cannot enter
    # $WORK)
    PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/dyad-bench-pg.XXXXXX") || PGDIR=""
    if [ -n "$PGDIR" ] && env=$(sh tests/pg_server.sh start "$PGDIR" 2>/dev/null); then
        eval "$env"
        PGB=$DYAD_TEST_PG
        echo "bench: a throwaway local server for this run (fsync off, as tests/pg_server.sh starts it)"
    else
        [ -n "$PGDIR" ] && rm -rf "$PGDIR"
        PGDIR=""
    fi
fi
if [ -z "$PGB" ]; then
    echo "bench: skipped, no server (set DYAD_BENCH_PG=postgresql://USER@HOST:PORT/DB)"
elif ! command -v psql >/dev/null 2>&1 || ! psql -X -q "$PGB" -c "SELECT 1" >/dev/null 2>&1; then
    echo "bench: skipped, no server answers at $PGB (or no psql)"
elif [ -x "$B/bench/store_bench" ]; then
    db=dyad_bench_$$
    psql -X -q "$PGB" -c "CREATE DATABASE $db" >/dev/null
    url=$(echo "$PGB" | sed -E "s#^(postgres(ql)?://[^/?]*)(/[^?]*)?#\\1/$db#")
    "$B/bench/store_bench" "$WORK" 1000000 "$url" | sed 's/^store:/store (PostgreSQL):/' || FAILED=1
    psql -X -q "$PGB" -c "DROP DATABASE $db WITH (FORCE)" >/dev/null
fi
[ -n "$PGDIR" ] && sh tests/pg_server.sh stop "$PGDIR" >/dev/null 2>&1
exit $FAILED
