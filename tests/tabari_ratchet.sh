#!/bin/sh
# tests/tabari_ratchet.sh BUILD_DIR -- the TABARI conformance ratchet:
# `dyad validate` on TABARI's validation suite (../shared/conformance/tabari,
# GPL-3 test data read in place, never copied) must pass at least the number
# committed in tests/tabari_min.txt. Exit 0 pass, 1 fail, 77 skipped (the
# suite is not beside the checkout). run_all.sh counts it as one test.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
B=${1:-build}
PROJ=../shared/conformance/tabari/Validate.project
if [ ! -f "$PROJ" ]; then
    echo "== tabari conformance: $PROJ not present, skipped"
    exit 77
fi
echo "== tabari conformance"
min=$(tr -dc '0-9' < tests/tabari_min.txt 2>/dev/null)
min=${min:-0}
last=$("$B/dyad" validate "$PROJ" 2>&1 | tail -n 1)
case $last in
*[0-9]" passed, "*[0-9]" failed")
    n=${last%% passed*}
    echo "tabari: $last"
    if [ "$n" -ge "$min" ]; then
        echo "ok - tabari conformance ratchet ($n >= minimum $min)"
        exit 0
    fi
    echo "not ok - tabari conformance ratchet ($n < minimum $min in tests/tabari_min.txt)"
    exit 1
    ;;
esac
echo "not ok - tabari conformance ratchet (last line: $last)"
exit 1
