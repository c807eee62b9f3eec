#!/bin/sh
# tests/bootstrap_test.sh [WORKDIR] -- the README's commands on a minimal
# Debian 12 that has git and nothing else: a root made with debootstrap
# (variant minbase, plus git), a clean clone of this repository's HEAD in
# it, then, inside a chroot,
#     sh tools/bootstrap.sh demo && make test
# Checks that make was missing before, that the demo prints its events and
# that the last line of make test is "N passed, 0 failed".
#
# It needs root (chroot, mounts), debootstrap (installed with apt-get when
# missing) and a Debian mirror (DEBIAN_MIRROR, by default deb.debian.org's);
# without any of them it prints "skip - REASON" and exits 77. It takes
# minutes and downloads about 400 MB of packages, so `make test` does not
# run it: `make bootstrap-test` and CI do. WORKDIR (default: a new folder
# under TMPDIR) holds the root; it is removed at the end unless KEEP=1.
# Ends with "bootstrap: N passed, M failed".
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SUITE=${DEBIAN_SUITE:-bookworm}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
W=${1:-}
PASS=0
FAIL=0

skip() {
    echo "skip - bootstrap on a minimal Debian ($1)"
    echo "bootstrap: 0 passed, 0 failed, 1 skipped"
    exit 77
}
ok() { PASS=$((PASS + 1)); echo "ok - $1"; }
notok() {
    FAIL=$((FAIL + 1))
    echo "not ok - $1"
    [ -n "${2:-}" ] && [ -f "$2" ] && tail -n 30 "$2" | sed 's/^/#   /'
}

[ "$(id -u)" = 0 ] || skip "needs root for chroot and mounts"
command -v chroot >/dev/null 2>&1 || skip "no chroot"
if ! command -v debootstrap >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        echo "# installing debootstrap"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap \
            > /dev/null 2>&1 ||
            { apt-get update -q > /dev/null 2>&1 &&
              DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap \
                  > /dev/null 2>&1; }
    fi
    command -v debootstrap >/dev/null 2>&1 || skip "debootstrap not installed and not installable"
fi
git -C "$ROOT" rev-parse HEAD >/dev/null 2>&1 || skip "$ROOT is not a git repository"

if [ -z "$W" ]; then
    W=$(mktemp -d "${TMPDIR:-/tmp}/dyad-bootstrap.XXXXXX") || exit 2
fi
R=$W/root
LOG=$W/log
mkdir -p "$W"
MOUNTED=""
cleanup() {
    for m in $MOUNTED; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null; done
    MOUNTED=""
    [ "${KEEP:-0}" = 1 ] && return
    # never remove through a mount that is still there (the host's /dev):
    # keep the folder and say so instead; --one-file-system besides
    if grep -q " $R/" /proc/mounts 2>/dev/null; then
        echo "# $R still has mounts: not removed" >&2
        return
    fi
    rm -rf --one-file-system "$W"
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM

echo "# debootstrap --variant=minbase --include=git $SUITE $R $MIRROR"
if ! debootstrap --variant=minbase --include=git,ca-certificates "$SUITE" "$R" \
    "$MIRROR" > "$LOG.debootstrap" 2>&1; then
    tail -n 5 "$LOG.debootstrap" | sed 's/^/#   /'
    skip "debootstrap of $SUITE from $MIRROR failed (no network to the mirror?)"
fi
ok "a minimal Debian $SUITE root with git"

# what the README promises to start from: git, and no make, no compiler
if chroot "$R" /bin/sh -c 'command -v git' >/dev/null 2>&1 &&
    ! chroot "$R" /bin/sh -c 'command -v make || command -v cc' >/dev/null 2>&1; then
    ok "the root has git and neither make nor a compiler"
else
    notok "the root has git and neither make nor a compiler"
fi

for m in dev proc; do
    mkdir -p "$R/$m"
    case $m in
    dev) mount --bind /dev "$R/dev" ;;
    proc) mount -t proc proc "$R/proc" ;;
    esac && MOUNTED="$R/$m $MOUNTED"
done
cp /etc/resolv.conf "$R/etc/resolv.conf" 2>/dev/null
# the clean clone: committed files only, as a new user gets them
git clone -q --no-local "$ROOT" "$R/root/dyad" > "$LOG.clone" 2>&1
if [ -f "$R/root/dyad/README.md" ]; then
    ok "a clean clone of HEAD ($(git -C "$ROOT" rev-parse --short HEAD))"
else
    notok "a clean clone of HEAD" "$LOG.clone"
    exit 1
fi

inroot() {
    chroot "$R" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        DEBIAN_FRONTEND=noninteractive /bin/sh -c "cd /root/dyad && $1"
}

if inroot 'sh tools/bootstrap.sh demo' > "$LOG.bootstrap" 2>&1 &&
    inroot 'command -v make' >/dev/null 2>&1 && [ -x "$R/root/dyad/build/dyad" ] &&
    grep -q '^[1-9][0-9]* events\{0,1\} from 1 document$' "$LOG.bootstrap"; then
    ok "sh tools/bootstrap.sh demo installs make and the packages, builds dyad, codes the sample ($(tail -n 1 "$LOG.bootstrap"))"
else
    notok "sh tools/bootstrap.sh demo installs make and the packages, builds dyad, codes the sample" "$LOG.bootstrap"
fi

inroot 'make test' > "$LOG.test" 2>&1
rc=$?
last=$(tail -n 1 "$LOG.test")
case $last in
*[0-9]" passed, 0 failed")
    if [ "$rc" = 0 ]; then ok "make test: $last"; else notok "make test: exit $rc" "$LOG.test"; fi ;;
*) notok "make test (exit $rc, last line: $last)" "$LOG.test" ;;
esac

echo "bootstrap: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
