#!/bin/sh
# tests/cli_test.sh BUILD_DIR -- end-to-end tests of the dyad command line.
#
# Checks the CLI contract from the outside: what `dyad code` writes for good,
# malformed, hostile and empty input, its exit statuses (0 all coded, 1 some
# records rejected, 2 usage or dictionary error), "FILE:LINE:" diagnostics,
# the TSV header and the span columns and keys, input format detection and
# --input-format, unknown format names, 1,500 input files, `dyad explain`,
# `dyad dict`, that --threads 2 writes exactly what --threads 1 writes, and
# the command line itself: help for every command, "did you mean",
# --opt=value, -o FILE, exit 3 on output failure for every command, --date
# and --publisher, the undated warning, the input fields passed through,
# and dictionaries, gold sets and cases with nothing in them.
# All inputs are generated deterministically
# in a temporary directory. Prints "ok - NAME" or "not ok - NAME" per case and
# ends with "cli: N passed, M failed"; exits non-zero if any case failed.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=${1:-build}
case $B in /*) ;; *) B=$ROOT/$B ;; esac
DYAD=$B/dyad
CONF=$ROOT/../shared/conformance/petrarch2/PETR.UnitTest.records.xml
T=$(mktemp -d "${TMPDIR:-/tmp}/dyad-cli.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

PASS=0
FAIL=0
TO=
command -v timeout >/dev/null 2>&1 && TO="timeout 60"

ok() { PASS=$((PASS + 1)); echo "ok - $1"; }
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
# check NAME CONDITION-STATUS REASON: report one case from a test's status.
check() {
    if [ "$2" = 0 ]; then ok "$1"; else notok "$1" "$3"; fi
}

# dy ARGS...: runs dyad with stdout in $T/out, stderr in $T/err, status in RC.
dy() {
    $TO "$DYAD" "$@" > "$T/out" 2> "$T/err"
    RC=$?
}
# crashed: true if RC says the process died on a signal or timed out.
crashed() { [ "$RC" -ge 124 ]; }

KEYS="doc_id sentence date source target code root quad goldstein source_text verb_text target_text sentence_text issues rule sentence_span source_span verb_span target_span in_title event_id plover_type plover_mode place quote"
TSV_HEADER="doc_id	sentence	date	source	target	code	root	quad	goldstein	source_text	verb_text	target_text	sentence_text	issues	rule	sentence_off	sentence_len	source_off	source_len	verb_off	verb_len	target_off	target_len	in_title	event_id	plover_type	plover_mode	place_name	place_geonameid	place_admin1	place_country	place_lat	place_lon	place_level	place_source	quote"

# has_keys FILE: every output key appears on the first line of FILE.
has_keys() {
    line=$(head -n 1 "$1")
    for k in $KEYS; do
        case $line in *"\"$k\""*:*) ;; *) MISSING=$k; return 1 ;; esac
    done
    return 0
}

if [ ! -x "$DYAD" ]; then
    echo "not ok - dyad binary exists"
    echo "#   $DYAD not found"
    echo "cli: 0 passed, 1 failed"
    exit 1
fi

# --- inputs ------------------------------------------------------------
rec() { # rec ID TEXT: one JSON Lines record
    printf '{"id":"%s","date":"2025-03-04","source":"cli-test","title":"","text":"%s"}\n' "$1" "$2"
}
S1="Russian troops attacked Ukrainian soldiers near the border on Monday. France condemned the attack."
S2="The Chinese foreign minister visited Japan on Tuesday and met the Japanese prime minister."
S3="Police in Kenya arrested 12 protesters in Nairobi. Germany imposed sanctions on Iran."
rec t1 "$S1" > "$T/good.jsonl"
{ rec t1 "$S1"; printf '{"id":"t2","text": "unterminated\n'; rec t3 "$S3"; } > "$T/bad.jsonl"
printf '{"id":"u1","date":"20250101","source":"s","title":"t","text":"France \377\376 condemned \300\200 Germany. \355\240\200 Russia attacked Ukraine \370."}\n' \
    > "$T/badutf8.jsonl"
printf 'France \377 condemned Germany \300\200.\n\nRussia \355\240\200 attacked \376 Ukraine.\n' > "$T/badutf8.txt"

# 100000 bytes from a fixed Lehmer generator (exact in double arithmetic, so
# every awk gives the same bytes), written as octal
# escapes that printf turns back into bytes (NUL included).
# shellcheck disable=SC2059 # the octal escapes are the printf format on purpose
awk 'BEGIN { x = 12345; for (l = 0; l < 100; l++) { s = "";
        for (i = 0; i < 1000; i++) { x = (x * 48271) % 2147483647;
            s = s sprintf("\\%03o", int(x / 256) % 256) } print s } }' |
    while IFS= read -r line; do printf "$line"; done > "$T/garbage.bin"

# About 3 MB of words on one line, no sentence punctuation at all.
awk 'BEGIN { w = "france condemned germany and the troops of russia attacked ukraine while police in kenya arrested protesters ";
        s = w; while (length(s) < 65536) s = s s;
        for (i = 0; i < 29; i++) printf "%s", s; printf "\n" }' > "$T/long.txt"

: > "$T/empty.jsonl"

# A PETRARCH2-style verbs file whose only pattern (line 5) is broken: an
# unclosed phrase and no [code] at the end.
cat > "$T/bad_verbs.txt" <<'EOF'
####### VERB PATTERNS #######
---  CRITICIZE   [111]  ---
CONDEMN
CRITICIZE
- * {HARSH (AGAINST
EOF

# 120 documents for the thread test.
awk -v a="$S1" -v b="$S2" -v c="$S3" 'BEGIN {
    split("France Germany Russia China Japan Kenya Iran Turkey Egypt Brazil", n, " ");
    for (i = 1; i <= 120; i++) {
        x = n[(i % 10) + 1]; y = n[((i * 3) % 10) + 1];
        printf "{\"id\":\"m%03d\",\"date\":\"2025-%02d-%02d\",\"source\":\"cli-test\",\"title\":\"\",\"text\":\"%s %s condemned %s. %s\\n\\n%s\"}\n",
            i, (i % 12) + 1, (i % 28) + 1, (i % 2 ? a : b), x, y, c, (i % 3 ? b : a) }
}' > "$T/multi.jsonl"

# --- cases -------------------------------------------------------------

dy code "$T/good.jsonl"
MISSING=
if [ "$RC" = 0 ] && [ -s "$T/out" ] && has_keys "$T/out"; then
    ok "jsonl good record gives an event with all keys"
else
    notok "jsonl good record gives an event with all keys" "exit $RC, $(wc -l < "$T/out") lines, missing key: ${MISSING:-?}"
fi

$TO "$DYAD" code < "$T/good.jsonl" > "$T/out" 2> "$T/err"
RC=$?
if [ "$RC" = 0 ] && [ -s "$T/out" ]; then ok "stdin input is coded"; else notok "stdin input is coded" "exit $RC"; fi

dy code "$ROOT/examples/article.txt"
if [ "$RC" = 0 ] && [ -s "$T/out" ]; then ok "plain text article is coded"; else notok "plain text article is coded" "exit $RC"; fi

dy code "$T/bad.jsonl"
r=0
why=
[ "$RC" = 1 ] || { r=1; why="exit $RC, want 1"; }
grep -q "bad.jsonl:2:" "$T/err" || { r=1; why="$why; stderr lacks bad.jsonl:2:"; }
grep -q '"doc_id" *: *"t1"' "$T/out" || { r=1; why="$why; record t1 not coded"; }
grep -q '"doc_id" *: *"t3"' "$T/out" || { r=1; why="$why; record t3 not coded"; }
check "malformed JSON line is reported as FILE:2 and skipped" $r "$why"

dy code "$T/badutf8.jsonl"
if [ "$RC" = 0 ]; then ok "invalid UTF-8 in JSON text: exit 0"; else notok "invalid UTF-8 in JSON text: exit 0" "exit $RC"; fi

dy code "$T/badutf8.txt"
if [ "$RC" = 0 ]; then ok "invalid UTF-8 in plain text: exit 0"; else notok "invalid UTF-8 in plain text: exit 0" "exit $RC"; fi

dy code "$T/garbage.bin"
if [ "$RC" = 0 ] || { [ "$RC" = 1 ] && [ -s "$T/err" ]; }; then
    ok "binary garbage: no crash, exit 0 or 1 with a message"
else
    notok "binary garbage: no crash, exit 0 or 1 with a message" "exit $RC"
fi

t0=$(date +%s)
dy code "$T/long.txt"
t1=$(date +%s)
el=$((t1 - t0))
if ! crashed && [ "$RC" -le 1 ] && [ "$el" -le 20 ]; then
    ok "3 MB line without punctuation completes (${el} s)"
else
    notok "3 MB line without punctuation completes within 20 s" "exit $RC after ${el} s"
fi

dy code "$T/empty.jsonl"
if [ "$RC" = 0 ] && [ ! -s "$T/out" ]; then ok "empty file: exit 0, no output"; else notok "empty file: exit 0, no output" "exit $RC, $(wc -c < "$T/out") bytes out"; fi

dy code "$T/no-such-file.jsonl"
if [ "$RC" = 1 ] && grep -q "no-such-file.jsonl" "$T/err"; then
    ok "missing file is named on stderr, exit 1"
else
    notok "missing file is named on stderr, exit 1" "exit $RC"
fi

dy code --no-such-option "$T/good.jsonl"
if [ "$RC" = 2 ]; then ok "unknown option: exit 2"; else notok "unknown option: exit 2" "exit $RC"; fi

dy frobnicate
if [ "$RC" = 2 ]; then ok "unknown command: exit 2"; else notok "unknown command: exit 2" "exit $RC"; fi

dy code --verbs "$T/bad_verbs.txt" "$T/good.jsonl"
if [ "$RC" = 2 ] && grep -q "bad_verbs.txt:5:" "$T/err"; then
    ok "malformed verb pattern: FILE:LINE: on stderr, exit 2"
else
    notok "malformed verb pattern: FILE:LINE: on stderr, exit 2" "exit $RC, want 2 and bad_verbs.txt:5:"
fi

dy code --format tsv "$T/good.jsonl"
hdr=$(head -n 1 "$T/out")
r=0
for k in doc_id date source target code; do
    printf '%s\n' "$hdr" | tr '\t' '\n' | grep -qx "$k" || { r=1; MISSING=$k; }
done
case $hdr in *"	"*) ;; *) r=1 ;; esac
[ "$hdr" = "$TSV_HEADER" ] || r=1
[ "$RC" = 0 ] || r=1
check "--format tsv starts with a header of column names" $r "exit $RC, header: $(printf '%s' "$hdr" | head -c 120)"

# every line has as many fields as the header
if awk -F'\t' 'NR == 1 { n = NF } NF != n || n != 36 { exit 1 }' "$T/out" && [ "$(wc -l < "$T/out")" -ge 2 ]; then
    ok "--format tsv: every line has the header's 36 columns"
else
    notok "--format tsv: every line has the header's 36 columns" "$(awk -F'\t' '{ print NF }' "$T/out" | sort -u | tr '\n' ' ')"
fi

dy code --format json "$T/good.jsonl"
if [ "$RC" = 0 ] && has_keys "$T/out"; then ok "--format json"; else notok "--format json" "exit $RC"; fi

dy code --format xls "$T/good.jsonl"
if [ "$RC" = 2 ] && grep -q "unknown format 'xls'" "$T/err" &&
    grep -q "jsonl (json), tsv, csv, table" "$T/err" && [ ! -s "$T/out" ]; then
    ok "unknown --format lists the valid ones, exit 2"
else
    notok "unknown --format lists the valid ones, exit 2" "exit $RC"
fi

r=0
dy code --format table "$T/good.jsonl"; cp "$T/out" "$T/out.a"
dy code --table "$T/good.jsonl"
cmp -s "$T/out" "$T/out.a" && [ "$RC" = 0 ] && grep -q '^2 events from 1 document$' "$T/out" || r=1
dy code --format jsonl "$T/good.jsonl"; cp "$T/out" "$T/out.a"
dy code --format json "$T/good.jsonl"
cmp -s "$T/out" "$T/out.a" && [ "$RC" = 0 ] || r=1
check "--format table = --table, --format jsonl = --format json" $r "exit $RC"

# Spans are byte offsets into the document's text as the caller gave it:
# curly quotes (normalised to ASCII while coding) and an accented letter
# come before the event, so offsets of the normalised text would be wrong.
SPTEXT=$(printf '\342\200\234Talks failed,\342\200\235 a caf\303\251 owner said. France condemned Germany.')
printf '{"id":"sp1","date":"2025-03-04","text":"%s"}\n' "$SPTEXT" > "$T/spans.jsonl"
# span NAME: "OFF LEN" of the NAME_span key on the first output line
span() { sed -n "1s/.*\"$1_span\":\[\([0-9]*\),\([0-9]*\)\].*/\1 \2/p" "$T/out"; }
# bytes TEXT OFF LEN: the bytes TEXT[OFF..OFF+LEN)
bytes() { printf '%s' "$1" | cut -b "$(($2 + 1))-$(($2 + $3))"; }
dy code "$T/spans.jsonl"
r=0
why=
for k in sentence:"France condemned Germany." source:France verb:condemned target:Germany; do
    name=${k%%:*}
    want=${k#*:}
    sp=$(span "$name")
    got=
    # shellcheck disable=SC2086 # $sp is "OFF LEN"
    [ -n "$sp" ] && got=$(bytes "$SPTEXT" $sp)
    [ "$got" = "$want" ] || { r=1; why="$why ${name}_span gives '$got', want '$want';"; }
done
grep -q '"in_title":false,"event_id":"[0-9a-f]\{16\}","plover_type":"[A-Z]*","plover_mode":"[a-z-]*","place":\(null\|{.*}\),"quote":\(null\|[0-9]*\)}$' "$T/out" ||
    { r=1; why="$why no in_title:false, event_id, plover_type, plover_mode, place, quote at the end;"; }
[ "$RC" = 0 ] || r=1
check "JSON spans index the caller's bytes; in_title, event id, PLOVER, place and quote last" $r "exit $RC;$why"

dy code --format tsv "$T/spans.jsonl"
line=$(sed -n 2p "$T/out")
if [ "$RC" = 0 ] && [ "$(printf '%s\n' "$line" | cut -f 16-24)" = "$(printf '40\t25\t40\t6\t47\t9\t57\t7\t0')" ]; then
    ok "TSV span columns at the end"
else
    notok "TSV span columns at the end" "exit $RC, got: $(printf '%s\n' "$line" | cut -f 16-24)"
fi

# --- input formats ------------------------------------------------------
printf '{Reuters} France condemned Germany on Monday.\n' > "$T/brace.txt"
printf '<b>Breaking</b>: France condemned Germany on Monday.\n' > "$T/angle.txt"
cat > "$T/batch.xml" <<'EOF'
<?xml version="1.0"?>
<Sentences>
<Sentence date="20250304" id="x1" source="cli-test" sentence="True">
<Text>France condemned Germany on Monday.</Text>
</Sentence>
</Sentences>
EOF

dy code --date 2025-03-04 "$T/brace.txt"
if [ "$RC" = 0 ] && grep -q "\"doc_id\":\"$T/brace.txt\"" "$T/out" && [ ! -s "$T/err" ]; then
    ok "text starting with '{' is detected as text"
else
    notok "text starting with '{' is detected as text" "exit $RC"
fi

dy code --date 2025-03-04 "$T/angle.txt"
if [ "$RC" = 0 ] && grep -q "\"doc_id\":\"$T/angle.txt\"" "$T/out" && [ ! -s "$T/err" ]; then
    ok "text starting with '<' is detected as text"
else
    notok "text starting with '<' is detected as text" "exit $RC"
fi

dy code "$T/batch.xml"
if [ "$RC" = 0 ] && grep -q '"doc_id":"x1"' "$T/out"; then ok "PETRARCH2 batch XML is detected"; else notok "PETRARCH2 batch XML is detected" "exit $RC"; fi

r=0
for fmt in auto xml; do
    dy code --input-format $fmt "$T/batch.xml"
    [ "$RC" = 0 ] && grep -q '"doc_id":"x1"' "$T/out" || r=1
done
dy code --input-format jsonl "$T/good.jsonl"
[ "$RC" = 0 ] && grep -q '"doc_id":"t1"' "$T/out" || r=1
check "--input-format auto|xml|jsonl" $r "exit $RC"

dy code --input-format text "$T/good.jsonl"
if [ "$RC" = 0 ] && grep -q "\"doc_id\":\"$T/good.jsonl\"" "$T/out"; then
    ok "--input-format text reads a JSON Lines file as one text"
else
    notok "--input-format text reads a JSON Lines file as one text" "exit $RC"
fi

dy code --input-format jsonl "$T/brace.txt"
if [ "$RC" = 1 ] && grep -q "brace.txt:1: invalid JSON" "$T/err"; then
    ok "--input-format jsonl on text: FILE:1: invalid JSON, exit 1"
else
    notok "--input-format jsonl on text: FILE:1: invalid JSON, exit 1" "exit $RC"
fi

dy code --input-format csv "$T/good.jsonl"
if [ "$RC" = 2 ] && grep -q "unknown input format 'csv'" "$T/err" &&
    grep -q "auto, jsonl, xml, text" "$T/err"; then
    ok "unknown --input-format lists the valid ones, exit 2"
else
    notok "unknown --input-format lists the valid ones, exit 2" "exit $RC"
fi

dy explain "- France condemned Germany."
r=1; [ "$RC" = 0 ] && grep -q '^  FRA DEU 111 ' "$T/out" && r=0
check "explain: a sentence that starts with '-' is no option" $r "exit $RC"

dy explain "France condemned Germany on Monday."
r=0
for w in France condemned Germany Monday; do grep -qi "$w" "$T/out" || r=1; done
[ "$RC" = 0 ] || r=1
check "explain prints the tokens" $r "exit $RC"

dy dict
if [ "$RC" = 0 ] && grep -q '[0-9]' "$T/out"; then ok "dict prints counts"; else notok "dict prints counts" "exit $RC"; fi

dy code --threads 1 "$T/multi.jsonl"
cp "$T/out" "$T/out.t1"
rc1=$RC
dy code --threads 2 "$T/multi.jsonl"
if [ "$rc1" = 0 ] && [ "$RC" = 0 ] && [ -s "$T/out.t1" ] && cmp -s "$T/out.t1" "$T/out"; then
    ok "--threads 2 output identical to --threads 1"
else
    notok "--threads 2 output identical to --threads 1" "exit $rc1 / $RC, $(wc -l < "$T/out.t1") vs $(wc -l < "$T/out") lines"
fi

dy code --stats "$T/good.jsonl"
if [ "$RC" = 0 ] && grep -q '^dyad: [0-9]* documents, [0-9]* sentences, [0-9]* events, [0-9.]* s' "$T/err"; then
    ok "--stats line on stderr"
else
    notok "--stats line on stderr" "exit $RC"
fi

# More input files than the 1,024 an older dyad silently kept: every one of
# 1,500 one-record files is coded.
mkdir "$T/many"
awk -v d="$T/many" 'BEGIN { for (i = 1; i <= 1500; i++) {
        f = sprintf("%s/f%04d.jsonl", d, i);
        printf "{\"id\":\"f%04d\",\"date\":\"2025-03-04\",\"text\":\"France condemned Germany.\"}\n", i > f;
        close(f) } }'
