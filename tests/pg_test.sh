#!/bin/sh
# tests/pg_test.sh BUILD_DIR -- the event store on a PostgreSQL server:
# `dyad code --db postgresql://...`, `dyad export`, `dyad stats`.
#
#   round trip    code -> store -> export equals `dyad code` output (jsonl,
#                 tsv, csv), with --threads 1 and 2
#   re-coding     a document coded again under its id replaces its events,
#                 in its place, also twice in one batch
#   same as SQLite  phoenix, gdelt, --dedup, filters, stats and dyad plot
#                 equal the SQLite store's output for the same input
#   crash         SIGKILL during a run: every reported batch is stored,
#                 whole, and nothing of a batch not committed
#   errors        a bad connection string, an unreachable server (and a
#                 password kept out of the message), an empty database,
#                 another application's tables: exit 2 and a message
#                 naming the target
#
# The server: DYAD_TEST_PG, a connection URI of a role that may create
# databases (each run makes its own and drops it), e.g. as
# tests/pg_server.sh prints it:
#     eval "$(sh tests/pg_server.sh start /tmp/dyad-pg)"
# Without one the tests are skipped, saying so, except under CI (CI=true or
# DYAD_REQUIRE_PG=1), where a missing server is a failure: .ci/run starts
# one. Needs psql (Debian: postgresql-client) and python3. Ends with "pg: N
# passed, M failed".
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=${1:-build}
case $B in /*) ;; *) B=$ROOT/$B ;; esac
DYAD=$B/dyad
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
finish() {
    echo "pg: $PASS passed, $FAIL failed"
    [ "$FAIL" = 0 ]
    exit $?
}

required=0
if [ "${CI:-}" = true ] || [ "${DYAD_REQUIRE_PG:-}" = 1 ]; then required=1; fi
skip() {
    if [ $required = 1 ]; then
        notok "a PostgreSQL server for the tests" "$1" \
            "CI must run these: .ci/run starts one (tests/pg_server.sh)"
    else
        echo "# SKIPPED PostgreSQL tests: $1"
        echo "# (to run them: eval \"\$(sh tests/pg_server.sh start /tmp/dyad-pg)\"; make test)"
    fi
    finish
}
BASE=${DYAD_TEST_PG:-}
[ -n "$BASE" ] || skip "DYAD_TEST_PG is not set"
command -v psql > /dev/null 2>&1 || skip "no psql (Debian package: postgresql-client)"
psql -X -q -A -t "$BASE" -c "SELECT 1" > /dev/null 2>&1 ||
    skip "no server answers at $BASE"
[ -x "$DYAD" ] || { notok "dyad binary exists" "$DYAD not found"; finish; }

T=$(mktemp -d "${TMPDIR:-/tmp}/dyad-pg.XXXXXX") || exit 2
PREFIX=dyadtest_$$_$(date +%s)
# every database this run made (url runs in a subshell: found by name)
cleanup() {
    for d in $(psql -X -q -A -t "$BASE" -c \
        "SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%'" 2>/dev/null); do
        psql -X -q "$BASE" -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" > /dev/null 2>&1
    done
    rm -rf "$T"
}
trap cleanup EXIT
trap 'cleanup; exit 2' INT TERM

# url NAME: the server's URI with database NAME (created empty)
url() {
    psql -X -q "$BASE" -c "CREATE DATABASE $PREFIX$1" > /dev/null 2>&1 ||
        echo "# cannot create database $PREFIX$1" >&2
    echo "$BASE" | sed -E "s#^(postgres(ql)?://[^/?]*)(/[^?]*)?#\\1/$PREFIX$1#"
}
q() { psql -X -q -A -t "$1" -c "$2" 2>&1; }

. "$ROOT/tests/store_input.sh"
store_input "$T/in.jsonl"

# --- round trip --------------------------------------------------------------
A=$(url a)
"$DYAD" code "$T/in.jsonl" > "$T/direct.jsonl" 2> "$T/err"
"$DYAD" code --format tsv "$T/in.jsonl" > "$T/direct.tsv" 2>> "$T/err"
"$DYAD" code --format csv "$T/in.jsonl" > "$T/direct.csv" 2>> "$T/err"
"$DYAD" code --db "$A" "$T/in.jsonl" > "$T/code.out" 2> "$T/code.err"
rc=$?
r=0
[ "$rc" = 0 ] || r=1
[ -s "$T/code.out" ] && r=1
grep -q "^dyad: $A: batch 1 committed (6 documents, [0-9]* events)$" "$T/code.err" || r=1
check "dyad code --db postgresql://: stores, reports the batch, nothing on stdout" $r \
    "exit $rc: $(head -c 300 "$T/code.err")"
for f in jsonl tsv csv; do
    "$DYAD" export --db "$A" --format $f > "$T/export.$f" 2> "$T/err"
    if [ $? = 0 ] && cmp -s "$T/direct.$f" "$T/export.$f"; then
        ok "round trip (PostgreSQL): export --format $f equals dyad code --format $f"
    else
        notok "round trip (PostgreSQL): export --format $f equals dyad code --format $f" \
            "$(diff "$T/direct.$f" "$T/export.$f" | head -n 4)" "$(head -c 200 "$T/err")"
    fi
done
B2=$(url b)
"$DYAD" code --threads 2 --db "$B2" --db-batch 2 --format jsonl "$T/in.jsonl" > "$T/both.jsonl" 2> "$T/b.err"
"$DYAD" export --db "$B2" > "$T/export2.jsonl"
r=0
cmp -s "$T/direct.jsonl" "$T/export2.jsonl" && cmp -s "$T/direct.jsonl" "$T/both.jsonl" || r=1
[ "$(q "$B2" "SELECT count(*) FROM batches")" = 3 ] || r=1
check "round trip with --threads 2, three batches of 2 (and stdout too)" $r \
    "$(diff "$T/direct.jsonl" "$T/export2.jsonl" | head -n 3) $(cat "$T/b.err")"
u=$(q "$A" "SELECT url || '|' || fields FROM documents WHERE doc_id = 'd1'")
[ "$u" = 'https://news.example/d1|{"lang":"en"}' ]
check "the store keeps url and other input fields" $? "got '$u'"
v=$(q "$A" "SELECT string_agg(key || '=' || value, ' ' ORDER BY key) FROM meta")
[ "$v" = "application=dyad event store schema_version=2" ]
check "schema version 2 in meta" $? "got '$v'"
ids=$(python3 -c '
import json, sys
a = [json.loads(l)["event_id"] for l in open(sys.argv[1])]
print(len(a), len(set(a)))' "$T/direct.jsonl")
dbids=$(q "$A" "SELECT count(*) || ' ' || count(DISTINCT event_id) FROM events")
[ "$ids" = "$dbids" ] && [ "${ids% *}" = "${ids#* }" ]
check "event ids: the store's equal the output's, distinct" $? "output $ids, store $dbids"
n=$(q "$A" "SELECT count(*) FROM events_full WHERE cameo_name IS NOT NULL AND sentence_text <> ''")
[ "$n" = "$(wc -l < "$T/direct.jsonl")" ]
check "events_full: every event with its CAMEO name and sentence" $? "$n rows"

# --- re-coding replaces -----------------------------------------------------------
"$DYAD" code --db "$A" "$T/in.jsonl" 2>/dev/null
"$DYAD" export --db "$A" | cmp -s - "$T/direct.jsonl"
check "re-coding the same input leaves the same events (no duplicates)" $? \
    "$(q "$A" 'SELECT count(*) FROM events')"
rec d2 2025-03-04 paper "$S4" > "$T/d2.jsonl"
"$DYAD" code --db "$A" "$T/d2.jsonl" 2>/dev/null
sed "2s/.*/$(sed 's/[\/&]/\\&/g' "$T/d2.jsonl")/" "$T/in.jsonl" > "$T/in2.jsonl"
"$DYAD" code "$T/in2.jsonl" > "$T/direct2.jsonl"
"$DYAD" export --db "$A" > "$T/export3.jsonl"
cmp -s "$T/direct2.jsonl" "$T/export3.jsonl"
check "a document coded again under its id replaces its events, in its place" $? \
    "$(diff "$T/direct2.jsonl" "$T/export3.jsonl" | head -n 4)"
