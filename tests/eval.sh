#!/bin/sh
# tests/eval.sh BUILD_DIR -- scores dyad's bundled dictionaries against the
# hand-coded development set (tests/dev/devset.jsonl); `make eval` runs it.
#
# This is a measurement, not a pass/fail test: it prints precision, recall
# and F1 per CAMEO root and overall, at L1 (root code and actor countries)
# and L2 (full code and actor codes), ending with "L1 F1 0.xxx, L2 F1 0.xxx".
# Extra arguments go to `dyad eval`, e.g. `sh tests/eval.sh build --errors`
# to list every false positive and false negative. See docs/devset.md.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=${1:-build}
case $B in /*) ;; *) B=$ROOT/$B ;; esac
[ $# -gt 0 ] && shift

if [ ! -x "$B/dyad" ]; then
    echo "eval: $B/dyad not found; run make first" >&2
    exit 2
fi
exec "$B/dyad" eval "$ROOT/tests/dev/devset.jsonl" "$@"
