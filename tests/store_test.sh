#!/bin/sh
# tests/store_test.sh BUILD_DIR -- end-to-end tests of the event store:
# `dyad code --db`, `dyad export`, `dyad stats`.
#
#   round trip    code -> store -> export equals `dyad code` output (jsonl,
#                 tsv, csv), with --threads 1 and 2: the whole output,
#                 event places and quotation records included; and the
#                 same on the annotated articles (tests/articles: titles,
#                 datelines, quotations with events)
#   migration     a version 2 database is migrated to 3 and exports
#   re-coding     a document coded again under its id replaces its events
#   crash         SIGKILL at random moments, repeatedly: the database opens,
#                 passes PRAGMA integrity_check, and holds exactly the
#                 batches reported committed (plus at most the one being
#                 committed, whole); a rerun completes it
#   formats       phoenix (11 columns), gdelt (61), --dedup counts, filters
#   stats         numbers checked against the exported events
#   interop       R's read.delim/read.csv, pandas' read_csv and Python's csv
#                 read dyad's TSV and CSV back exactly (quotes, tabs, line
#                 ends in values); skipped, saying so, when R or pandas is
#                 not installed (.ci/run installs them)
#   errors        usage errors and bad databases: exit 2 and a message
#
# Prints "ok - NAME" / "not ok - NAME" and ends with "store: N passed, M
# failed". Needs sqlite3 (the command-line shell) and python3.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=${1:-build}
case $B in /*) ;; *) B=$ROOT/$B ;; esac
DYAD=$B/dyad
T=$(mktemp -d "${TMPDIR:-/tmp}/dyad-store.XXXXXX") || exit 2
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

for tool in sqlite3 python3; do
    if ! command -v $tool >/dev/null 2>&1; then
        notok "$tool installed" "the store tests need $tool (Debian package: $tool)"
        echo "store: $PASS passed, $FAIL failed"
        exit 1
    fi
done
if [ ! -x "$DYAD" ]; then
    notok "dyad binary exists" "$DYAD not found"
    echo "store: $PASS passed, $FAIL failed"
    exit 1
fi

# --- inputs (tests/store_input.sh, shared with tests/pg_test.sh) ----------
. "$ROOT/tests/store_input.sh"
store_input "$T/in.jsonl"

# --- round trip -------------------------------------------------------------
"$DYAD" code "$T/in.jsonl" > "$T/direct.jsonl" 2> "$T/err"
"$DYAD" code --format tsv "$T/in.jsonl" > "$T/direct.tsv" 2>> "$T/err"
"$DYAD" code --format csv "$T/in.jsonl" > "$T/direct.csv" 2>> "$T/err"
"$DYAD" code --db "$T/a.sqlite" "$T/in.jsonl" > "$T/code.out" 2> "$T/code.err"
rc=$?
r=0
[ "$rc" = 0 ] || r=1
[ -s "$T/code.out" ] && r=1   # --db without --format: nothing on stdout
grep -q "^dyad: $T/a.sqlite: batch 1 committed (6 documents, [0-9]* events)$" "$T/code.err" || r=1
check "dyad code --db stores, reports the batch, writes nothing to stdout" $r "exit $rc: $(head -c 300 "$T/code.err")"
# JSON Lines holds event lines and, after each document's, its quotation
# records ("type":"quote"): evlines/qlines FILE pick them
evlines() { grep -v '^{"type":"quote"' "$1"; }
qlines() { grep '^{"type":"quote"' "$1"; }
evlines "$T/direct.jsonl" > "$T/direct.ev"
n=$(wc -l < "$T/direct.ev")
[ "$n" -ge 10 ] && ok "the input codes into $n events" || notok "the input codes into events" "only $n"
nq=$(qlines "$T/direct.jsonl" | wc -l)
np=$(grep -c '"place":{' "$T/direct.ev")
[ "$nq" -ge 1 ] && [ "$np" -ge 1 ]
check "the input has quotation records ($nq) and placed events ($np)" $? "$nq quotations, $np places"
for f in jsonl tsv csv; do
    "$DYAD" export --db "$T/a.sqlite" --format $f > "$T/export.$f" 2> "$T/err"
    if [ $? = 0 ] && cmp -s "$T/direct.$f" "$T/export.$f"; then
        ok "round trip: export --format $f equals dyad code --format $f"
    else
        notok "round trip: export --format $f equals dyad code --format $f" \
            "$(diff "$T/direct.$f" "$T/export.$f" | head -n 4)" "$(head -c 200 "$T/err")"
    fi
done
"$DYAD" code --threads 2 --db "$T/b.sqlite" --format jsonl "$T/in.jsonl" > "$T/both.jsonl" 2>/dev/null
"$DYAD" export --db "$T/b.sqlite" > "$T/export2.jsonl"
cmp -s "$T/direct.jsonl" "$T/export2.jsonl" && cmp -s "$T/direct.jsonl" "$T/both.jsonl"
check "round trip with --threads 2 (and --format: stdout and the store)" $? "differs"
u=$(sqlite3 "$T/a.sqlite" "SELECT url || '|' || fields FROM documents WHERE doc_id = 'd1'")
[ "$u" = 'https://news.example/d1|{"lang":"en"}' ]
check "the store keeps url and other input fields" $? "got '$u'"
v=$(sqlite3 "$T/a.sqlite" "PRAGMA user_version; PRAGMA journal_mode; PRAGMA integrity_check" | tr '\n' ' ')
[ "$v" = "3 wal ok " ]
check "schema version 3, WAL, integrity_check ok" $? "got '$v'"
v=$(sqlite3 "$T/a.sqlite" "SELECT (SELECT count(*) FROM quotes),
    (SELECT sum(nquotes) FROM documents),
    (SELECT count(*) FROM events WHERE place_name IS NOT NULL),
    (SELECT count(*) FROM events_full WHERE place_country IS NOT NULL)" | tr '|' ' ')
[ "$v" = "$nq $nq $np $np" ]
check "the store holds the quotations and places (quotes, nquotes, events_full)" $? \
    "got '$v', want '$nq $nq $np $np'"
ids=$(python3 -c '
import json, sys
a = [json.loads(l)["event_id"] for l in open(sys.argv[1])]
print(len(a), len(set(a)))' "$T/direct.ev")
dbids=$(sqlite3 "$T/a.sqlite" "SELECT count(*), count(DISTINCT event_id) FROM events" | tr '|' ' ')
[ "$ids" = "$dbids" ] && [ "${ids% *}" = "${ids#* }" ]
check "event ids: the store's equal the output's, distinct" $? "output $ids, store $dbids"
"$DYAD" code "$T/in.jsonl" | cmp -s - "$T/direct.jsonl"
check "event ids are stable: a second run writes the same bytes" $? "differs"

# --- re-coding replaces ------------------------------------------------------
cp "$T/a.sqlite" "$T/re.sqlite"
"$DYAD" code --db "$T/re.sqlite" "$T/in.jsonl" 2>/dev/null
"$DYAD" export --db "$T/re.sqlite" | cmp -s - "$T/direct.jsonl"
check "re-coding the same input leaves the same events (no duplicates)" $? \
    "$(sqlite3 "$T/re.sqlite" 'SELECT count(*) FROM events')"
rec d2 2025-03-04 paper "$S4" > "$T/d2.jsonl"
"$DYAD" code --db "$T/re.sqlite" "$T/d2.jsonl" 2>/dev/null
sed "2s/.*/$(sed 's/[\/&]/\\&/g' "$T/d2.jsonl")/" "$T/in.jsonl" > "$T/in2.jsonl"
"$DYAD" code "$T/in2.jsonl" > "$T/direct2.jsonl"
"$DYAD" export --db "$T/re.sqlite" > "$T/export3.jsonl"
cmp -s "$T/direct2.jsonl" "$T/export3.jsonl"
check "a document coded again under its id replaces its events, in its place" $? \
    "$(diff "$T/direct2.jsonl" "$T/export3.jsonl" | head -n 4)"
