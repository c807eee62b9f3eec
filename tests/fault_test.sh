#!/bin/sh
# tests/fault_test.sh BUILD_DIR -- faults of issues 14 and 12, from the outside:
# hostile text that made pattern matching cost seconds per KB, thread
# creation failing under a low `ulimit -u`, allocation failures under a low
# `ulimit -v`, oversized records and dictionary files, and broken XML and
# JSON input; and (issue 12, section 5) /dev/full, closed standard output
# and input, SIGPIPE, a directory, a FIFO, an unreadable file, a 2 GB
# sparse file, a 50 MB XML field, 100,000 tiny records, deep JSON nesting,
# NUL bytes and a sweep of low `ulimit -v`. Each case checks the documented
# status and message: never a
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

# --- 5. issue 12: outputs, odd inputs, limits --------------------------------
# Each case: the documented exit status (0 all coded, 1 records rejected, 3
# output failed, 4 out of memory; man dyad, EXIT STATUS) and a message that
# says what happened, never a crash (a status of 128 or more) or a hang
# (timeout's 124).
TO30=
command -v timeout >/dev/null 2>&1 && TO30="timeout 30"
# a few thousand small documents with events, for the output cases
awk 'BEGIN { for (i = 1; i <= 3000; i++)
    printf "{\"id\":\"o%d\",\"date\":\"2025-03-04\",\"text\":\"France condemned Germany. Russia attacked Ukraine.\"}\n", i }' > "$T/many.jsonl"

# /dev/full: exit 3 with the reason, and reading stops (not every record
# coded into a full disk)
if [ -w /dev/full ]; then
    for th in 1 2; do
        $TO30 "$DYAD" code --threads $th --stats "$T/many.jsonl" > /dev/full 2> "$T/err"
        RC=$?
        name="code --threads $th to /dev/full: exit 3, 'No space left on device', stops early"
        if [ "$RC" = 3 ] && grep -q '^dyad: code: write error on standard output: No space left on device$' "$T/err" &&
            ! grep -q 'dyad: 3000 documents' "$T/err"; then
            ok "$name"
        else
            notok "$name" "exit status $RC"
        fi
    done
else
    skip "code to /dev/full" "no writable /dev/full"
fi

# standard output closed (>&-): nothing can be written, exit 3
$TO30 "$DYAD" code "$T/article.jsonl" >&- 2> "$T/err"
RC=$?
if [ "$RC" = 3 ] && grep -q 'write error on standard output: Bad file descriptor' "$T/err"; then
    ok "standard output closed: exit 3, 'Bad file descriptor'"
else
    notok "standard output closed: exit 3, 'Bad file descriptor'" "exit status $RC"
fi
# closed output and an input file: the input must not become the output
cp "$T/article.jsonl" "$T/keep.jsonl"
$TO30 "$DYAD" code --threads 1 "$T/keep.jsonl" >&- 2> "$T/err"
RC=$?
if [ "$RC" = 3 ] && cmp -s "$T/keep.jsonl" "$T/article.jsonl"; then
    ok "standard output closed, a file named: the file is not written to"
else
    notok "standard output closed, a file named: the file is not written to" "exit status $RC"
fi
# standard input closed: a read error with its reason, exit 1
$TO30 "$DYAD" code <&- > "$T/out" 2> "$T/err"
RC=$?
if [ "$RC" = 1 ] && grep -q 'read error: Bad file descriptor' "$T/err"; then
    ok "standard input closed: exit 1, 'read error: Bad file descriptor'"
else
    notok "standard input closed: exit 1, 'read error: Bad file descriptor'" "exit status $RC"
fi

# SIGPIPE: `dyad code | head -n 1` ends dyad by SIGPIPE at once, as it
# does any filter; with SIGPIPE ignored (some process managers do that)
# the write fails with EPIPE: exit 3, 'Broken pipe'
rc_file=$T/pipe.rc
( $TO30 "$DYAD" code --threads 1 "$T/many.jsonl" 2> "$T/err"; echo $? > "$rc_file" ) | head -n 1 > "$T/out"
RC=$(cat "$rc_file")
if [ "$RC" = 141 ] && [ "$(wc -l < "$T/out")" = 1 ]; then
    ok "a closed pipe: ended by SIGPIPE (141), as any filter"
