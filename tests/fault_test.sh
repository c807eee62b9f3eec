#!/bin/sh
# tests/fault_test.sh BUILD_DIR -- faults of issue 14, from the outside:
# hostile text that made pattern matching cost seconds per KB, thread
# creation failing under a low `ulimit -u`, allocation failures under a low
# `ulimit -v`, oversized records and dictionary files, and broken XML and
# JSON input. Each case checks the documented status and message: never a
# crash, a hang or a silent loss. Cases that need a limit this shell cannot
# set (ulimit -u as root with CAP_SYS_RESOURCE, say) are skipped and say so.
# Prints "ok - NAME", "not ok - NAME" or "skip - NAME" per case and ends with
# "fault: N passed, M failed"; exits non-zero if any case failed.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=${1:-build}
case $B in /*) ;; *) B=$ROOT/$B ;; esac
DYAD=${DYAD:-$B/dyad}
T=$(mktemp -d "${TMPDIR:-/tmp}/dyad-fault.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

PASS=0
FAIL=0
TO=
command -v timeout >/dev/null 2>&1 && TO="timeout 120"
# under AddressSanitizer the limits of virtual memory mean nothing (its
# shadow memory reserves terabytes) and everything is slower
ASAN=0
if ldd "$DYAD" 2>/dev/null | grep -q libasan; then ASAN=1; fi

ok() { PASS=$((PASS + 1)); echo "ok - $1"; }
skip() { echo "skip - $1 ($2)"; }
notok() {
    FAIL=$((FAIL + 1))
    echo "not ok - $1"
    shift
    for why in "$@"; do echo "#   $why"; done
    if [ -s "$T/err" ]; then
        echo "#   stderr:"
        head -n 5 "$T/err" | sed 's/^/#     /'
    fi
}

# limited LIMITS ARGS...: runs dyad in a subshell after `ulimit LIMITS`
# (e.g. "-t 10"), stdout in $T/out, stderr in $T/err, status in RC.
limited() {
    lim=$1
    shift
    # shellcheck disable=SC2086
    (ulimit $lim && exec $TO "$DYAD" "$@") > "$T/out" 2> "$T/err"
    RC=$?
}
dy() {
    $TO "$DYAD" "$@" > "$T/out" 2> "$T/err"
    RC=$?
}

# --- 1. pattern matching is linear, not a power of the sentence ------------
# 94 KB of one sentence repeated without a full stop: "staged" has patterns
# "- * &PROTEST &DEMANDING &OUSTER" whose elements each occur hundreds of
# times in the 4 KB sentences. Unmemoised backtracking took 16 s; the CPU
# limit is 20 times what it takes now.
printf '{"id":"glued","date":"2016-01-01","text":"' > "$T/glued.jsonl"
i=0
while [ $i -lt 1600 ]; do
    printf 'Protesters in Kiev staged a protest demanding the protest '
    i=$((i + 1))
done >> "$T/glued.jsonl"
printf '"}\n' >> "$T/glued.jsonl"
CPU=4
[ "$ASAN" = 1 ] && CPU=40
limited "-t $CPU" code --threads 1 "$T/glued.jsonl"
if [ "$RC" = 0 ] && [ -s "$T/out" ]; then
    ok "glued sentences code within $CPU s of CPU"
else
    notok "glued sentences code within $CPU s of CPU" "exit status $RC"
fi

echo "fault: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
