#!/bin/sh
# fuzz/run.sh FUZZ_BUILD SECONDS [ci] -- runs every libFuzzer harness of
# FUZZ_BUILD/fuzz/ (built by `make fuzz-build`) for SECONDS each, one after
# the other, from the seeds in fuzz/seeds/NAME/ and the harness's corpus in
# FUZZ_BUILD/corpus/NAME/ (kept between runs, not committed). With "ci",
# each harness first replays the committed regression inputs
# (fuzz/regress/NAME/) and its seeds once. A crash, a leak, a sanitizer
# report or an input taking over 10 s is a finding: its input is left in
# FUZZ_BUILD/artifacts/ and the log in FUZZ_BUILD/logs/NAME.log. Prints one
# line per harness and "fuzz: N clean, M with findings"; exits non-zero on
# any finding.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
FB=${1:-build-fuzz}
SECS=${2:-60}
MODE=${3:-}
mkdir -p "$FB/corpus" "$FB/artifacts" "$FB/logs" || exit 2
CLEAN=0
FOUND=0
# leaks are findings; a harness's own abort() is reported as a crash
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}print_stacktrace=1"
for bin in "$FB"/fuzz/*; do
    [ -x "$bin" ] || continue
    name=${bin##*/}
    log=$FB/logs/$name.log
    corpus=$FB/corpus/$name
    mkdir -p "$corpus"
    : > "$log"
    rc=0
    if [ "$MODE" = ci ]; then
        # the committed inputs, each run once
        set --
        for d in fuzz/regress/$name fuzz/seeds/$name; do
            [ -d "$d" ] || continue
            for f in "$d"/*; do [ -f "$f" ] && set -- "$@" "$f"; done
        done
        if [ $# -gt 0 ]; then
            "$bin" -timeout=10 -rss_limit_mb=2048 "$@" >> "$log" 2>&1 || rc=$?
        fi
    fi
    if [ "$rc" = 0 ]; then
        set -- "$corpus"
        [ -d "fuzz/seeds/$name" ] && set -- "$@" "fuzz/seeds/$name"
        [ -d "fuzz/regress/$name" ] && set -- "$@" "fuzz/regress/$name"
        "$bin" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 \
            -max_len=16384 -print_final_stats=1 \
            -artifact_prefix="$FB/artifacts/$name-" "$@" >> "$log" 2>&1 || rc=$?
    fi
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
    if [ "$rc" = 0 ]; then
        CLEAN=$((CLEAN + 1))
        echo "ok - $name: ${execs:-0} runs in $SECS s, ${cov:-cov: ?}, $(ls "$corpus" | wc -l) corpus inputs"
    else
        FOUND=$((FOUND + 1))
        echo "not ok - $name: exit status $rc (log $log)"
        grep -E 'ERROR|SUMMARY|fuzz: |runtime error|Test unit written' "$log" | head -n 8 | sed 's/^/#   /'
    fi
done
echo "fuzz: $CLEAN clean, $FOUND with findings"
[ "$FOUND" = 0 ]