n=$(sqlite3 "$T/re.sqlite" "SELECT count(*) FROM documents")
[ "$n" = 6 ]
check "re-coding keeps one row per document id" $? "$n documents"

# --- places and quotations: the annotated articles ---------------------------
# tests/articles as dyad code reads them (title, paragraphs joined by a blank
# line): datelines, admin1 regions, quotations over sentences, with and
# without speakers and events, title events and quotations
python3 - "$ROOT/tests/articles" "$T/art.jsonl" <<'EOF'
import glob, json, sys
with open(sys.argv[2], "w") as out:
    for f in sorted(glob.glob(sys.argv[1] + "/b[0-9].jsonl")) + [sys.argv[1] + "/test.jsonl"]:
        for line in open(f, encoding="utf-8"):
            d = json.loads(line)
            text = "\n\n".join(" ".join(p) for p in d["paragraphs"])
            out.write(json.dumps({"id": d["id"], "date": d.get("date", ""),
                                  "source": d.get("publisher", ""),
                                  "title": d.get("title", ""), "text": text}) + "\n")
EOF
"$DYAD" code "$T/art.jsonl" > "$T/art.direct.jsonl" 2>/dev/null
"$DYAD" code --format tsv "$T/art.jsonl" > "$T/art.direct.tsv" 2>/dev/null
"$DYAD" code --format csv "$T/art.jsonl" > "$T/art.direct.csv" 2>/dev/null
"$DYAD" code --db "$T/art.sqlite" "$T/art.jsonl" 2>/dev/null
python3 - "$T/art.direct.jsonl" > "$T/py.out" 2>&1 <<'EOF'
import json, sys
ev, qu = [], []
for l in open(sys.argv[1], encoding="utf-8"):
    (qu if l.startswith('{"type":"quote"') else ev).append(json.loads(l))
