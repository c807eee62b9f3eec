#!/bin/sh
# tools/deps.sh -- installs the Debian packages dyad builds and tests
# against, when they are missing. `make demo` and `make test` run it (plain
# `make` does not), so that those two commands work on a fresh Debian
# machine as root or with sudo; tools/bootstrap.sh runs it first where make
# itself is missing (a minimal Debian with only git). Nothing is downloaded
# at run time.
#
#   sh tools/deps.sh          install what is missing (a no-op otherwise)
#   sh tools/deps.sh --list   print the package list (.ci/run installs it)
#
# Without apt (not Debian) it only says what to install and succeeds; when
# packages are missing and it cannot become root, it names them and fails
# if the build or the tests need them.
set -e
# building and testing: compiler, pkg-config, the three libraries, cmocka,
# WordNet (the tagger's lexicon), GeoNames' places (libtimezonemap-data: the
# gazetteer, read at build time), GNU time (bench), python3 (the binding's
# tests), valgrind (the embedding example's leak check), groff (man pages),
# SQLite (the event store, dyad code --db; sqlite3 for the store tests),
# libmicrohttpd (dyad serve's HTTP server)
# libpq (the store on a PostgreSQL server), librsvg (dyad plot's PNG: the
# SVG rendered; librsvg2-bin's rsvg-convert renders it in the tests) and
# the DejaVu fonts the chart names first
PKGS="build-essential pkg-config libxml2-dev libjansson-dev libutf8proc-dev libcmocka-dev wordnet-base libtimezonemap-data time python3 valgrind groff-base libsqlite3-dev sqlite3 libpq-dev librsvg2-dev librsvg2-bin fonts-dejavu-core libmicrohttpd-dev"
# the PostgreSQL tests' server (tests/pg_test.sh, started by .ci/run with
# tests/pg_server.sh; skipped, saying so, without one): listed for CI, not
# installed by `make test`
PG_PKGS="postgresql"
# the export interoperability test (tests/store_test.sh reads dyad's TSV and
# CSV back with R and pandas; it skips, saying so, when they are missing):
# listed for CI, not installed by `make test`
INTEROP_PKGS="r-base-core python3-pandas"
# `make analyze` only
ANALYZE_PKGS="cppcheck"
# dyad serve's browser test (tests/serve_browser.py: headless Chromium through
# Selenium; it skips, saying so, when they are missing) and its load test in
# `make bench` (wrk): listed for CI, not installed by `make test`
SERVE_PKGS="chromium chromium-driver python3-selenium wrk"
# `make fuzz` and `make fuzz-ci` only: clang and its libFuzzer and
# sanitizer runtimes (Debian 12's clang is clang 14)
FUZZ_PKGS="clang libclang-rt-14-dev"

if [ "${1:-}" = "--list" ]; then
    echo $PKGS $ANALYZE_PKGS $INTEROP_PKGS $SERVE_PKGS $PG_PKGS $FUZZ_PKGS
    exit 0
fi

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "dyad: no dpkg/apt-get here; make sure these (Debian names) are installed: $PKGS"
    exit 0
fi
missing=""
required=""
for p in $PKGS $ANALYZE_PKGS $FUZZ_PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $p"
        case " $PKGS " in *" $p "*) required="$required $p" ;; esac
    fi
done
[ -z "$missing" ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "dyad: missing Debian packages:$missing (not root, no sudo: install them as root)"
        [ -z "$required" ] && exit 0
        exit 1
    fi
fi
echo "dyad: installing Debian packages:$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
