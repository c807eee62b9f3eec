#!/bin/sh
# tools/deps.sh -- installs the Debian packages dyad builds against, when
# they are missing. `make` runs it first, so `make demo` and `make test`
# work on a fresh Debian machine. Nothing is downloaded at run time.
set -e
PKGS="build-essential pkg-config libxml2-dev libjansson-dev libutf8proc-dev libcmocka-dev wordnet-base time"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "dyad: installing Debian packages:$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
