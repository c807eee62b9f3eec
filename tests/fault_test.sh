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

# --- 2. threads that cannot be started ------------------------------------
# RLIMIT_NPROC (ulimit -u) counts the processes and threads of a user; root
# is exempt from it, so as root the command runs as nobody. With room for
# no thread at all `dyad code --threads 8` used to wait forever for workers
# that did not exist; with room for some it joined threads never created.
# Now it warns and codes with the threads it has, writing the same bytes.
NPROC_RUN=""
if command -v prlimit >/dev/null 2>&1; then
    if [ "$(id -u)" != 0 ]; then
        NPROC_RUN="prlimit"
    elif command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
        NPROC_RUN="setpriv --reuid=nobody --regid=$(id -g nobody) --clear-groups prlimit"
    fi
fi
chmod 755 "$T"
cp "$ROOT/examples/article.jsonl" "$T/article.jsonl"
chmod 644 "$T/article.jsonl"
"$DYAD" code --threads 1 "$T/article.jsonl" > "$T/one.out" 2>/dev/null
if [ -z "$NPROC_RUN" ]; then
    skip "threads under ulimit -u" "no prlimit, or root without setpriv and nobody"
elif ! $NPROC_RUN --nproc=1 "$DYAD" code --threads 1 "$T/article.jsonl" > /dev/null 2>&1; then
    skip "threads under ulimit -u" "$DYAD cannot run as $NPROC_RUN"
else
    for n in 1 3; do
        # shellcheck disable=SC2086
        ${TO:+timeout 30} $NPROC_RUN --nproc=$n "$DYAD" code --threads 8 "$T/article.jsonl" > "$T/out" 2> "$T/err"
        RC=$?
        name="--threads 8 with room for $((n - 1)) threads"
        if [ "$RC" = 0 ] && cmp -s "$T/out" "$T/one.out" &&
            grep -q "warning: could start only $((n - 1)) of 8 threads" "$T/err"; then
            ok "$name: warns, codes, same output"
        else
            notok "$name: warns, codes, same output" "exit status $RC (124: hung)"
        fi
    done
fi

# --- 3. JSON Lines: size limit, allocation failure, \u0000 -------------------
# A 50 MB record took 2.9 GB to code; records are limited to 8 MB
# (READER_RECORD_MAX): the long one is rejected with its line and the next
# one is coded, within 1 GB of address space.
{
    printf '{"id":"big","text":"'
    head -c 50000000 /dev/zero | tr '\0' 'a'
    printf '"}\n{"id":"after","text":"Iran accused Iraq of attacks."}\n'
} > "$T/big.jsonl"
if [ "$ASAN" = 1 ]; then
    dy code --threads 1 "$T/big.jsonl"
else
    limited "-v 1000000" code --threads 1 "$T/big.jsonl"
fi
if [ "$RC" = 1 ] && grep -q 'big.jsonl:1: record longer than 8 MB' "$T/err" &&
    grep -q '"doc_id":"after"' "$T/out"; then
    ok "a 50 MB JSON line is rejected with its line number, the next is coded"
else
    notok "a 50 MB JSON line is rejected with its line number, the next is coded" "exit status $RC"
fi
rm -f "$T/big.jsonl"

# A line that cannot be allocated was taken for the end of the input: exit 0,
# the records after it silently lost. The smallest address space in which
# dyad codes a small file is found first; 4 MB more cannot hold a 7 MB line.
{
    printf '{"id":"a","text":"Iran accused Iraq of attacks."}\n{"id":"b","text":"'
    head -c 7000000 /dev/zero | tr '\0' 'a'
    printf '"}\n{"id":"c","text":"France accused Germany of attacks."}\n'
} > "$T/oom.jsonl"
if [ "$ASAN" = 1 ]; then
    skip "allocation failure in the JSON Lines reader" "ulimit -v under AddressSanitizer"
else
    v=20000
    while [ $v -lt 400000 ]; do
        (ulimit -v $v && "$DYAD" code --threads 1 "$T/article.jsonl") > /dev/null 2>&1 && break
        v=$((v + 2000))
    done
    limited "-v $((v + 4000))" code --threads 1 "$T/oom.jsonl"
    if [ "$RC" = 1 ] && grep -q 'oom.jsonl:2: out of memory' "$T/err" &&
        grep -q '"doc_id":"a"' "$T/out" && grep -q '"doc_id":"c"' "$T/out"; then
        ok "a JSON line that cannot be allocated is reported, the next is coded"
    else
        notok "a JSON line that cannot be allocated is reported, the next is coded" \
            "exit status $RC under ulimit -v $((v + 4000))"
    fi
fi
rm -f "$T/oom.jsonl"

# JSON's \u0000 decodes to NUL, which is valid UTF-8: no warning.
printf '{"id":"n","text":"Iran\\u0000 accused Iraq of attacks."}\n' > "$T/nul.jsonl"
dy code "$T/nul.jsonl"
if [ "$RC" = 0 ] && ! grep -q 'invalid UTF-8' "$T/err" && grep -q '"code":"112"' "$T/out"; then
    ok "\\u0000 in a JSON text is not invalid UTF-8"
else
    notok "\\u0000 in a JSON text is not invalid UTF-8" "exit status $RC"
fi

# --- 3b. PETRARCH2 XML: an error loses only its record -----------------------
# One &#0; (not an XML character) is a fatal error in libxml2, and every
# record after it was lost; now the reader resumes after the record.
{
    printf '<?xml version="1.0"?>\n<Sentences>\n'
    i=1
    while [ $i -le 300 ]; do
        printf '<Sentence id="s%d" date="20160101"><Text>Iran accused Iraq of attacks.</Text></Sentence>\n' $i
        i=$((i + 1))
    done
    printf '<Sentence id="bad"><Text>Iran &#0; Iraq</Text></Sentence>\n'
    while [ $i -le 400 ]; do
        printf '<Sentence id="s%d" date="20160101"><Text>Iran accused Iraq of attacks.</Text></Sentence>\n' $i
        i=$((i + 1))
    done
    printf '</Sentences>\n'
} > "$T/nul.xml"
dy code --stats "$T/nul.xml"
if [ "$RC" = 1 ] && grep -q 'nul.xml:303: XML: .*value 0' "$T/err" &&
    grep -q 'dyad: 400 documents' "$T/err" && grep -q '"doc_id":"s400"' "$T/out"; then
    ok "&#0; in PETRARCH2 XML loses only its record"
else
    notok "&#0; in PETRARCH2 XML loses only its record" "exit status $RC"
fi

# --- 4. dictionary files: size limit -----------------------------------------
# A 2 GB (sparse) dictionary file was read up to the old 256 MB limit
# before it failed; now its size is judged before a byte is read: exit 2,
# at once, within 200 MB of address space.
if command -v truncate >/dev/null 2>&1 && truncate -s 2G "$T/huge.actors.txt" 2>/dev/null; then
    if [ "$ASAN" = 1 ]; then
        dy dict --actors "$T/huge.actors.txt"
    else
        limited "-v 200000" dict --actors "$T/huge.actors.txt"
    fi
    if [ "$RC" = 2 ] && grep -q 'huge.actors.txt: larger than 64 MB: not a dictionary' "$T/err"; then
        ok "a 2 GB dictionary file is refused unread"
    else
        notok "a 2 GB dictionary file is refused unread" "exit status $RC"
    fi
    rm -f "$T/huge.actors.txt"
else
    skip "a 2 GB dictionary file is refused unread" "cannot make a sparse file"
fi

echo "fault: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