dy code --stats "$T"/many/f*.jsonl
if [ "$RC" = 0 ] && grep -q '^dyad: 1500 documents,' "$T/err" &&
    [ "$(grep -c '"doc_id":"f' "$T/out")" = 1500 ] && grep -q '"doc_id":"f1500"' "$T/out"; then
    ok "1,500 input files are all coded"
else
    notok "1,500 input files are all coded" "exit $RC, $(grep -c '"doc_id":"f' "$T/out") documents with events"
fi

# --- dyad dict check ----------------------------------------------------
# Small invented dictionaries: a clean set, one with a warning only (a phrase
# defined twice with the same code) and one with an error (a pattern code
# missing from the CAMEO table, line 4).
cat > "$T/chk_verbs.txt" <<'EOF'
####### VERB PATTERNS #######
---  CRITICIZE   [111]  ---
CRITICIZE {CRITICIZES CRITICIZED CRITICIZING}
- * (OF CORRUPTION) [1121]
EOF
sed 's/\[1121\]/[1999]/' "$T/chk_verbs.txt" > "$T/chk_badcode.txt"
printf 'FRANCE [FRA]\nGERMANY [DEU]\n' > "$T/chk_actors.txt"
printf 'FRANCE [FRA]\nGERMANY [DEU]\nFRANCE [FRA]\n' > "$T/chk_dup.txt"
printf 'MINISTER [~GOV]\n' > "$T/chk_agents.txt"

dy dict check --verbs "$T/chk_verbs.txt" --actors "$T/chk_actors.txt" --agents "$T/chk_agents.txt"
if [ "$RC" = 0 ] && [ "$(cat "$T/out")" = "0 errors, 0 warnings" ]; then
    ok "dict check: clean dictionaries, exit 0"
else
    notok "dict check: clean dictionaries, exit 0" "exit $RC, last line: $(tail -n 1 "$T/out")"
fi

dy dict check --verbs "$T/chk_verbs.txt" --actors "$T/chk_dup.txt"
if [ "$RC" = 0 ] && grep -q "^$T/chk_dup.txt:3: duplicate: warning: actor phrase 'FRANCE'" "$T/out" &&
    [ "$(tail -n 1 "$T/out")" = "0 errors, 1 warnings" ]; then
    ok "dict check: warnings only, exit 0"
else
    notok "dict check: warnings only, exit 0" "exit $RC, last line: $(tail -n 1 "$T/out")"
fi

dy dict check --verbs "$T/chk_badcode.txt" --actors "$T/chk_actors.txt"
if [ "$RC" = 1 ] && grep -q "^$T/chk_badcode.txt:4: unknown-code: error: .*\[1999\]" "$T/out" &&
    [ "$(tail -n 1 "$T/out")" = "1 errors, 0 warnings" ]; then
    ok "dict check: an error gives FILE:LINE: kind and exit 1"
else
    notok "dict check: an error gives FILE:LINE: kind and exit 1" "exit $RC, last line: $(tail -n 1 "$T/out")"
fi

dy dict check --verbs "$T/bad_verbs.txt"
if [ "$RC" = 2 ] && grep -q "bad_verbs.txt:5:" "$T/err"; then
    ok "dict check: load failure, exit 2"
else
    notok "dict check: load failure, exit 2" "exit $RC"
fi

dy dict check --no-such-option
if [ "$RC" = 2 ]; then ok "dict check: unknown option, exit 2"; else notok "dict check: unknown option, exit 2" "exit $RC"; fi

# The bundled set may have findings (data/dict changes often); the output
# must still be well formed and the exit status 0 or 1.
dy dict check
if { [ "$RC" = 0 ] || [ "$RC" = 1 ]; } && tail -n 1 "$T/out" | grep -q '^[0-9]* errors, [0-9]* warnings$' &&
    ! sed '$d' "$T/out" | grep -qv '^<bundled>/[^:]*:[0-9]*: [a-z-]*: [a-z]*: '; then
    ok "dict check: bundled dictionaries, well-formed findings"
else
    notok "dict check: bundled dictionaries, well-formed findings" "exit $RC, last line: $(tail -n 1 "$T/out")"
fi

PHX=$ROOT/../shared/dictionaries/phoenix
if [ -d "$PHX" ]; then
    dy dict check --dict "$PHX"
    if [ "$RC" = 1 ] && tail -n 1 "$T/out" | grep -q '^[1-9][0-9]* errors, [0-9]* warnings$'; then
        ok "dict check: Phoenix dictionaries report errors, exit 1"
    else
        notok "dict check: Phoenix dictionaries report errors, exit 1" "exit $RC, last line: $(tail -n 1 "$T/out")"
    fi
fi

# --- TABARI projects (dictionaries written here, not TABARI's own) ------
mkdir -p "$T/tab"
printf 'VALDORIA_ [VAL]\nKESTRI [KES]\n' > "$T/tab/t.actors"
printf 'POLICE_ [~COP]\n' > "$T/tab/t.agents"
printf 'DENOUNCE [111]\n- * TRUCE_TERMS [0871]\n' > "$T/tab/t.verbs"
printf 'SET: MINIMUM WORDS = 3\n' > "$T/tab/t.options"
printf 'test project\n<actorsfile> t.actors\n<agentsfile> t.agents\n<verbsfile> t.verbs\n<optionsfile> t.options\n' > "$T/tab/t.project"
rec tab-1 "Valdoria police denounced the truce terms of Kestria." > "$T/tab/in.jsonl"
dy code --dict "$T/tab/t.project" --format tabari "$T/tab/in.jsonl"
r=1; [ "$RC" = 0 ] && [ "$(cat "$T/out")" = "$(printf '250304\tVALCOP\tKES\t0871\ttab-1')" ] && r=0
check "TABARI project: --dict FILE.project, --format tabari" $r "exit $RC, out: $(head -c 200 "$T/out")"
dy code --dict "$T/tab" --format tabari "$T/tab/in.jsonl"
r=1; [ "$RC" = 0 ] && grep -q 'VALCOP' "$T/out" && r=0
check "TABARI project: --dict FOLDER with one .project" $r "exit $RC"
printf 'DENOUNCE [111]\n- * TRUCE_TERMS\n' > "$T/tab/t.verbs"
dy code --dict "$T/tab/t.project" "$T/tab/in.jsonl"
r=1; [ "$RC" = 2 ] && grep -q 't.verbs:2: pattern without \[code\]' "$T/err" && r=0
check "TABARI: a malformed verbs line fails with file:line" $r "exit $RC"

# --- the command line: help, options, output, status (issue 12) ---------
CMDS="code export stats explain dict eval validate cases"
r=0
why=
for c in $CMDS "dict check"; do
    # shellcheck disable=SC2086 # "dict check" is two words
    dy help $c
    [ "$RC" = 0 ] && grep -q "^usage: dyad $c " "$T/out" && grep -q -- '-o, --output FILE' "$T/out" ||
        { r=1; why="$why help $c: exit $RC;"; }
    cp "$T/out" "$T/help.a"
    # shellcheck disable=SC2086
    dy $c --help
    [ "$RC" = 0 ] && cmp -s "$T/out" "$T/help.a" || { r=1; why="$why $c --help differs;"; }
    # shellcheck disable=SC2086
    dy $c -h
    [ "$RC" = 0 ] && cmp -s "$T/out" "$T/help.a" || { r=1; why="$why $c -h differs;"; }
done
check "dyad help CMD = CMD --help = CMD -h, for every command" $r "$why"

dy --version
r=1; [ "$RC" = 0 ] && grep -q '^dyad [0-9][0-9.]*$' "$T/out" && r=0
check "--version" $r "exit $RC: $(cat "$T/out")"

dy cdoe "$T/good.jsonl"
r=1; [ "$RC" = 2 ] && grep -q "unknown command 'cdoe' (did you mean 'code'?)" "$T/err" && r=0
check "a misspelt command: did you mean, exit 2" $r "exit $RC"
dy help expalin
r=1; [ "$RC" = 2 ] && grep -q "did you mean 'explain'" "$T/err" && r=0
check "help of a misspelt command: did you mean, exit 2" $r "exit $RC"

r=0
why=
dy code --formt tsv "$T/good.jsonl"
[ "$RC" = 2 ] && grep -q "unknown option '--formt' (did you mean --format?)" "$T/err" || { r=1; why="$why --formt: exit $RC;"; }
dy explain --dte 20250101 "France condemned Germany."
[ "$RC" = 2 ] && grep -q "did you mean --date?" "$T/err" || { r=1; why="$why --dte: exit $RC;"; }
dy export --db "$T/x.sqlite" --dedupe
[ "$RC" = 2 ] && grep -q "did you mean --dedup?" "$T/err" || { r=1; why="$why --dedupe: exit $RC;"; }
dy dict --dcit "$T"
[ "$RC" = 2 ] && grep -q "did you mean --dict?" "$T/err" || { r=1; why="$why --dcit: exit $RC;"; }
check "a misspelt option: did you mean, exit 2 (code, explain, export, dict)" $r "$why"

r=0
why=
dy code --format tsv "$T/good.jsonl"; cp "$T/out" "$T/out.a"
dy code --format=tsv "$T/good.jsonl"
[ "$RC" = 0 ] && cmp -s "$T/out" "$T/out.a" || { r=1; why="$why --format=tsv: exit $RC;"; }
dy code --threads=1 --input-format=jsonl --format=tsv "$T/good.jsonl"
[ "$RC" = 0 ] && cmp -s "$T/out" "$T/out.a" || { r=1; why="$why --threads=1: exit $RC;"; }
dy code --stats=yes "$T/good.jsonl"
[ "$RC" = 2 ] && grep -q "option --stats takes no value" "$T/err" || { r=1; why="$why --stats=yes: exit $RC;"; }
dy code "$T/good.jsonl" --format
[ "$RC" = 2 ] && grep -q "option --format needs a value" "$T/err" || { r=1; why="$why --format at the end: exit $RC;"; }
check "--opt=value, a flag given a value, an option without its value" $r "$why"

r=0
why=
dy code --threads 0 "$T/good.jsonl"
[ "$RC" = 2 ] && grep -q "1..256" "$T/err" || { r=1; why="$why threads;"; }
dy code --model grammar "$T/good.jsonl"
[ "$RC" = 2 ] && grep -q "clause, linear or tabari" "$T/err" || { r=1; why="$why model;"; }
dy code --date 2025-13-45 "$T/good.jsonl"
[ "$RC" = 2 ] && grep -q "invalid date '2025-13-45' (YYYY-MM-DD or YYYYMMDD)" "$T/err" || { r=1; why="$why date;"; }
dy stats --db "$T/x.sqlite" --by fortnight
[ "$RC" = 2 ] && grep -q "day, week, month or year" "$T/err" || { r=1; why="$why by;"; }
dy eval --split train "$T/good.jsonl"
[ "$RC" = 2 ] && grep -q "dev or test" "$T/err" || { r=1; why="$why split;"; }
check "a bad value lists the valid ones, exit 2" $r "$why"

# -o FILE: the output in FILE, nothing on stdout; a usage error leaves
# FILE alone; a FILE that cannot be written is exit 3 with the reason
dy code -o "$T/o.jsonl" "$T/good.jsonl"
r=0
[ "$RC" = 0 ] && [ ! -s "$T/out" ] && has_keys "$T/o.jsonl" || r=1
echo keep > "$T/o.keep"
dy code -o "$T/o.keep" --format xls "$T/good.jsonl"
[ "$RC" = 2 ] && [ "$(cat "$T/o.keep")" = keep ] || r=1
dy code --output="$T/nodir/o.jsonl" "$T/good.jsonl"
[ "$RC" = 3 ] && grep -q "nodir/o.jsonl: cannot open for writing: No such file or directory" "$T/err" || r=1
dy dict -o "$T/o.dict"
[ "$RC" = 0 ] && grep -q '^verb patterns' "$T/o.dict" && [ ! -s "$T/out" ] || r=1
check "-o FILE (and --output=FILE): written, untouched on a usage error, exit 3 when unwritable" $r "exit $RC"

# output failures: exit 3 with the reason, for every command that writes
printf '2025-03-04\tFrance condemned Germany.\tFRA DEU 111\n' > "$T/one.tsv"
printf '{"id":"g","date":"2025-03-04","text":"France condemned Germany.","events":[{"source":"FRA","target":"DEU","code":"111"}]}\n' > "$T/gold.jsonl"
if [ -w /dev/full ]; then
    r=0
    why=
    "$DYAD" code --db "$T/full.sqlite" "$T/multi.jsonl" > /dev/null 2>&1
    for args in "--help" "help code" "--version" "code $T/good.jsonl" "code --format tsv $T/good.jsonl" \
        "code --help" "dict" "dict check" "explain" "eval $T/gold.jsonl" \
        "cases $T/one.tsv" "export --db $T/full.sqlite" "stats --db $T/full.sqlite"; do
        if [ "$args" = explain ]; then
            $TO "$DYAD" explain "France condemned Germany." > /dev/full 2> "$T/err"
        else
            # shellcheck disable=SC2086 # word splitting on purpose
            $TO "$DYAD" $args > /dev/full 2> "$T/err"
        fi
        RC=$?
        [ "$RC" = 3 ] && grep -q 'write error on standard output: No space left on device' "$T/err" ||
            { r=1; why="$why '$args': exit $RC;"; }
    done
    check "every command to /dev/full: exit 3, 'No space left on device'" $r "$why"
fi

dy code "$T"
r=1; [ "$RC" = 1 ] && grep -q "$T: cannot read: Is a directory" "$T/err" && r=0
check "a directory as input: 'Is a directory', exit 1" $r "exit $RC"
$TO "$DYAD" code < "$T" > "$T/out" 2> "$T/err"
RC=$?
r=1; [ "$RC" = 1 ] && grep -q "<stdin>: cannot read: Is a directory" "$T/err" && r=0
check "a directory as standard input: 'Is a directory', exit 1" $r "exit $RC"

# plain text: --date and --publisher; undated documents counted in a warning
printf 'France condemned Germany on Monday.\n' > "$T/plain.txt"
dy code "$T/plain.txt"
r=0
[ "$RC" = 0 ] && grep -q '"date":""' "$T/out" && ! grep -q '"publisher"' "$T/out" &&
    grep -q '^dyad: warning: 1 of 1 documents had no date' "$T/err" || r=1
dy code --date 2025-03-04 --publisher "Wire, Evening" "$T/plain.txt"
[ "$RC" = 0 ] && grep -q '"date":"20250304"' "$T/out" && grep -q '"publisher":"Wire, Evening"' "$T/out" &&
    [ ! -s "$T/err" ] || r=1
dy code --date 2020-01-01 "$T/good.jsonl"
[ "$RC" = 0 ] && grep -q '"date":"20250304"' "$T/out" || r=1   # a record's own date wins
{ rec d1 "$S1"; printf '{"id":"d2","text":"%s"}\n' "$S3"; } > "$T/half.jsonl"
dy code "$T/half.jsonl"
[ "$RC" = 0 ] && grep -q '^dyad: warning: 1 of 2 documents had no date' "$T/err" || r=1
check "--date and --publisher for plain text; undated documents counted in a warning" $r "exit $RC"

# input fields pass through to JSON: publisher, title, url; --fields the rest
printf '{"id":"p1","date":"2025-03-04","source":"wire","title":"Paris and Berlin","url":"https://news.example/p1","lang":"en","tags":["a",1],"text":"France condemned Germany."}\n' > "$T/pass.jsonl"
dy code "$T/pass.jsonl"
r=0
grep -q '"plover_mode":"[a-z-]*","place":\(null\|{[^}]*}\),"quote":\(null\|[0-9]*\),"publisher":"wire","title":"Paris and Berlin","url":"https://news.example/p1"}$' "$T/out" || r=1
grep -q '"fields"' "$T/out" && r=1
dy code --fields --threads 1 "$T/pass.jsonl"
grep -q '"url":"https://news.example/p1","fields":{"lang":"en","tags":\["a",1\]}}$' "$T/out" || r=1
cp "$T/out" "$T/out.a"
dy code --fields --threads 2 "$T/pass.jsonl"
cmp -s "$T/out" "$T/out.a" || r=1
dy code --format tsv "$T/pass.jsonl"
[ "$(head -n 1 "$T/out")" = "$TSV_HEADER" ] || r=1
check "JSON passes publisher, title and url through, --fields every other key; TSV columns unchanged" $r "exit $RC: $(head -c 300 "$T/out")"

# dictionaries, gold and validation records with nothing in them
mkdir -p "$T/emptydict"
: > "$T/emptydict/x.actors.txt"
: > "$T/emptydict/x.verbs.txt"
r=0
dy dict --dict "$T/emptydict"
[ "$RC" = 2 ] && grep -q 'hold no entry dyad can read' "$T/err" || r=1
dy code --dict "$T/emptydict" "$T/good.jsonl"
[ "$RC" = 2 ] && [ ! -s "$T/out" ] || r=1
dy code --actors "$T/chk_actors.txt" "$T/good.jsonl"
[ "$RC" = 2 ] && grep -q 'no verbs, so nothing can be coded' "$T/err" || r=1
dy code --verbs "$T/chk_verbs.txt" "$T/good.jsonl"
[ "$RC" = 2 ] && grep -q 'no actors or agents, so nothing can be coded' "$T/err" || r=1
dy dict --verbs "$T/chk_verbs.txt"
[ "$RC" = 0 ] || r=1    # a verb file alone can be looked at
check "dictionaries that hold nothing, or nothing to code with: exit 2" $r "exit $RC"

r=0
dy eval "$T/good.jsonl"
[ "$RC" = 1 ] && grep -q 'no gold events to score' "$T/err" || r=1
printf '{"id":"e","text":"Nothing happened.","events":[]}\n' > "$T/nogold.jsonl"
dy eval "$T/nogold.jsonl"
[ "$RC" = 1 ] && grep -q 'no gold events to score (1 records read, 0 skipped)' "$T/err" || r=1
dy eval "$T/gold.jsonl"
[ "$RC" = 0 ] && tail -n 1 "$T/out" | grep -q '^L1 F1 1.000, L2 F1 1.000$' || r=1
{ cat "$T/gold.jsonl"; echo '{"id":"broken"'; } > "$T/gold2.jsonl"
dy eval "$T/gold2.jsonl"
[ "$RC" = 1 ] && grep -q 'gold2.jsonl:2: .*record skipped' "$T/err" || r=1
check "eval: no gold events is an error, a skipped record exit 1" $r "exit $RC"

r=0
: > "$T/nocase.tsv"
dy cases "$T/nocase.tsv"
[ "$RC" = 1 ] && grep -q 'no case to check' "$T/err" || r=1
dy cases "$T/one.tsv"
[ "$RC" = 0 ] || r=1
check "cases: nothing to check is an error" $r "exit $RC"
if [ -f "$CONF" ]; then
    dy validate "$CONF" --category NO-SUCH-CATEGORY
    r=1; [ "$RC" = 1 ] && grep -q 'no record to check in category NO-SUCH-CATEGORY' "$T/err" && r=0
    check "validate: nothing to check is an error" $r "exit $RC"
fi

echo "cli: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
