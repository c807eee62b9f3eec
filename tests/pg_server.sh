#!/bin/sh
# tests/pg_server.sh start|stop DIR -- a throwaway PostgreSQL server for the
# event store's tests (tests/pg_test.sh) and make bench: a new cluster in
# DIR (initdb), listening on localhost only, trust authentication for the
# superuser `dyad`, run as the `postgres` user when started as root (the
# server refuses to run as root). Debian's postgresql package provides the
# binaries; nothing is installed here.
#
#   eval "$(sh tests/pg_server.sh start /tmp/pg)"   # sets DYAD_TEST_PG
#   sh tests/pg_server.sh stop /tmp/pg               # stops it, removes DIR
#
# `start` prints `DYAD_TEST_PG=postgresql://dyad@localhost:PORT/postgres;
# export DYAD_TEST_PG` on success, the first free port from 54320 on.
set -eu
cmd=${1:-}
dir=${2:-}
if [ -z "$cmd" ] || [ -z "$dir" ]; then
    echo "usage: tests/pg_server.sh start|stop DIR" >&2
    exit 2
fi

# initdb and pg_ctl: on PATH, else Debian's versioned directory
bindir=""
if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    bindir=$(dirname "$(command -v pg_ctl)")
else
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
        if [ -x "$d/initdb" ]; then bindir=$d; break; fi
    done
fi
if [ -z "$bindir" ]; then
    echo "pg_server: no initdb/pg_ctl (Debian package: postgresql)" >&2
    exit 1
fi

# as root, the server runs as postgres
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        su postgres -s /bin/sh -c "$*"
    else
        sh -c "$*"
    fi
}

case $cmd in
start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "'$bindir/initdb' -D '$dir/data' -U dyad -A trust -E UTF8 --locale=C.UTF-8 --no-sync" \
        > "$dir/initdb.log" 2>&1 || {
        echo "pg_server: initdb failed:" >&2
        tail -n 5 "$dir/initdb.log" >&2
        exit 1
    }
    port=54320
    while [ $port -lt 54400 ]; do
        # fsync off: a test server, nothing to keep after a crash
        if as_owner "'$bindir/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 30 \
            -o \"-p $port -k '$dir' -c listen_addresses=localhost -c fsync=off\" start" \
            > "$dir/pg_ctl.log" 2>&1; then
            echo "DYAD_TEST_PG=postgresql://dyad@localhost:$port/postgres; export DYAD_TEST_PG"
            exit 0
        fi
        # the port was taken (or worse: the log says)
        grep -q "could not bind\|already in use" "$dir/server.log" 2>/dev/null || break
        port=$((port + 1))
    done
    echo "pg_server: the server did not start:" >&2
    tail -n 5 "$dir/server.log" >&2 2>/dev/null
    exit 1
    ;;
stop)
    if [ -d "$dir/data" ]; then
        as_owner "'$bindir/pg_ctl' -D '$dir/data' -m fast -w stop" > /dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: tests/pg_server.sh start|stop DIR" >&2
    exit 2
    ;;
esac
