# dyad -- build, test, install, demo, bench.
# `make` builds build/dyad, build/libdyad.so and build/libdyad.a, nothing
# else: it never installs packages. `make demo` and `make test` first run
# `make deps` (tools/deps.sh: the Debian packages, with apt-get when some are
# missing). See README.md.

CC      ?= cc
LD      ?= ld
OBJCOPY ?= objcopy
AR      ?= ar
PKG_CONFIG ?= pkg-config
CSTD    := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
OPT     ?= -O2 -g
CFLAGS  ?=
CFLAGS  += $(CSTD) $(WARN) $(OPT) $(EXTRA_CFLAGS) -Iinclude -Isrc -I$(B)/gen
PKGS    := libxml-2.0 jansson libutf8proc
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
CFLAGS  += $(PKG_CFLAGS)
LDLIBS  := $(PKG_LIBS) -lpthread -lm
TEST_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)
# The library's objects: position-independent (one set of objects for the
# shared and the static library) and hidden unless marked DYAD_API.
LIB_CFLAGS := -fPIC -fvisibility=hidden

B       := build
WORDNET ?= /usr/share/wordnet
# GeoNames' cities15000.txt, admin1Codes.txt and countryInfo.txt, as Debian's
# libtimezonemap-data installs them (the gazetteer, read at build time only)
GEONAMES ?= /usr/share/libtimezonemap/ui

# Version and soname from include/dyad.h.
VERSION := $(shell sed -n 's/^\#define DYAD_VERSION "\(.*\)"/\1/p' include/dyad.h)
SOMAJOR := $(shell sed -n 's/^\#define DYAD_VERSION_MAJOR \([0-9]*\)/\1/p' include/dyad.h)
SONAME  := libdyad.so.$(SOMAJOR)
SOFILE  := libdyad.so.$(VERSION)

# Installation (make install PREFIX=/usr DESTDIR=/tmp/pkg).
PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR  ?= $(PREFIX)/bin
LIBDIR  ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR  ?= $(PREFIX)/share/man
PCDIR   ?= $(LIBDIR)/pkgconfig
INSTALL ?= install
# dyad serve's dashboard (found there when web/ is not beside the binary)
WEBDIR  ?= $(PREFIX)/share/dyad/web
WEB_FILES := $(wildcard web/*.html web/*.js web/*.css)

# The event store (src/store/, SQLite and PostgreSQL) serves the command
# and the tests only: it is compiled into libdyad_internal.a, not into
# libdyad.so or libdyad.a, so the public library depends on neither
# libsqlite3 nor libpq (nor, below, librsvg and cairo).
STORE_SRC := $(wildcard src/store/*.c)
STORE_OBJ := $(STORE_SRC:%.c=$(B)/%.o)
STORE_LIBS := $(shell $(PKG_CONFIG) --libs sqlite3 2>/dev/null || echo -lsqlite3)
CFLAGS  += $(shell $(PKG_CONFIG) --cflags sqlite3 2>/dev/null)
# dyad serve (src/serve/, libmicrohttpd): the command's too, like the store.
SERVE_SRC := $(wildcard src/serve/*.c)
SERVE_OBJ := $(SERVE_SRC:%.c=$(B)/%.o)
# PostgreSQL (src/store/postgres.c, libpq from Debian's libpq-dev): without
# it the back end is built as a stub that says what to install.
ifneq ($(shell $(PKG_CONFIG) --exists libpq 2>/dev/null && echo 1),)
CFLAGS  += -DDYAD_HAVE_LIBPQ $(patsubst -I%,-isystem %,$(shell $(PKG_CONFIG) --cflags libpq))
endif
# dyad plot (src/plot/: charts from the store's statistics, PNG through
# librsvg) is the command's too. Only plot_png.c sees librsvg's headers
# (glib's, as system headers); without librsvg it is built as a stub that
# says what to install.
PLOT_SRC := $(wildcard src/plot/*.c)
PLOT_OBJ := $(PLOT_SRC:%.c=$(B)/%.o)
ifneq ($(shell $(PKG_CONFIG) --exists librsvg-2.0 cairo 2>/dev/null && echo 1),)
RSVG_CFLAGS := -DDYAD_HAVE_RSVG $(patsubst -I%,-isystem %,$(shell $(PKG_CONFIG) --cflags librsvg-2.0 cairo))
endif
$(B)/src/plot/plot_png.o $(B)/analyze/src/plot/plot_png.ok: CFLAGS += $(RSVG_CFLAGS)
$(B)/src/dl/rsvg.o $(B)/analyze/src/dl/rsvg.ok: CFLAGS += $(RSVG_CFLAGS)
# libpq, libmicrohttpd, librsvg and cairo are not linked: src/dl/ defines
# the functions the back ends above call and loads the library with dlopen
# when a command first needs it (src/dl/dl.h, docs/architecture.md), so
# that `dyad code` does not map them and their dependencies (13 MB).
DL_SRC := $(wildcard src/dl/*.c)
DL_OBJ := $(DL_SRC:%.c=$(B)/%.o)
$(B)/tests/test_plot $(B)/tests/test_dl: CFLAGS += $(if $(RSVG_CFLAGS),-DDYAD_HAVE_RSVG)
LIB_SRC := $(filter-out src/store/% src/serve/% src/plot/% src/dl/%,$(wildcard src/*/*.c))
GEN_SRC := $(B)/gen/lexicon_data.c $(B)/gen/bundled_data.c \
    $(B)/gen/plover_data.c $(B)/gen/gazetteer_data.c $(B)/gen/seats_data.c