pl = [e["place"] for e in ev if e["place"]]
need = {
    "quotations": len(qu) >= 100,
    "quotations with events": any(q["events"] for q in qu),
    "uncoded speakers": any(q["speaker_code"] is None for q in qu),
    "quotations over sentences": any(q["last_sentence"] > q["sentence"] for q in qu),
    "title quotations": any(q["in_title"] for q in qu),
    "events from quotations": any(e["quote"] is not None for e in ev),
    "title events": any(e["in_title"] for e in ev),
    "dateline places": any(p["source"] == "dateline" for p in pl),
    "clause places": any(p["source"] == "clause" for p in pl),
    "admin1": any(p["admin1"] for p in pl) and any(p["admin1"] is None for p in pl),
    "levels": {p["level"] for p in pl} == {"city", "admin1", "country"},
}
miss = [k for k, v in need.items() if not v]
print("ok: %d events, %d quotations, %d places" % (len(ev), len(qu), len(pl))
      if not miss else "missing: " + ", ".join(miss))
EOF
r=0
case $(cat "$T/py.out") in ok*) ;; *) r=1 ;; esac
check "the articles code into places and quotations of every kind ($(cat "$T/py.out"))" $r "$(tail -n 3 "$T/py.out")"
r=0
why=""
for f in jsonl tsv csv; do
    "$DYAD" export --db "$T/art.sqlite" --format $f > "$T/art.export.$f" 2> "$T/err"
    cmp -s "$T/art.direct.$f" "$T/art.export.$f" ||
        { r=1; why="$why $f: $(diff "$T/art.direct.$f" "$T/art.export.$f" | head -n 3 | cut -c 1-300)"; }
done
check "places and quotations survive the round trip: export equals dyad code (jsonl, tsv, csv)" $r "$why"
"$DYAD" code --threads 2 --db "$T/art2.sqlite" --format jsonl "$T/art.jsonl" 2>/dev/null |
    cmp -s - "$T/art.direct.jsonl" && "$DYAD" export --db "$T/art2.sqlite" | cmp -s - "$T/art.direct.jsonl"