else
    notok "a closed pipe: ended by SIGPIPE (141), as any filter" "exit status $RC"
fi
( trap '' PIPE; $TO30 "$DYAD" code --threads 2 "$T/many.jsonl" 2> "$T/err"; echo $? > "$rc_file" ) | head -n 1 > "$T/out"
RC=$(cat "$rc_file")
if [ "$RC" = 3 ] && grep -q 'write error on standard output: Broken pipe' "$T/err"; then
    ok "a closed pipe with SIGPIPE ignored: exit 3, 'Broken pipe'"
else
    notok "a closed pipe with SIGPIPE ignored: exit 3, 'Broken pipe'" "exit status $RC"
fi

# a directory: named, 'Is a directory', the other files coded, exit 1
mkdir -p "$T/adir"
dy code "$T/adir" "$T/article.jsonl"
if [ "$RC" = 1 ] && grep -q "adir: cannot read: Is a directory" "$T/err" && [ -s "$T/out" ]; then
    ok "a directory among the inputs: 'Is a directory', the rest coded, exit 1"
else
    notok "a directory among the inputs: 'Is a directory', the rest coded, exit 1" "exit status $RC"
fi

# a FIFO is read as a pipe, as it is written
if command -v mkfifo >/dev/null 2>&1 && mkfifo "$T/fifo" 2>/dev/null; then
    cat "$T/article.jsonl" > "$T/fifo" &
    dy code --threads 1 "$T/fifo"
    wait
    if [ "$RC" = 0 ] && cmp -s "$T/out" "$T/one.out"; then
        ok "a FIFO is coded as the file would be"
    else
        notok "a FIFO is coded as the file would be" "exit status $RC"
    fi
    rm -f "$T/fifo"
else
    skip "a FIFO" "no mkfifo"
fi

# an unreadable file: 'Permission denied', the other files coded, exit 1
# (as root permissions do not apply: run as nobody when possible)
cp "$T/article.jsonl" "$T/secret.jsonl"
chmod 000 "$T/secret.jsonl"
AS=""
if [ "$(id -u)" = 0 ]; then
    if command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
        AS="setpriv --reuid=nobody --regid=$(id -g nobody) --clear-groups"
    fi
fi
if [ "$(id -u)" = 0 ] && [ -z "$AS" ]; then
    skip "an unreadable file" "root without setpriv and nobody"
elif ! $AS "$DYAD" --version > /dev/null 2>&1; then
    skip "an unreadable file" "$DYAD cannot run as nobody"
else
    # shellcheck disable=SC2086
    $TO30 $AS "$DYAD" code --threads 1 "$T/secret.jsonl" "$T/article.jsonl" > "$T/out" 2> "$T/err"
    RC=$?
    if [ "$RC" = 1 ] && grep -q "secret.jsonl: cannot open: Permission denied" "$T/err" &&
        cmp -s "$T/out" "$T/one.out"; then
        ok "an unreadable file: 'Permission denied', the rest coded, exit 1"
    else
        notok "an unreadable file: 'Permission denied', the rest coded, exit 1" "exit status $RC"
    fi
fi
rm -f "$T/secret.jsonl"

# a 2 GB sparse file as input: a plain-text document over 64 MB is
# rejected after reading 64 MB, in bounded memory and time
if truncate -s 2G "$T/sparse.txt" 2>/dev/null; then
    if [ "$ASAN" = 1 ]; then
        dy code "$T/sparse.txt" "$T/article.jsonl"
    else
        limited "-v 400000" code "$T/sparse.txt" "$T/article.jsonl"
    fi
    if [ "$RC" = 1 ] && grep -q 'sparse.txt:1: document larger than 64 MB' "$T/err" && [ -s "$T/out" ]; then
        ok "a 2 GB sparse input file: rejected (over 64 MB), bounded, the rest coded"
    else
        notok "a 2 GB sparse input file: rejected (over 64 MB), bounded, the rest coded" "exit status $RC"
    fi
    rm -f "$T/sparse.txt"
else
    skip "a 2 GB sparse input file" "cannot make a sparse file"