n=$(q "$A" "SELECT count(*) || ' ' || count(DISTINCT doc_key) FROM documents")
[ "$n" = "6 6" ]
check "re-coding keeps one row per document id" $? "$n documents"
# the same id twice in one batch: the last coding, in the first's place,
# as the SQLite store does
cat "$T/in.jsonl" "$T/d2.jsonl" > "$T/twice.jsonl"
C=$(url c)
"$DYAD" code --db "$C" "$T/twice.jsonl" 2>/dev/null
"$DYAD" code --db "$T/twice.sqlite" "$T/twice.jsonl" 2>/dev/null
"$DYAD" export --db "$C" > "$T/twice.pg"
"$DYAD" export --db "$T/twice.sqlite" > "$T/twice.sq"
cmp -s "$T/twice.pg" "$T/twice.sq" && cmp -s "$T/twice.pg" "$T/direct2.jsonl"
check "one id twice in a batch: the last coding, in the first's place (as SQLite)" $? \
    "$(diff "$T/twice.pg" "$T/twice.sq" | head -n 4)"

# --- the same answers as the SQLite store ----------------------------------------------
"$DYAD" code --db "$T/a.sqlite" "$T/in.jsonl" 2>/dev/null
D=$(url d)
"$DYAD" code --db "$D" "$T/in.jsonl" 2>/dev/null
bad=""
same() { # NAME ARGS...: the command's output on both stores
    name=$1
    shift
    "$DYAD" "$@" --db "$D" > "$T/pg.out" 2> "$T/pg.err" || bad="$bad $name(exit)"
    "$DYAD" "$@" --db "$T/a.sqlite" > "$T/sq.out" 2>&1
    # gdelt's DATEADDED is when each store was written
    if [ "$name" = gdelt ]; then
        cut -f 1-59,61 "$T/pg.out" > "$T/pg.cut" && mv "$T/pg.cut" "$T/pg.out"
        cut -f 1-59,61 "$T/sq.out" > "$T/sq.cut" && mv "$T/sq.cut" "$T/sq.out"
    fi
    cmp -s "$T/pg.out" "$T/sq.out" && [ -s "$T/pg.out" ] || bad="$bad $name"
}
same phoenix export --format phoenix
same gdelt export --format gdelt --dedup
same dedup-tsv export --format tsv --dedup
same from-to export --from 2025-03-05 --to 20250331
same actor export --actor KEN --format csv
same dyad export --dyad RUS:UKR --dedup
same code export --code 19 --format table
same stats-month stats --by month --format json
same stats-week stats --by week --dyad RUS:UKR --dedup
same stats-actor stats --by day --actor FRA --top 3
[ -z "$bad" ]
check "phoenix, gdelt, --dedup, filters and stats equal the SQLite store's" $? "differ:$bad"
# the chart, but for the note naming the database
"$DYAD" plot --db "$D" --actor RUS --by week -o "$T/pg.svg" 2> "$T/err"
"$DYAD" plot --db "$T/a.sqlite" --actor RUS --by week -o "$T/sq.svg" 2>> "$T/err"
grep -v 'class="note"' "$T/pg.svg" > "$T/pg.cut"
grep -v 'class="note"' "$T/sq.svg" > "$T/sq.cut"
cmp -s "$T/pg.cut" "$T/sq.cut" && grep -q 'class="period"' "$T/pg.cut" &&
    grep -q '(postgres)' "$T/pg.svg" && ! grep -q "$PREFIX" "$T/pg.svg"
