#!/bin/sh
# tools/bootstrap.sh -- the first command on a fresh machine: installs what
# building and testing dyad needs (make and the compiler included, through
# tools/deps.sh and apt-get), then builds. It needs nothing but a POSIX sh,
# so it works where `make` itself is not installed yet (a minimal Debian 12
# with only git: tests/bootstrap_test.sh proves it in a debootstrap root).
#
#   sh tools/bootstrap.sh            install what is missing, then `make`
#   sh tools/bootstrap.sh TARGET...  install, then `make TARGET...` (demo, test)
#
# As root it calls apt-get itself; otherwise through sudo when there is
# one. Without apt-get (not Debian) it names the Debian packages to install
# and builds if make and a compiler are there. Exit status: make's, or 1
# when the packages could not be installed.
set -u
cd "$(dirname "$0")/.." || exit 1

if ! sh tools/deps.sh; then
    echo "dyad: bootstrap: the packages above could not be installed" >&2
    exit 1
fi
for tool in make cc pkg-config; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "dyad: bootstrap: '$tool' is still missing; install the packages" \
            "that tools/deps.sh --list names and run this again" >&2
        exit 1
    fi
done
jobs=$(nproc 2>/dev/null || echo 2)
echo "dyad: bootstrap: packages present; building with make -j$jobs $*"
exec make -j"$jobs" "$@"
