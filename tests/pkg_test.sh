#!/bin/sh
# tests/pkg_test.sh BUILD_DIR -- checks of the packaging: the symbols the
# shared and static libraries export, the soname, the installation staged
# by `make stage` in BUILD_DIR/stage (files, pkg-config version), make
# install and uninstall into a DESTDIR, the man pages, and a program that
# links the static archive while defining the library's internal names
# (BUILD_DIR/tests/static_link). Prints "ok - NAME" or "not ok - NAME" per
# check and ends with "pkg: N passed, M failed".
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
B=${1:-build}
case $B in /*) ;; *) B=$ROOT/$B ;; esac
STAGE=$B/stage
T=$(mktemp -d "${TMPDIR:-/tmp}/dyad-pkg.XXXXXX") || exit 2
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

VERSION=$(sed -n 's/^#define DYAD_VERSION "\(.*\)"/\1/p' include/dyad.h)
MAJOR=$(sed -n 's/^#define DYAD_VERSION_MAJOR \([0-9]*\)/\1/p' include/dyad.h)
# the DYAD_API functions of the header
sed -n 's/^DYAD_API [^(]*[ *]\(dyad_[a-z0-9_]*\)(.*/\1/p' include/dyad.h |
    sort > "$T/api"

# --- symbols --------------------------------------------------------------
SO=$B/libdyad.so
if nm -D --defined-only "$SO" > "$T/nm.so" 2>"$T/err"; then
    awk 'NF >= 3 { print $3 }' "$T/nm.so" | sort > "$T/so.syms"
    other=$(grep -v '^dyad_' "$T/so.syms" | head -n 5 | tr '\n' ' ')
    if [ -z "$other" ] && [ -s "$T/so.syms" ]; then
        ok "libdyad.so exports dyad_* only ($(wc -l < "$T/so.syms") symbols)"
    else
        notok "libdyad.so exports dyad_* only" "also: $other"
    fi
    missing=$(comm -23 "$T/api" "$T/so.syms" | tr '\n' ' ')
    extra=$(comm -13 "$T/api" "$T/so.syms" | tr '\n' ' ')
    if [ -s "$T/api" ] && [ -z "$missing" ] && [ -z "$extra" ]; then
        ok "libdyad.so exports exactly the DYAD_API functions of dyad.h"
    else
        notok "libdyad.so exports exactly the DYAD_API functions of dyad.h" \
            "not exported: $missing" "not in dyad.h: $extra"
    fi
else
    notok "nm -D $SO" "$(head -n 2 "$T/err")"
fi

if nm -g --defined-only "$B/libdyad.a" > "$T/nm.a" 2>"$T/err"; then
    other=$(awk 'NF >= 3 { print $3 }' "$T/nm.a" | grep -v '^dyad_' |
        head -n 5 | tr '\n' ' ')
    n=$(awk 'NF >= 3' "$T/nm.a" | wc -l)
    if [ -z "$other" ] && [ "$n" -gt 0 ]; then
        ok "libdyad.a defines dyad_* only as global symbols ($n)"
    else
        notok "libdyad.a defines dyad_* only as global symbols" "also: $other"
    fi
else
    notok "nm -g $B/libdyad.a" "$(head -n 2 "$T/err")"
fi

soname=$(objdump -p "$SO" 2>/dev/null | awk '$1 == "SONAME" { print $2 }')
if [ "$soname" = "libdyad.so.$MAJOR" ]; then
    ok "soname $soname"
else
    notok "soname libdyad.so.$MAJOR" "got '$soname'"
fi

# --- the staged installation ---------------------------------------------
FILES="bin/dyad lib/libdyad.so lib/libdyad.so.$MAJOR lib/libdyad.so.$VERSION
lib/libdyad.a include/dyad.h lib/pkgconfig/dyad.pc share/man/man1/dyad.1
share/man/man3/dyad.3"
absent=""
for f in $FILES; do [ -e "$STAGE/$f" ] || absent="$absent $f"; done
if [ -z "$absent" ] && [ -L "$STAGE/lib/libdyad.so" ] && [ -L "$STAGE/lib/libdyad.so.$MAJOR" ]; then
    ok "make install: every file, the .so links as symbolic links"
else
    notok "make install: every file" "missing or not links:$absent"
fi
pcv=$(PKG_CONFIG_PATH=$STAGE/lib/pkgconfig pkg-config --modversion dyad 2>&1)
if [ "$pcv" = "$VERSION" ]; then
    ok "pkg-config --modversion dyad is $VERSION"
else
    notok "pkg-config --modversion dyad" "got '$pcv', dyad.h says $VERSION"
fi
libs=$(PKG_CONFIG_PATH=$STAGE/lib/pkgconfig pkg-config --static --libs dyad 2>&1)
case " $libs " in
*" -ldyad "*"-lxml2 "*"-ljansson "*"-lutf8proc "*"-lm "*) ok "pkg-config --static --libs: $libs" ;;
*) notok "pkg-config --static --libs lists the dependencies" "got '$libs'" ;;
esac

# install and uninstall into a DESTDIR with another PREFIX
if make -s -C "$ROOT" B="$B" install DESTDIR="$T/dest" PREFIX=/opt/dyad \
    > "$T/out" 2>&1; then
    n=$(find "$T/dest" -type f -o -type l | wc -l)
    prefix=$(sed -n 's/^prefix=//p' "$T/dest/opt/dyad/lib/pkgconfig/dyad.pc")
    # 9 and dyad serve's dashboard (share/dyad/web: 3 files)
    if [ "$n" = 12 ] && [ "$prefix" = /opt/dyad ]; then
        ok "make install DESTDIR PREFIX=/opt/dyad: 12 files, prefix in dyad.pc"
    else
        notok "make install DESTDIR PREFIX" "$n files, prefix '$prefix'"
    fi
    make -s -C "$ROOT" B="$B" uninstall DESTDIR="$T/dest" PREFIX=/opt/dyad \
        > "$T/out" 2>&1
    left=$(find "$T/dest" -type f -o -type l | head -n 3 | tr '\n' ' ')
    if [ -z "$left" ]; then
        ok "make uninstall removes every file"
    else
        notok "make uninstall removes every file" "left: $left"
    fi
else
    notok "make install DESTDIR PREFIX" "$(tail -n 3 "$T/out")"
fi

# --- man pages ------------------------------------------------------------
if command -v groff >/dev/null 2>&1; then
    for page in man/dyad.1 man/dyad.3; do
        if groff -man -Tutf8 -ww -z "$page" > "$T/out" 2>&1 && [ ! -s "$T/out" ]; then
            ok "$page renders without warnings"
        else
            notok "$page renders without warnings" "$(head -n 3 "$T/out")"
        fi
    done
else
    echo "# groff not installed: man pages not checked"
fi

# --- a program with the library's internal names ----------------------------
if [ -x "$B/tests/static_link" ]; then
    "$B/tests/static_link" > "$T/out" 2>&1
    rc=$?
    if [ "$rc" = 0 ] && grep -q '^static_link: [0-9]* passed, 0 failed$' "$T/out"; then
        ok "static link beside the program's own mem_alloc, dict_free, lex_new..."
    else
        notok "static link beside the program's own internal names" \
            "$(tail -n 3 "$T/out")"
    fi
else
    notok "static link beside the program's own internal names" \
        "$B/tests/static_link not built"
fi

echo "pkg: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