check "places and quotations survive the round trip with --threads 2" $? "differs"
# an article with quotations coded again as one sentence without: they go
python3 - "$T/art.jsonl" "$T/art.one.jsonl" "$T/art.in2.jsonl" <<'EOF'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
k = next(i for i, r in enumerate(recs) if '"' in r["text"])
recs[k]["text"] = "Police in Kenya arrested 12 protesters in Nairobi."
open(sys.argv[2], "w").write(json.dumps(recs[k]) + "\n")
open(sys.argv[3], "w").write("".join(json.dumps(r) + "\n" for r in recs))
EOF
cp "$T/art.sqlite" "$T/art3.sqlite"
before=$(sqlite3 "$T/art3.sqlite" "SELECT count(*) FROM quotes")
"$DYAD" code --db "$T/art3.sqlite" "$T/art.one.jsonl" 2>/dev/null
"$DYAD" code "$T/art.in2.jsonl" > "$T/art.direct2.jsonl" 2>/dev/null
"$DYAD" export --db "$T/art3.sqlite" > "$T/art.export2.jsonl"
after=$(sqlite3 "$T/art3.sqlite" "SELECT count(*) FROM quotes")
want=$(grep -c '^{"type":"quote"' "$T/art.direct2.jsonl")
cmp -s "$T/art.direct2.jsonl" "$T/art.export2.jsonl" && [ "$after" = "$want" ] && [ "$after" -lt "$before" ]
check "a document coded again replaces its quotations and places, in its place" $? \
    "quotes $before -> $after (want $want); $(diff "$T/art.direct2.jsonl" "$T/art.export2.jsonl" | head -n 2 | cut -c 1-300)"

# --- formats and filters ---------------------------------------------------
"$DYAD" export --db "$T/a.sqlite" --format phoenix > "$T/ph" 2> "$T/err"
r=0
awk -F'\t' 'NF != 11 { exit 1 }' "$T/ph" || r=1
[ "$(wc -l < "$T/ph")" = "$(wc -l < "$T/direct.ev")" ] || r=1
grep -q '^20250304	RUSMIL	UKRMIL	19[0-9]*		d1_0	https://news.example/d1	wire	' "$T/ph" || r=1
check "phoenix: 11 columns, no header, DOCID_N sentence ids, url, story source" $r "$(head -n 2 "$T/ph")"
"$DYAD" export --db "$T/a.sqlite" --format gdelt > "$T/gd" 2> "$T/err"
r=0
awk -F'\t' 'NF != 61 { exit 1 }' "$T/gd" || r=1
awk -F'\t' '$2 == "20250304" && $3 == "202503" && $4 == "2025" && $6 == "RUSMIL" &&
    $8 == "RUS" && $13 == "MIL" && $16 == "UKRMIL" && $30 == "4" && $32 == "1" &&
    $61 == "https://news.example/d1" { f = 1 } END { exit !f }' "$T/gd" || r=1