fi

# a 50 MB field of XML: the <Text> is rejected, the records after it coded
{
    printf '<?xml version="1.0"?>\n<Sentences>\n<Sentence id="big" date="20160101"><Text>'
    head -c 50000000 /dev/zero | tr '\0' 'a'
    printf '</Text></Sentence>\n<Sentence id="after" date="20160101"><Text>Iran accused Iraq of attacks.</Text></Sentence>\n</Sentences>\n'
} > "$T/big.xml"
if [ "$ASAN" = 1 ]; then
    dy code --threads 1 "$T/big.xml"
else
    limited "-v 1000000" code --threads 1 "$T/big.xml"
fi
if [ "$RC" = 1 ] && grep -q 'big.xml:3: .*longer than 8 MB' "$T/err" && grep -q '"doc_id":"after"' "$T/out"; then
    ok "a 50 MB XML <Text>: rejected with its line, the next record coded"
else
    notok "a 50 MB XML <Text>: rejected with its line, the next record coded" "exit status $RC"
fi
rm -f "$T/big.xml"

# 100,000 tiny records: all coded, in bounded time and memory
awk 'BEGIN { for (i = 1; i <= 100000; i++)
    printf "{\"id\":\"t%d\",\"date\":\"2025-03-04\",\"text\":\"France condemned Germany.\"}\n", i }' > "$T/tiny.jsonl"
if [ "$ASAN" = 1 ]; then
    dy code --stats "$T/tiny.jsonl"
else
    limited "-v 600000" code --stats "$T/tiny.jsonl"
fi
if [ "$RC" = 0 ] && grep -q '^dyad: 100000 documents, 100000 sentences, 100000 events' "$T/err" &&
    [ "$(wc -l < "$T/out")" = 100000 ]; then
    ok "100,000 tiny records: every one coded"
else
    notok "100,000 tiny records: every one coded" "exit status $RC, $(wc -l < "$T/out") events"
fi
rm -f "$T/tiny.jsonl"

# deep JSON nesting: the line is rejected by the parser's depth limit (no
# stack overflow), the next line coded
awk 'BEGIN { s = ""; for (i = 0; i < 200000; i++) s = s "["; t = "";
    for (i = 0; i < 200000; i++) t = t "]";
    printf "{\"id\":\"deep\",\"text\":\"x\",\"meta\":%s%s}\n", s, t;
    printf "{\"id\":\"after\",\"date\":\"2025-03-04\",\"text\":\"France condemned Germany.\"}\n" }' > "$T/deep.jsonl"
dy code "$T/deep.jsonl"
if [ "$RC" = 1 ] && grep -q 'deep.jsonl:1: invalid JSON: maximum parsing depth reached' "$T/err" &&
    grep -q '"doc_id":"after"' "$T/out"; then
    ok "deep JSON nesting: the line rejected (depth limit), the next coded"
else
    notok "deep JSON nesting: the line rejected (depth limit), the next coded" "exit status $RC"
fi

# NUL bytes: a raw NUL in a JSON line is invalid JSON (rejected, with its
# column); in plain text it is one more byte of the text
printf '{"id":"n1","date":"2025-03-04","text":"France \000 condemned Germany."}\n{"id":"n2","date":"2025-03-04","text":"France condemned Germany."}\n' > "$T/nulraw.jsonl"
dy code "$T/nulraw.jsonl"
r=0
[ "$RC" = 1 ] && grep -q 'nulraw.jsonl:1: invalid JSON: control character 0x0' "$T/err" &&
    grep -q '"doc_id":"n2"' "$T/out" || r=1
printf 'France condemned\000 Germany. Russia attacked Ukraine.\n' > "$T/nul.txt"
dy code --date 2025-03-04 "$T/nul.txt"
[ "$RC" = 0 ] && [ "$(wc -l < "$T/out")" = 2 ] || r=1
if [ $r = 0 ]; then
    ok "NUL bytes: a raw NUL rejects its JSON line; plain text with one is coded"
else
    notok "NUL bytes: a raw NUL rejects its JSON line; plain text with one is coded" "exit status $RC"
fi