check "dyad plot from PostgreSQL draws the SQLite store's chart (its note names no URI)" $? \
    "$(cat "$T/err") $(diff "$T/pg.cut" "$T/sq.cut" | head -n 4)"

# --- crash: SIGKILL during a run -------------------------------------------------------
GEN=$B/bench/gencorpus
if [ ! -x "$GEN" ]; then
    mkdir -p "$B/bench"
    ${CC:-cc} -std=c11 -O2 "$ROOT/bench/gencorpus.c" -o "$GEN" 2>/dev/null
fi
if [ -x "$GEN" ]; then
    "$GEN" 100000 > "$T/big.jsonl"
    bad=""
    kills=0
    i=0
    while [ $i -lt 3 ]; do
        i=$((i + 1))
        K=$(url "k$i")
        "$DYAD" code --threads $((1 + i % 2)) --db "$K" --db-batch 20 "$T/big.jsonl" 2> "$T/crash.err" &
        pid=$!
        sleep "0.$((1 + 2 * i))"
        kill -KILL $pid 2>/dev/null && kills=$((kills + 1))
        wait $pid 2>/dev/null
        reported=$(sed -n 's/^dyad: .*: batch \([0-9]*\) committed .*/\1/p' "$T/crash.err" | tr '\n' ' ')
        stored=$(q "$K" "SELECT batch FROM batches ORDER BY batch" | tr '\n' ' ')
        nrep=$(echo "$reported" | wc -w)
        if [ "$stored" != "$reported" ] && [ "$stored" != "$reported$((nrep + 1)) " ]; then
            bad="$bad run $i: reported [$reported] stored [$stored];"
            continue
        fi
        whole=$(q "$K" "SELECT (SELECT count(*) FROM batches b WHERE b.documents <>
                  (SELECT count(*) FROM documents d WHERE d.batch = b.batch)
                OR b.events <> (SELECT count(*) FROM events e JOIN documents d
                  ON d.doc_key = e.doc_key WHERE d.batch = b.batch))
              + (SELECT count(*) FROM documents d WHERE d.nevents <>
                  (SELECT count(*) FROM events e WHERE e.doc_key = d.doc_key))")
        [ "$whole" = 0 ] || bad="$bad run $i: $whole inconsistencies;"
    done
    check "crash: $kills SIGKILLs; each store holds exactly the reported batches, whole" \
        "$([ -z "$bad" ] && [ "$kills" -ge 2 ] && echo 0 || echo 1)" "$bad (kills: $kills)"
    # finished by running it again
    "$DYAD" code --db "$K" --db-batch 500 "$T/big.jsonl" 2>/dev/null
    "$DYAD" export --db "$K" | cmp -s - "$T/bigdirect.jsonl" 2>/dev/null ||
        { "$DYAD" code "$T/big.jsonl" > "$T/bigdirect.jsonl"; "$DYAD" export --db "$K" | cmp -s - "$T/bigdirect.jsonl"; }
    check "crash: running the input again completes the killed store" $? "differs"
