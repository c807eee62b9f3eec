#!/bin/sh
# tests/pg_test.sh BUILD_DIR -- the event store on a PostgreSQL server:
# `dyad code --db postgresql://...`, `dyad export`, `dyad stats`.
#
#   round trip    code -> store -> export equals `dyad code` output (jsonl,
#                 tsv, csv), with --threads 1 and 2: the whole output, event
#                 places and quotation records included; and the same on the
#                 annotated articles (tests/articles: titles, datelines,
#                 quotations with events)
#   migration     a version 2 store is migrated to 3 and exports; coding
#                 again fills its places and quotations
#   re-coding     a document coded again under its id replaces its events
#                 and quotations, in its place, also twice in one batch
#   same as SQLite  phoenix, gdelt, --dedup, filters, stats and dyad plot
#                 equal the SQLite store's output for the same input
#   crash         SIGKILL during a run: every reported batch is stored,
#                 whole, and nothing of a batch not committed
#   dyad serve    tests/serve_pg_test.py: every endpoint, filter, sort and
#                 cursor page equals the SQLite store's; --timeout holds; a
#                 read-only open of a database without tables or of an older
#                 schema fails and writes nothing
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

# JSON Lines holds event lines and, after each document's, its quotation
# records ("type":"quote"): evlines/qlines FILE pick them
evlines() { grep -v '^{"type":"quote"' "$1"; }
qlines() { grep '^{"type":"quote"' "$1"; }

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
evlines "$T/direct.jsonl" > "$T/direct.ev"
nq=$(qlines "$T/direct.jsonl" | wc -l)
np=$(grep -c '"place":{' "$T/direct.ev")
[ "$nq" -ge 1 ] && [ "$np" -ge 1 ]
check "the input has quotation records ($nq) and placed events ($np)" $? "$nq quotations, $np places"
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
[ "$v" = "application=dyad event store schema_version=3" ]
check "schema version 3 in meta" $? "got '$v'"
v=$(q "$A" "SELECT (SELECT count(*) FROM quotes) || ' ' ||
    (SELECT sum(nquotes) FROM documents) || ' ' ||
    (SELECT count(*) FROM events WHERE place_name IS NOT NULL) || ' ' ||
    (SELECT count(*) FROM events_full WHERE place_country IS NOT NULL)")
[ "$v" = "$nq $nq $np $np" ]
check "the store holds the quotations and places (quotes, nquotes, events_full)" $? \
    "got '$v', want '$nq $nq $np $np'"
ids=$(python3 -c '
import json, sys
a = [json.loads(l)["event_id"] for l in open(sys.argv[1])]
print(len(a), len(set(a)))' "$T/direct.ev")
dbids=$(q "$A" "SELECT count(*) || ' ' || count(DISTINCT event_id) FROM events")
[ "$ids" = "$dbids" ] && [ "${ids% *}" = "${ids#* }" ]
check "event ids: the store's equal the output's, distinct" $? "output $ids, store $dbids"
n=$(q "$A" "SELECT count(*) FROM events_full WHERE cameo_name IS NOT NULL AND sentence_text <> ''")
[ "$n" = "$(wc -l < "$T/direct.ev")" ]
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

# --- places and quotations: the annotated articles ------------------------------------
# tests/articles as dyad code reads them (title, paragraphs joined by a blank
# line), as tests/store_test.sh makes them
python3 - "$ROOT/tests/articles" "$T/art.jsonl" <<'EOF2'
import glob, json, sys
with open(sys.argv[2], "w") as out:
    for f in sorted(glob.glob(sys.argv[1] + "/b[0-9].jsonl")) + [sys.argv[1] + "/test.jsonl"]:
        for line in open(f, encoding="utf-8"):
            d = json.loads(line)
            text = "\n\n".join(" ".join(p) for p in d["paragraphs"])
            out.write(json.dumps({"id": d["id"], "date": d.get("date", ""),
                                  "source": d.get("publisher", ""),
                                  "title": d.get("title", ""), "text": text}) + "\n")
EOF2
"$DYAD" code "$T/art.jsonl" > "$T/art.direct.jsonl" 2>/dev/null
"$DYAD" code --format tsv "$T/art.jsonl" > "$T/art.direct.tsv" 2>/dev/null
"$DYAD" code --format csv "$T/art.jsonl" > "$T/art.direct.csv" 2>/dev/null
AR=$(url art)
"$DYAD" code --db "$AR" "$T/art.jsonl" 2>/dev/null
r=0
why=""
for f in jsonl tsv csv; do
    "$DYAD" export --db "$AR" --format $f > "$T/art.export.$f" 2> "$T/err"
    cmp -s "$T/art.direct.$f" "$T/art.export.$f" ||
        { r=1; why="$why $f: $(diff "$T/art.direct.$f" "$T/art.export.$f" | head -n 3 | cut -c 1-300) $(head -c 200 "$T/err")"; }
done
nq=$(qlines "$T/art.direct.jsonl" | wc -l)
[ "$nq" -ge 100 ] || { r=1; why="$why only $nq quotation records"; }
check "places and quotations survive the round trip ($nq quotations): export equals dyad code (jsonl, tsv, csv)" $r "$why"
# the quotations of documents without events, and the quote index,
# admin1 and speaker-code NULLs, as the JSON says
v=$(q "$AR" "SELECT (SELECT count(*) FROM quotes q JOIN documents d USING (doc_key) WHERE d.nevents = 0)
    || ' ' || (SELECT count(*) FROM events WHERE quote IS NOT NULL)
    || ' ' || (SELECT count(*) FROM events WHERE place_name IS NOT NULL AND place_admin1 IS NULL)
    || ' ' || (SELECT count(*) FROM quotes WHERE speaker_code IS NULL)")
want=$(python3 - "$T/art.direct.jsonl" <<'EOF2'
import json, sys
ev, qu = [], []
for l in open(sys.argv[1], encoding="utf-8"):
    (qu if l.startswith('{"type":"quote"') else ev).append(json.loads(l))
with_events = {e["doc_id"] for e in ev}
print(sum(1 for x in qu if x["doc_id"] not in with_events),
      sum(1 for e in ev if e["quote"] is not None),
      sum(1 for e in ev if e["place"] and e["place"]["admin1"] is None),
      sum(1 for x in qu if x["speaker_code"] is None))
EOF2
)
[ "$v" = "$want" ]
check "event quote indexes, NULL admin1 and speaker codes, quotations of documents without events: as in the output" $? \
    "store '$v', output '$want'"
# documents without events keep their quotations, between and after others
{
    sed -n 1,2p "$T/in.jsonl"
    rec nq1 2025-03-06 wire '\"The weather is fine today,\" the French foreign minister said.'
    sed -n '3,$p' "$T/in.jsonl"
    rec nq2 2025-03-06 wire '\"We will not retreat,\" the Iranian foreign minister said.'
} > "$T/nq.jsonl"
"$DYAD" code "$T/nq.jsonl" > "$T/nq.direct" 2>/dev/null
NQ=$(url nq)
"$DYAD" code --db "$NQ" "$T/nq.jsonl" 2>/dev/null
"$DYAD" export --db "$NQ" > "$T/nq.export" 2> "$T/err"
"$DYAD" export --db "$NQ" --from 20250306 --to 20250306 > "$T/nq.range" 2>> "$T/err"
r=0
cmp -s "$T/nq.direct" "$T/nq.export" || r=1
[ "$(grep -c '"doc_id":"nq[12]"' "$T/nq.direct")" = 2 ] || r=1
grep '"date":"20250306"' "$T/nq.direct" | cmp -s - "$T/nq.range" || r=1
[ "$(q "$NQ" "SELECT string_agg(doc_id || ':' || nevents || ':' || nquotes, ' ' ORDER BY doc_key) FROM documents WHERE doc_id LIKE 'nq%'")" = "nq1:0:1 nq2:0:1" ] || r=1
check "documents without events keep their quotation records, in their place (and by date)" $r \
    "$(diff "$T/nq.direct" "$T/nq.export" | head -n 4 | cut -c 1-300) $(head -c 200 "$T/err")"
AR2=$(url art2)
"$DYAD" code --threads 2 --db "$AR2" --db-batch 7 --format jsonl "$T/art.jsonl" 2>/dev/null |
    cmp -s - "$T/art.direct.jsonl" && "$DYAD" export --db "$AR2" | cmp -s - "$T/art.direct.jsonl"
check "places and quotations survive the round trip with --threads 2, batches of 7" $? "differs"
"$DYAD" export --db "$AR" --from 2000-01-01 --to 2100-12-31 | cmp -s - "$T/art.direct.jsonl"
check "--from/--to covering every date: the same output, quotations included" $? "differs"
# an article with quotations coded again as one sentence without: they go
python3 - "$T/art.jsonl" "$T/art.one.jsonl" "$T/art.in2.jsonl" <<'EOF2'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
k = next(i for i, r in enumerate(recs) if '"' in r["text"])
recs[k]["text"] = "Police in Kenya arrested 12 protesters in Nairobi."
open(sys.argv[2], "w").write(json.dumps(recs[k]) + "\n")
open(sys.argv[3], "w").write("".join(json.dumps(r) + "\n" for r in recs))
EOF2
before=$(q "$AR" "SELECT count(*) FROM quotes")
"$DYAD" code --db "$AR" "$T/art.one.jsonl" 2>/dev/null
"$DYAD" code "$T/art.in2.jsonl" > "$T/art.direct2.jsonl" 2>/dev/null
"$DYAD" export --db "$AR" > "$T/art.export2.jsonl"
after=$(q "$AR" "SELECT count(*) FROM quotes")
want=$(qlines "$T/art.direct2.jsonl" | wc -l)
cmp -s "$T/art.direct2.jsonl" "$T/art.export2.jsonl" && [ "$after" = "$want" ] && [ "$after" -lt "$before" ]
check "a document coded again replaces its quotations and places, in its place" $? \
    "quotes $before -> $after (want $want); $(diff "$T/art.direct2.jsonl" "$T/art.export2.jsonl" | head -n 2 | cut -c 1-300)"

# --- migration: a version 2 store ------------------------------------------------------
# made from a version 3 one by taking step 3 back (tests/pg_schema2.sql)
M=$(url m)
"$DYAD" code --db "$M" "$T/in.jsonl" 2>/dev/null
psql -X -q -v ON_ERROR_STOP=1 "$M" -f "$ROOT/tests/pg_schema2.sql" > "$T/m.out" 2>&1
# what version 2 kept: the events without places and quotes, no records
python3 - "$T/direct.jsonl" > "$T/m.want" <<'EOF2'
import json, re, sys
for l in open(sys.argv[1], encoding="utf-8"):
    if l.startswith('{"type":"quote"'): continue
    l = re.sub(r'"place":(null|\{[^{}]*\})', '"place":null', l)
    sys.stdout.write(re.sub(r'"quote":(null|[0-9]+)', '"quote":null', l))
EOF2
"$DYAD" export --db "$M" > "$T/m.export" 2> "$T/err"
rc=$?
v=$(q "$M" "SELECT value FROM meta WHERE key = 'schema_version'")
n=$(q "$M" "SELECT count(*) || ' ' || count(nquotes) || ' ' || count(quote_speaker) FROM events_full JOIN documents USING (doc_id)")
r=0
[ "$rc" = 0 ] && [ "$v" = 3 ] && [ "$n" = "$(wc -l < "$T/direct.ev") 0 0" ] &&
    cmp -s "$T/m.want" "$T/m.export" || r=1
"$DYAD" code --db "$M" "$T/in.jsonl" 2>/dev/null
"$DYAD" export --db "$M" | cmp -s - "$T/direct.jsonl" || r=1
check "a version 2 store is migrated to 3 (old events without places and quotes); coding again fills them" $r \
    "exit $rc, version '$v', '$n': $(head -c 200 "$T/m.out" "$T/err") $(diff "$T/m.want" "$T/m.export" | head -n 2 | cut -c 1-300)"

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

# --- dyad serve ---------------------------------------------------------------------------
# tests/serve_pg_test.py (serve_util.py's server): the API on a PostgreSQL
# store answers as on SQLite; its read-only workers refuse a database without
# tables or of version 2 and change nothing. Its checks count here.
python3 "$ROOT/tests/serve_pg_test.py" "$B" "$(url sv)" "$(url sve)" "$(url svo)" \
    > "$T/serve.out" 2>&1
rc=$?
sed -n 's/^\(not ok\|ok\) - /\1 - serve: /p' "$T/serve.out"
line=$(grep '^serve-pg: [0-9]* passed, [0-9]* failed$' "$T/serve.out")
if [ -n "$line" ]; then
    p=$(echo "$line" | sed 's/^serve-pg: \([0-9]*\) passed.*/\1/')
    f=$(echo "$line" | sed 's/.* passed, \([0-9]*\) failed$/\1/')
    PASS=$((PASS + p))
    FAIL=$((FAIL + f))
    [ "$rc" = 0 ] || [ "$f" != 0 ] || notok "serve_pg_test.py exit status" "exit $rc"
else
    notok "serve_pg_test.py ran to its summary" "exit $rc: $(tail -n 5 "$T/serve.out")"
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