# a low `ulimit -v`: from the smallest address space the program loads in,
# every limit gives the same output as without one (exit 0), or exit 4
# with "out of memory", or (a record that cannot be allocated) exit 1 with
# "out of memory": never a crash
if [ "$ASAN" = 1 ]; then
    skip "low ulimit -v" "address space limits under AddressSanitizer"
else
    v=8000
    while [ $v -lt 200000 ]; do
        (ulimit -v $v && "$DYAD" --version) > /dev/null 2>&1 && break
        v=$((v + 2000))
    done
    r=0
    why=
    seen4=0
    seen0=0
    for step in 0 2 4 6 8 10 12 14 16 20 24 28 32 40 48 64 80 100; do
        lim=$((v + step * 1000))
        limited "-v $lim" code --stats "$T/article.jsonl"
        case $RC in
        0) cmp -s "$T/out" "$T/one.out" || { r=1; why="$why $lim: other output;"; }
           seen0=1 ;;
        1|4) grep -q 'out of memory' "$T/err" || { r=1; why="$why $lim: exit $RC without 'out of memory';"; }
           [ "$RC" = 4 ] && seen4=1 ;;
        *) r=1; why="$why $lim KB: exit $RC;" ;;
        esac
    done
    if [ $r = 0 ] && [ $seen4 = 1 ] && [ $seen0 = 1 ]; then
        ok "ulimit -v from $v KB up: exit 0 with the same output or 4 'out of memory', never a crash"
    else
        notok "ulimit -v from $v KB up: exit 0 with the same output or 4 'out of memory', never a crash" \
            "${why:-no limit gave exit 4 (seen4 $seen4) or none exit 0 (seen0 $seen0)}"
    fi
fi

# Issue 12: a long document's memory. Peak RSS (GNU time) of a 10 MB plain
# text (the example article repeated), whole and less that of the article
# alone per input byte: 8.6 bytes per byte before the long-document work of
# 2026-12-02, 4.4 at its end (61 MB in all); about 1.2 (29 MB) since a
# document of 1 MB or more is coded and written in parts of 512 KB
# (dyad_code_parts), so what it holds beyond its input is one part's.
# The bounds are the issue's 50 MB and room for the coder to grow; not a
# timing.
if [ "$ASAN" = 1 ]; then
    skip "a 10 MB document: peak memory" "AddressSanitizer's own memory"
elif [ ! -x /usr/bin/time ]; then
    skip "a 10 MB document: peak memory" "no GNU time (package time)"
else
    cp "$ROOT/examples/article.txt" "$T/long.txt"
    while [ "$(wc -c < "$T/long.txt")" -lt 10000000 ]; do
        cat "$T/long.txt" "$T/long.txt" > "$T/long2.txt" && mv "$T/long2.txt" "$T/long.txt"
    done
    head -c 10000000 "$T/long.txt" > "$T/long10.txt"
    rm -f "$T/long.txt"
    small=$(/usr/bin/time -f %M "$DYAD" code --input-format text \
        "$ROOT/examples/article.txt" 2>&1 >/dev/null | tail -1)
    big=$(/usr/bin/time -f %M "$DYAD" code --input-format text "$T/long10.txt" \
        2>&1 >/dev/null | tail -1)
    # Before any document: 28 MB while libpq, libmicrohttpd, librsvg and
    # cairo were linked, 17 MB since they are loaded only by the commands
    # that call them (src/dl/); the bound catches their return.
    if [ "$small" -le 24000 ]; then
        ok "one article: peak memory $small KB (at most 24000)"
    else
        notok "one article: peak memory $small KB (at most 24000)" \
            "a library linked that dyad code does not call? (ldd)"
    fi
    # (KB to bytes, per input byte, in hundredths)
    per=$(( (big - small) * 1024 * 100 / 10000000 ))
    if [ "$big" -le 50000 ] && [ "$per" -le 200 ]; then
        ok "a 10 MB document: peak memory $big KB (at most 50000), $per/100 bytes per input byte over one article (at most 2)"
    else
        notok "a 10 MB document: peak memory $big KB (at most 50000), $per/100 bytes per input byte over one article (at most 2)" \
            "the article alone $small KB"
    fi
    rm -f "$T/long10.txt"
fi

echo "fault: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