check "gdelt: 61 columns, dates, actor parts, quad, counts, SOURCEURL" $r "$(head -n 1 "$T/gd")"
# d1, d5 and d6 are the same day; d1 and d6 the same text: their events
# are one-a-day duplicates
"$DYAD" export --db "$T/a.sqlite" --format tsv --dedup > "$T/dd.tsv"
r=0
head -n 1 "$T/dd.tsv" | grep -q '	num_mentions	num_sentences	num_documents	num_sources	place_name	' || r=1
line=$(awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
    $4 == "RUSMIL" && $5 == "UKRMIL" && $3 == "20250304" {
        print $c["num_mentions"], $c["num_sentences"], $c["num_documents"], $c["num_sources"] }' "$T/dd.tsv")
[ "$line" = "3 3 3 2" ] || r=1
nd=$(python3 -c '
import csv, sys
print(len(list(csv.reader(open(sys.argv[1], newline=""), delimiter="\t"))) - 1)' "$T/dd.tsv")
nu=$(python3 -c '
import json, sys
print(len({(e["date"], e["source"], e["target"], e["code"]) for e in map(json.loads, open(sys.argv[1]))}))' "$T/direct.ev")
[ "$nd" = "$nu" ] || r=1
check "--dedup: one event per (date, source, target, code), with its counts" $r \
    "RUSMIL>UKRMIL counts '$line' (want 3 3 3 2); $nd rows, $nu distinct"
"$DYAD" export --db "$T/a.sqlite" --from 2025-03-05 --to 20250331 > "$T/range.jsonl"
a=$(evlines "$T/range.jsonl" | wc -l)
b=$(python3 -c '
import json, sys
print(sum(1 for e in map(json.loads, open(sys.argv[1])) if "20250305" <= e["date"] <= "20250331"))' "$T/direct.ev")
c=$("$DYAD" export --db "$T/a.sqlite" --actor KEN | wc -l)
d=$(grep -c '"source":"KEN[A-Z]*"\|"target":"KEN[A-Z]*"' "$T/direct.ev")
e=$("$DYAD" export --db "$T/a.sqlite" --code 19 --format tsv | awk -F'\t' 'NR > 1 && $6 !~ /^19/' | wc -l)
[ "$a" = "$b" ] && [ "$a" -gt 0 ] && [ "$c" = "$d" ] && [ "$c" -gt 0 ] && [ "$e" = 0 ]
check "filters --from/--to, --actor, --code" $? "dates $a vs $b, actor $c vs $d, code others $e"
# --from/--to select whole documents: their events and quotations, as
# dyad code wrote them; a filter on events writes no quotation records
python3 -c '
import json, sys
for l in open(sys.argv[1]):
    if "20250305" <= json.loads(l)["date"] <= "20250331": sys.stdout.write(l)' "$T/direct.jsonl" > "$T/range.want"
r=0
cmp -s "$T/range.want" "$T/range.jsonl" || r=1
[ "$(qlines "$T/range.jsonl" | wc -l)" -ge 1 ] || r=1
for f in "--actor IRN" "--code 1" "--dyad DEU:IRN" "--dedup"; do
    # shellcheck disable=SC2086
    "$DYAD" export --db "$T/a.sqlite" $f > "$T/f.jsonl"
    [ -s "$T/f.jsonl" ] && [ "$(qlines "$T/f.jsonl" | wc -l)" = 0 ] || r=1
done
check "quotation records: with --from/--to those of the documents in range, none with an event filter or --dedup" $r \
    "$(diff "$T/range.want" "$T/range.jsonl" | head -n 4)"

# --- stats -------------------------------------------------------------------
"$DYAD" stats --db "$T/a.sqlite" --by month --format json > "$T/st.json" 2> "$T/err"
python3 - "$T/st.json" "$T/direct.jsonl" > "$T/py.out" 2>&1 <<'EOF'
import json, sys
from collections import defaultdict
st = json.load(open(sys.argv[1]))
ev = [e for e in map(json.loads, open(sys.argv[2])) if e.get("type") != "quote"]
want = defaultdict(lambda: [0, 0.0, defaultdict(int), defaultdict(int)])
for e in ev:
    p = want[e["date"][:4] + "-" + e["date"][4:6]]
    p[0] += 1; p[1] += e["goldstein"]; p[2][str(e["quad"])] += 1; p[3][e["root"]] += 1
assert st["events"] == len(ev), (st["events"], len(ev))
assert [p["period"] for p in st["periods"]] == sorted(want), st["periods"]
for p in st["periods"]:
    w = want[p["period"]]
    assert p["events"] == w[0] and abs(p["goldstein_sum"] - w[1]) < 0.05, (p, w)
    assert abs(p["goldstein_mean"] - w[1] / w[0]) < 0.001, p
    assert p["quad"] == dict(w[2]) and p["root"] == dict(w[3]), (p, w)
dy = defaultdict(int)
for e in ev: dy[e["source"] + ":" + e["target"]] += 1
top = st["top_dyads"][0]
assert top["events"] == max(dy.values()), (top, dy)
print("ok")
EOF
[ "$(cat "$T/py.out")" = ok ]
check "stats --by month: counts, quad and root, Goldstein sums and means, top dyad" $? "$(tail -n 3 "$T/py.out")"
"$DYAD" stats --db "$T/a.sqlite" --by week --dyad RUS:UKR --dedup > "$T/st.tsv" 2> "$T/err"
r=0
head -n 1 "$T/st.tsv" | grep -qx 'period	kind	key	events	goldstein_sum	goldstein_mean' || r=1
# d1, d5 and d6 attack on one day: one event with --dedup, in ISO week 10
grep -q '^2025-W10	all	all	1	' "$T/st.tsv" || r=1
check "stats --by week --dyad RUS:UKR --dedup" $r "$(head -n 3 "$T/st.tsv")"

# --- crash: SIGKILL at random moments -----------------------------------------
GEN=$B/bench/gencorpus
if [ ! -x "$GEN" ]; then
    mkdir -p "$B/bench"
    ${CC:-cc} -std=c11 -O2 "$ROOT/bench/gencorpus.c" -o "$GEN" 2>/dev/null
fi
if [ -x "$GEN" ]; then
    "$GEN" 60000 > "$T/big.jsonl"
    "$DYAD" code --db "$T/ref.sqlite" --db-batch 25 "$T/big.jsonl" 2>/dev/null
    ndocs=$(sqlite3 "$T/ref.sqlite" "SELECT count(*) FROM documents")
    SEED=${STORE_TEST_SEED:-$(date +%s)}
    echo "# crash test: $ndocs documents, batches of 25, seed $SEED"
    bad=""
    kills=0
    extra=0
    i=0
    while [ $i -lt 8 ]; do
        i=$((i + 1))
        db=$T/crash$i.sqlite
        thr=$((1 + i % 2))
        delay=$(awk -v s="$SEED" -v i="$i" 'BEGIN { srand(s + i); printf "%.3f", 0.05 + rand() * 1.2 }')
        "$DYAD" code --threads $thr --db "$db" --db-batch 25 "$T/big.jsonl" 2> "$T/crash.err" &
        pid=$!
        sleep "$delay"
        kill -KILL $pid 2>/dev/null && kills=$((kills + 1))
        wait $pid 2>/dev/null
        if [ ! -f "$db" ]; then continue; fi
        ic=$(sqlite3 "$db" "PRAGMA integrity_check" 2>&1)
        [ "$ic" = ok ] || { bad="$bad run $i: integrity '$ic';"; continue; }
        reported=$(sed -n 's/^dyad: .*: batch \([0-9]*\) committed .*/\1/p' "$T/crash.err" | tr '\n' ' ')
        # killed before the schema's transaction committed: an empty
        # database, which the rerun below creates the tables in
        if [ "$(sqlite3 "$db" "SELECT count(*) FROM sqlite_master" 2>&1)" = 0 ]; then
            [ -z "$reported" ] || bad="$bad run $i: no tables, reported [$reported];"
            continue
        fi
        stored=$(sqlite3 "$db" "SELECT batch FROM batches ORDER BY batch" 2>&1 | tr '\n' ' ')
        nrep=$(echo "$reported" | wc -w)
        # every reported batch is there; at most the next one besides
        if [ "$stored" != "$reported" ]; then
            if [ "$stored" = "$reported$((nrep + 1)) " ]; then
                extra=$((extra + 1))
            else
                bad="$bad run $i: reported [$reported] stored [$stored];"
                continue
            fi
        fi
        # each stored batch is whole and its documents are coded as in the
        # uninterrupted run
        whole=$(sqlite3 "$db" "ATTACH '$T/ref.sqlite' AS r;
            SELECT (SELECT count(*) FROM batches b WHERE b.documents !=
                      (SELECT count(*) FROM documents d WHERE d.batch = b.batch)
                    OR b.events != (SELECT count(*) FROM events e JOIN documents d
                      ON d.doc_key = e.doc_key WHERE d.batch = b.batch))
                 + (SELECT count(*) FROM events WHERE event_id NOT IN
                      (SELECT event_id FROM r.events))
                 + (SELECT count(*) FROM documents d JOIN r.documents x
                      USING (doc_id) WHERE d.nevents != x.nevents)
                 + (SELECT count(*) FROM batches WHERE documents != 25
                      AND batch != (SELECT max(batch) FROM batches))" 2>&1)
        [ "$whole" = 0 ] || bad="$bad run $i: $whole inconsistencies;"
    done
    check "crash: $kills SIGKILLs; every database valid, with exactly the reported batches ($extra had the next one committed before its line was written)" \
        "$([ -z "$bad" ] && [ "$kills" -ge 4 ] && echo 0 || echo 1)" "$bad (kills: $kills)"
    # a killed run finished by running it again
    db=$T/crash1.sqlite
    [ -f "$db" ] || db=$T/crash2.sqlite
    "$DYAD" code --db "$db" --db-batch 25 "$T/big.jsonl" 2>/dev/null
    "$DYAD" export --db "$db" > "$T/c.jsonl"
    "$DYAD" export --db "$T/ref.sqlite" > "$T/r.jsonl"
    cmp -s "$T/c.jsonl" "$T/r.jsonl"
    check "crash: running the input again completes the killed database" $? \
        "$(wc -l < "$T/c.jsonl") vs $(wc -l < "$T/r.jsonl") lines"
else
    notok "crash test" "cannot build $GEN"
fi

# --- interop: R, pandas, Python csv read the TSV and CSV back exactly ----------
# the truth: every row of the export as a list of strings, from the JSON
cat > "$T/truth.py" <<'EOF'
import json, sys
COLS = ["doc_id", "sentence", "date", "source", "target", "code", "root", "quad",
        "goldstein", "source_text", "verb_text", "target_text", "sentence_text",
        "issues", "rule", "sentence_span", "source_span", "verb_span",
        "target_span", "in_title", "event_id", "plover_type", "plover_mode"]
PLACE = ["name", "geonameid", "admin1", "country", "lat", "lon", "level", "source"]
def truth(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        e = json.loads(line)
        if e.get("type") == "quote": continue
        r = []
        for c in COLS:
            v = e[c]
            if c.endswith("_span"): r += [str(v[0]), str(v[1])]
            elif c == "in_title": r.append("1" if v else "0")
            elif c == "goldstein": r.append("%.1f" % v)
            else: r.append(str(v))
        p = e["place"] or {}
        for c in PLACE:
            v = p.get(c)
            r.append("" if v is None else "%.4f" % v if c in ("lat", "lon") else str(v))
        r.append("" if e["quote"] is None else str(e["quote"]))
        rows.append(r)
    return rows
EOF
PY=""
for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import pandas' 2>/dev/null; then PY=$p; break; fi
done
cat > "$T/py_read.py" <<'EOF'
import csv, sys
sys.path.insert(0, sys.argv[1])
from truth import truth
want = truth(sys.argv[2])
fails = []
for path, sep in ((sys.argv[3], "\t"), (sys.argv[4], ",")):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter=sep))
    if rows[1:] != want: fails.append("csv module " + path)
    if sys.argv[5] == "pandas":
        import pandas as pd
        d = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False)
        if d.values.tolist() != want: fails.append("pandas dtype=str " + path)
        d = pd.read_csv(path, sep=sep)   # all defaults
        if d.shape != (len(want), len(want[0])) or \
           list(d["sentence_text"]) != [r[12] for r in want] or \
           list(d["doc_id"]) != [r[0] for r in want]:
            fails.append("pandas defaults " + path)
print("ok" if not fails else "; ".join(fails))
EOF
if [ -n "$PY" ]; then
    $PY "$T/py_read.py" "$T" "$T/direct.jsonl" "$T/export.tsv" "$T/export.csv" pandas > "$T/py.out" 2>&1
    [ "$(cat "$T/py.out")" = ok ]
    check "interop: pandas read_csv and Python csv read the TSV and CSV exactly" $? "$(tail -n 3 "$T/py.out")"
else
    python3 "$T/py_read.py" "$T" "$T/direct.jsonl" "$T/export.tsv" "$T/export.csv" nopandas > "$T/py.out" 2>&1
    [ "$(cat "$T/py.out")" = ok ]
    check "interop: Python csv reads the TSV and CSV exactly" $? "$(tail -n 3 "$T/py.out")"
    echo "# SKIPPED interop with pandas: python3-pandas is not installed (apt-get install python3-pandas)"
fi
if command -v Rscript >/dev/null 2>&1; then
    # every cell as the hex of its bytes, so nothing is lost in printing
    cat > "$T/read.R" <<'EOF'
args <- commandArgs(trailingOnly = TRUE)
hexed <- function(d) apply(d, 1, function(r) paste(vapply(r, function(s)
    paste(charToRaw(enc2utf8(s)), collapse = ""), ""), collapse = "\t"))
a <- read.delim(args[1], colClasses = "character", encoding = "UTF-8")
b <- read.csv(args[2], colClasses = "character", encoding = "UTF-8")
writeLines(hexed(a), args[3])
writeLines(hexed(b), args[4])
d <- read.delim(args[1], encoding = "UTF-8")   # all defaults
e <- read.csv(args[2], encoding = "UTF-8")
writeLines(c(paste(dim(d), collapse = " "), paste(dim(e), collapse = " ")), args[5])
writeLines(c(d$sentence_text, e$sentence_text), args[6], useBytes = TRUE)
EOF
    LC_ALL=C.UTF-8 Rscript "$T/read.R" "$T/export.tsv" "$T/export.csv" "$T/r1" "$T/r2" \
        "$T/rdim" "$T/rsent" > "$T/r.out" 2>&1
    cat > "$T/r_check.py" <<'EOF'
import sys
sys.path.insert(0, sys.argv[1])
from truth import truth
want = truth(sys.argv[2])
# R's scan() reads a carriage return inside a quoted field as a line feed
# (the one byte R does not give back as written; docs/output.md): the id
# with one is expected so, every other byte exactly
hexw = ["\t".join(c.replace("\r", "\n").encode("utf-8").hex() for c in r)
        for r in want]
fails = []
for f in sys.argv[3:5]:
    got = open(f).read().split("\n")[:-1]
    if got != hexw: fails.append("colClasses=character " + f)
dims = open(sys.argv[5]).read().split("\n")[:2]
if dims != ["%d %d" % (len(want), len(want[0]))] * 2: fails.append("defaults dim %s" % dims)
sents = open(sys.argv[6], encoding="utf-8").read().split("\n")[:-1]
if sents != [r[12] for r in want] * 2: fails.append("defaults sentence_text")
print("ok" if not fails else "; ".join(fails))
EOF
    python3 "$T/r_check.py" "$T" "$T/direct.jsonl" "$T/r1" "$T/r2" "$T/rdim" "$T/rsent" > "$T/py.out" 2>&1
    [ "$(cat "$T/py.out")" = ok ]
    check "interop: R read.delim and read.csv read the TSV and CSV exactly (a CR as LF)" $? \
        "$(tail -n 3 "$T/py.out") $(tail -n 3 "$T/r.out")"
else
    echo "# SKIPPED interop with R: Rscript is not installed (apt-get install r-base-core)"
fi

# --- errors -----------------------------------------------------------------
r=0
"$DYAD" export --format tsv > /dev/null 2> "$T/err"; [ $? = 2 ] && grep -q -- '--db FILE is required' "$T/err" || r=1
"$DYAD" export --db "$T/none.sqlite" > /dev/null 2> "$T/err"; [ $? = 2 ] && grep -q 'none.sqlite: no such database' "$T/err" || r=1
[ -e "$T/none.sqlite" ] && r=1
"$DYAD" export --db "$T/a.sqlite" --format xml > /dev/null 2> "$T/err"; [ $? = 2 ] && grep -q 'phoenix, gdelt' "$T/err" || r=1
"$DYAD" stats --db "$T/a.sqlite" --by decade > /dev/null 2> "$T/err"; [ $? = 2 ] || r=1
"$DYAD" stats --db "$T/a.sqlite" --dyad RUS > /dev/null 2> "$T/err"; [ $? = 2 ] || r=1
"$DYAD" export --db "$T/a.sqlite" --from 2025-13-01 > /dev/null 2> "$T/err"; [ $? = 2 ] || r=1
sqlite3 "$T/other.sqlite" "CREATE TABLE t (x)"
"$DYAD" code --db "$T/other.sqlite" "$T/in.jsonl" > /dev/null 2> "$T/err"; [ $? = 2 ] && grep -q 'another application' "$T/err" || r=1
printf 'not a database at all, just some text\n%.0s' 1 2 3 4 5 6 7 8 > "$T/junk.sqlite"
"$DYAD" stats --db "$T/junk.sqlite" > /dev/null 2> "$T/err"; [ $? = 2 ] && grep -q 'junk.sqlite' "$T/err" || r=1
"$DYAD" code --db "$T/a.sqlite" --db-batch 0 "$T/in.jsonl" > /dev/null 2> "$T/err"; [ $? = 2 ] || r=1
check "usage errors and bad databases: exit 2 with a message naming the file" $r "$(head -n 2 "$T/err")"

echo "store: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