LIB_OBJ := $(LIB_SRC:%.c=$(B)/%.o) $(GEN_SRC:%.c=%.o)
CLI_SRC := $(wildcard cli/*.c)
CLI_OBJ := $(CLI_SRC:%.c=$(B)/%.o)
TEST_SRC := $(wildcard tests/test_*.c)
TEST_BIN := $(TEST_SRC:tests/%.c=$(B)/tests/%)
HDRS    := $(wildcard src/*/*.h include/*.h cli/*.h)
BUNDLED := $(sort $(wildcard data/dict/*.txt)) data/cameo-codes.tsv
LIBS_OUT := $(B)/libdyad.a $(B)/$(SOFILE) $(B)/$(SONAME) $(B)/libdyad.so
# libFuzzer harnesses (fuzz/NAME.c; fuzz/driver.c runs them without it)
FUZZ_SRC := $(filter-out fuzz/driver.c,$(wildcard fuzz/*.c))
FUZZ_NAMES := $(FUZZ_SRC:fuzz/%.c=%)
FUZZ_REGRESS := $(FUZZ_NAMES:%=$(B)/fuzz/%)

.PHONY: all clean test check demo bench eval asan deps install uninstall \
        stage analyze fuzz fuzz-ci fuzz-build plot-example bootstrap-test
all: $(B)/dyad $(LIBS_OUT)

# Installs missing Debian packages (tools/deps.sh); a no-op when present.
# Only `make demo` and `make test` run it.
deps:
	@sh tools/deps.sh

# The library's objects (shortest stem wins over the rule below).
$(B)/src/%.o: src/%.c $(HDRS) | $(B)/gen/lexicon_data.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LIB_CFLAGS) -c $< -o $@

$(B)/%.o: %.c $(HDRS) | $(B)/gen/lexicon_data.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(B)/gen/%.o: $(B)/gen/%.c
	$(CC) $(CFLAGS) $(LIB_CFLAGS) -Wno-overlength-strings -c $< -o $@

# Tools that run at build time only.
$(B)/tools/%: tools/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) -O2 -Isrc $< -o $@

# The tagger's open-class lexicon, extracted from WordNet (wordnet-base).
$(B)/gen/lexicon_data.c: $(B)/tools/mklexicon tools/closed_class.txt
	@mkdir -p $(dir $@)
	$(B)/tools/mklexicon $(WORDNET) tools/closed_class.txt > $@.tmp && mv $@.tmp $@

# The gazetteer (src/geo/gazetteer.h), from GeoNames. Its tool is built from
# the library's tokenizer and lexicon sources (for the build machine, with
# the tools' flags), so that its keys are the tokenizer's norms and its
# English-word flags the tagger lexicon's.
GAZ_TOOL_SRC := tools/mkgazetteer.c src/text/tokenize.c src/text/utf8norm.c \
    src/text/sentsplit.c src/text/lexicon.c src/util/arena.c src/util/mem.c \
    src/util/strmap.c
# (when they are missing the tool says which package to install)
GAZ_INPUT := $(wildcard $(GEONAMES)/cities15000.txt \
    $(GEONAMES)/admin1Codes.txt $(GEONAMES)/countryInfo.txt)
$(B)/tools/mkgazetteer: $(GAZ_TOOL_SRC) $(B)/gen/lexicon_data.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) -O1 -Iinclude -Isrc $(PKG_CFLAGS) $(GAZ_TOOL_SRC) \
	    $(B)/gen/lexicon_data.c $(PKG_LIBS) -o $@

$(B)/gen/gazetteer_data.c: $(B)/tools/mkgazetteer $(GAZ_INPUT) data/place-names.tsv
	@mkdir -p $(dir $@)
	$(B)/tools/mkgazetteer $(GEONAMES) data/place-names.tsv > $@.tmp && mv $@.tmp $@

# The bundled dictionaries and the CAMEO table, compiled into the binary.
$(B)/gen/bundled_data.c: $(B)/tools/embed $(BUNDLED)
	@mkdir -p $(dir $@)
	$(B)/tools/embed $(BUNDLED) > $@.tmp && mv $@.tmp $@

# dyad's CAMEO -> PLOVER mapping (data/plover.tsv) as a C table.
$(B)/gen/plover_data.c: tools/mkplover.awk data/plover.tsv
	@mkdir -p $(dir $@)
	LC_ALL=C awk -f tools/mkplover.awk data/plover.tsv > $@.tmp && mv $@.tmp $@

# Where international organisations sit (data/igo-seats.tsv) as a C table.
$(B)/gen/seats_data.c: tools/mkseats.awk data/igo-seats.tsv
	@mkdir -p $(dir $@)
	LC_ALL=C awk -f tools/mkseats.awk data/igo-seats.tsv > $@.tmp && mv $@.tmp $@

# Every library object with its symbols as compiled, and the event store:
# for the dyad command and the unit tests, which call internal functions.
# Not installed.
$(B)/libdyad_internal.a: $(LIB_OBJ) $(STORE_OBJ) $(SERVE_OBJ) $(PLOT_OBJ) $(DL_OBJ)
	rm -f $@ && $(AR) rcs $@ $^

# The installed static library: the objects linked into one relocatable
# object whose hidden (internal) symbols are then made local, so that only
# dyad_* names are global and none collides with a program's own.
$(B)/libdyad.a: $(LIB_OBJ)
	$(LD) -r -o $(B)/libdyad.o $^
	$(OBJCOPY) --localize-hidden $(B)/libdyad.o
	rm -f $@ && $(AR) rcs $@ $(B)/libdyad.o

# The shared library exports the DYAD_API functions only.
$(B)/$(SOFILE): $(LIB_OBJ)
	$(CC) $(CFLAGS) -shared -Wl,-soname,$(SONAME) -Wl,-z,defs $^ $(LDLIBS) -o $@

$(B)/$(SONAME): $(B)/$(SOFILE)
	ln -sf $(SOFILE) $@

$(B)/libdyad.so: $(B)/$(SONAME)
	ln -sf $(SONAME) $@

$(B)/dyad: $(CLI_OBJ) $(B)/libdyad_internal.a
	$(CC) $(CFLAGS) $^ $(LDLIBS) $(STORE_LIBS) -o $@

$(B)/tests/%: tests/%.c $(B)/libdyad_internal.a $(wildcard tests/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $< $(B)/libdyad_internal.a $(LDLIBS) $(STORE_LIBS) $(TEST_LIBS) -o $@

# The store benchmark (make bench): inserts and queries through src/store/.
$(B)/bench/store_bench: bench/store_bench.c $(B)/libdyad_internal.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $< $(B)/libdyad_internal.a $(LDLIBS) $(STORE_LIBS) -o $@

# Each fuzz harness linked with fuzz/driver.c instead of libFuzzer: `make
# test` runs it on the committed regression inputs and seeds, with the
# build's compiler and flags (under make asan, with the sanitizers).
$(B)/fuzz/%: fuzz/%.c fuzz/driver.c $(wildcard fuzz/*.h) $(B)/libdyad_internal.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $< fuzz/driver.c $(B)/libdyad_internal.a $(LDLIBS) -o $@

# The pkg-config file is written for PREFIX (and LIBDIR, INCLUDEDIR) as it
# is installed; the paths under PREFIX are kept relative to ${prefix}.
PC_SED := -e 's|@PREFIX@|$(PREFIX)|' \
    -e 's|@LIBDIR@|$(patsubst $(PREFIX)/%,$${prefix}/%,$(LIBDIR))|' \
    -e 's|@INCLUDEDIR@|$(patsubst $(PREFIX)/%,$${prefix}/%,$(INCLUDEDIR))|' \
    -e 's|@VERSION@|$(VERSION)|' -e 's|@LIBS_PRIVATE@|$(strip $(LDLIBS))|'

install: $(B)/dyad $(LIBS_OUT)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) \
	    $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PCDIR) \
	    $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3
	$(INSTALL) -m 755 $(B)/dyad $(DESTDIR)$(BINDIR)/dyad
	$(INSTALL) -m 755 $(B)/$(SOFILE) $(DESTDIR)$(LIBDIR)/$(SOFILE)
	ln -sf $(SOFILE) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libdyad.so
	$(INSTALL) -m 644 $(B)/libdyad.a $(DESTDIR)$(LIBDIR)/libdyad.a
	$(INSTALL) -m 644 include/dyad.h $(DESTDIR)$(INCLUDEDIR)/dyad.h
	sed $(PC_SED) dyad.pc.in > $(DESTDIR)$(PCDIR)/dyad.pc
	chmod 644 $(DESTDIR)$(PCDIR)/dyad.pc
	$(INSTALL) -m 644 man/dyad.1 $(DESTDIR)$(MANDIR)/man1/dyad.1
	$(INSTALL) -m 644 man/dyad.3 $(DESTDIR)$(MANDIR)/man3/dyad.3
	$(INSTALL) -d $(DESTDIR)$(WEBDIR)
	$(INSTALL) -m 644 $(WEB_FILES) $(DESTDIR)$(WEBDIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/dyad \
	    $(DESTDIR)$(LIBDIR)/$(SOFILE) $(DESTDIR)$(LIBDIR)/$(SONAME) \
	    $(DESTDIR)$(LIBDIR)/libdyad.so $(DESTDIR)$(LIBDIR)/libdyad.a \
	    $(DESTDIR)$(INCLUDEDIR)/dyad.h $(DESTDIR)$(PCDIR)/dyad.pc \
	    $(DESTDIR)$(MANDIR)/man1/dyad.1 $(DESTDIR)$(MANDIR)/man3/dyad.3 \
	    $(WEB_FILES:web/%=$(DESTDIR)$(WEBDIR)/%)
	-rmdir $(DESTDIR)$(WEBDIR) $(DESTDIR)$(PREFIX)/share/dyad 2>/dev/null

# An installation in the build tree (PREFIX=$(B)/stage) that the tests
# compile examples/embed.c against, through pkg-config as a user would.
STAGE := $(abspath $(B))/stage
stage: $(B)/dyad $(LIBS_OUT)
	@$(MAKE) --no-print-directory install DESTDIR= PREFIX=$(STAGE) \
	    B=$(B) > $(B)/stage.log 2>&1 || { cat $(B)/stage.log; exit 1; }

# Built against the staged installation with pkg-config: dynamically (as a
# user would) and statically, against the localised archive.
PC_STAGE := PKG_CONFIG_PATH=$(STAGE)/lib/pkgconfig $(PKG_CONFIG)
$(B)/examples/embed: examples/embed.c stage
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(OPT) $(EXTRA_CFLAGS) examples/embed.c \
	    $$($(PC_STAGE) --cflags --libs dyad) -o $@
	$(CC) $(CSTD) $(WARN) $(OPT) $(EXTRA_CFLAGS) examples/embed.c \
	    $$($(PC_STAGE) --cflags dyad) $(STAGE)/lib/libdyad.a \
	    $$($(PC_STAGE) --static --libs-only-l dyad | sed 's/-ldyad //') \
	    -o $@-static

# A program whose own functions have the names of libdyad's internal ones
# links with the static archive and still gets the library's.
$(B)/tests/static_link: tests/static_link.c stage
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(OPT) $(EXTRA_CFLAGS) tests/static_link.c \
	    $$($(PC_STAGE) --cflags dyad) $(STAGE)/lib/libdyad.a \
	    $$($(PC_STAGE) --static --libs-only-l dyad | sed 's/-ldyad //') \
	    -o $@

test: deps
	@$(MAKE) --no-print-directory check

# The tests without the package check.
check: $(B)/dyad $(TEST_BIN) $(LIBS_OUT) $(B)/examples/embed \
       $(B)/tests/static_link $(FUZZ_REGRESS)
	@sh tests/run_all.sh $(B)

demo: deps
	@$(MAKE) --no-print-directory $(B)/dyad
	$(B)/dyad code --format table examples/article.jsonl

# The README's chart, docs/plot-example.png: examples/timeline.jsonl (a year
# of an invented dispute, written for dyad) stored and plotted.
plot-example: $(B)/dyad
	@mkdir -p $(B)/examples
	rm -f $(B)/examples/timeline.sqlite $(B)/examples/timeline.sqlite-*
	$(B)/dyad code --db $(B)/examples/timeline.sqlite examples/timeline.jsonl
	cd $(B)/examples && $(abspath $(B))/dyad plot --db timeline.sqlite --dyad VEN:GUY \
	    --by month -o $(abspath docs/plot-example.png)

# The README's commands from a clean clone of HEAD on a minimal Debian 12
# with only git (debootstrap, chroot): root and a Debian mirror needed, else
# it skips and says why; minutes, not part of `make test` (CI runs it).
bootstrap-test:
	@sh tests/bootstrap_test.sh; rc=$$?; [ $$rc = 0 ] || [ $$rc = 77 ]

bench: $(B)/dyad $(B)/bench/store_bench
	@sh bench/run.sh $(B)
	@sh bench/serve_bench.sh $(B)

eval: $(B)/dyad
	@sh tests/eval.sh $(B)

# Static analysis, run by CI: cppcheck over the library and the command,
# and gcc -fanalyzer on each of their sources (-Werror: a finding fails the
# target). False positives are suppressed inline, with a comment saying why.
CPPCHECK ?= cppcheck
CPPCHECK_FLAGS := --std=c11 --enable=warning,portability,performance \
    --inline-suppr --error-exitcode=1 --quiet -D__GNUC__ -Iinclude -Isrc
ANALYZE_OK := $(LIB_SRC:%.c=$(B)/analyze/%.ok) $(CLI_SRC:%.c=$(B)/analyze/%.ok) \
    $(STORE_SRC:%.c=$(B)/analyze/%.ok) $(SERVE_SRC:%.c=$(B)/analyze/%.ok) $(PLOT_SRC:%.c=$(B)/analyze/%.ok) \
    $(DL_SRC:%.c=$(B)/analyze/%.ok)
analyze: $(ANALYZE_OK)
	$(CPPCHECK) $(CPPCHECK_FLAGS) src cli
	@echo "analyze: cppcheck and gcc -fanalyzer found nothing"

$(B)/analyze/%.ok: %.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fanalyzer -Werror -c $< -o $@.o
	@rm -f $@.o && touch $@

# Same tests under AddressSanitizer and UBSan, in a separate build tree.
asan:
	$(MAKE) B=build-asan OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all -DDYAD_ARENA_POISON" test

# Fuzzing with libFuzzer (clang and libclang-rt-14-dev, see tools/deps.sh):
# the library built with clang under AddressSanitizer and UBSan in
# $(FUZZ_B), one program per harness of fuzz/. `make fuzz` runs each for
# FUZZ_SECONDS from its seeds (fuzz/seeds/NAME) and its growing corpus
# ($(FUZZ_B)/corpus/NAME); `make fuzz-ci` first replays the committed
# regression inputs (fuzz/regress/NAME), then fuzzes each harness for 20 s.
# A finding (crash, leak, sanitizer report, 10 s timeout) fails either,
# leaving the input in $(FUZZ_B)/artifacts/. See fuzz/README.md.
FUZZ_B  ?= build-fuzz
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all \
    -fno-omit-frame-pointer
FUZZ_BIN := $(FUZZ_NAMES:%=$(FUZZ_B)/fuzz/%)

fuzz-build:
	@$(MAKE) --no-print-directory B=$(FUZZ_B) CC=$(FUZZ_CC) \
	    OPT="-O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link" \
	    $(FUZZ_B)/libdyad_internal.a
	@$(MAKE) --no-print-directory $(FUZZ_BIN)

$(FUZZ_B)/fuzz/%: fuzz/%.c $(wildcard fuzz/*.h) $(FUZZ_B)/libdyad_internal.a
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CSTD) $(WARN) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer \
	    $(EXTRA_CFLAGS) -Iinclude -Isrc $(PKG_CFLAGS) $< \
	    $(FUZZ_B)/libdyad_internal.a $(LDLIBS) -o $@

fuzz: fuzz-build
	@sh fuzz/run.sh $(FUZZ_B) $(FUZZ_SECONDS)

fuzz-ci: fuzz-build
	@sh fuzz/run.sh $(FUZZ_B) 20 ci

clean:
	rm -rf build build-asan $(FUZZ_B)