else
    notok "crash test" "cannot build $GEN"
fi

# --- errors ------------------------------------------------------------------------------
r=0
why=""
expect() { # CODE PATTERN: the last command's exit status and message
    if [ "$1" != "$rc" ] || ! grep -q -- "$2" "$T/err"; then
        r=1
        why="$why [$2: exit $rc: $(head -c 200 "$T/err")]"
    fi
}
"$DYAD" export --db "postgresql://localhost:notaport/x" > /dev/null 2> "$T/err"; rc=$?
expect 2 'postgresql://localhost:notaport/x: cannot connect: .*port'
"$DYAD" stats --db "postgresql://dyad:s3cret@127.0.0.1:1/x" > /dev/null 2> "$T/err"; rc=$?
expect 2 'postgresql://dyad:\*\*\*@127.0.0.1:1/x: cannot connect: .*127.0.0.1'
grep -q s3cret "$T/err" && { r=1; why="$why [password shown]"; }
"$DYAD" code --db "postgres://127.0.0.1:1/x?password=s3cret" "$T/in.jsonl" > /dev/null 2> "$T/err"; rc=$?
expect 2 'password=\*\*\*: cannot connect'
grep -q s3cret "$T/err" && { r=1; why="$why [password shown]"; }
E=$(url e)
"$DYAD" export --db "$E" > /dev/null 2> "$T/err"; rc=$?
expect 2 "$E: no dyad event store here"
[ "$(q "$E" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" = 0 ] ||
    { r=1; why="$why [export created tables]"; }
q "$E" "CREATE TABLE events (x int)" > /dev/null
"$DYAD" code --db "$E" "$T/in.jsonl" > /dev/null 2> "$T/err"; rc=$?
expect 2 "$E: a database of another application"
check "bad connection strings, unreachable servers, empty and foreign databases: exit 2, the target named, no password" \
    $r "$why"

finish
