# dyad -- build, test, demo, bench.
# `make` builds build/libdyad.a and build/dyad. See README.md.

CC      ?= cc
CSTD    := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
OPT     ?= -O2 -g
CFLAGS  ?=
CFLAGS  += $(CSTD) $(WARN) $(OPT) $(EXTRA_CFLAGS) -Iinclude -Isrc -I$(B)/gen
PKGS    := libxml-2.0 jansson libutf8proc
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CFLAGS  += $(PKG_CFLAGS)
LDLIBS  := $(PKG_LIBS) -lpthread -lm
TEST_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null)

B       := build
WORDNET ?= /usr/share/wordnet

LIB_SRC := $(wildcard src/*/*.c)
GEN_SRC := $(B)/gen/lexicon_data.c $(B)/gen/bundled_data.c
LIB_OBJ := $(LIB_SRC:%.c=$(B)/%.o) $(GEN_SRC:%.c=%.o)
CLI_SRC := $(wildcard cli/*.c)
CLI_OBJ := $(CLI_SRC:%.c=$(B)/%.o)
TEST_SRC := $(wildcard tests/test_*.c)
TEST_BIN := $(TEST_SRC:tests/%.c=$(B)/tests/%)
BUNDLED := $(sort $(wildcard data/dict/*.txt)) data/cameo-codes.tsv

.PHONY: all clean test demo bench eval asan deps
all: deps
	@$(MAKE) --no-print-directory $(B)/dyad

# Installs missing Debian packages (tools/deps.sh); a no-op when present.
deps:
	@sh tools/deps.sh

$(B)/%.o: %.c $(wildcard src/*/*.h include/*.h cli/*.h) | $(B)/gen/lexicon_data.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(B)/gen/%.o: $(B)/gen/%.c
	$(CC) $(CFLAGS) -Wno-overlength-strings -c $< -o $@

# Tools that run at build time only.
$(B)/tools/%: tools/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) -O2 -Isrc $< -o $@

# The tagger's open-class lexicon, extracted from WordNet (wordnet-base).
$(B)/gen/lexicon_data.c: $(B)/tools/mklexicon tools/closed_class.txt
	@mkdir -p $(dir $@)
	$(B)/tools/mklexicon $(WORDNET) tools/closed_class.txt > $@.tmp && mv $@.tmp $@

# The bundled dictionaries and the CAMEO table, compiled into the binary.
$(B)/gen/bundled_data.c: $(B)/tools/embed $(BUNDLED)
	@mkdir -p $(dir $@)
	$(B)/tools/embed $(BUNDLED) > $@.tmp && mv $@.tmp $@

$(B)/libdyad.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(B)/dyad: $(CLI_OBJ) $(B)/libdyad.a
	$(CC) $(CFLAGS) $^ $(LDLIBS) -o $@

$(B)/tests/%: tests/%.c $(B)/libdyad.a $(wildcard tests/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $< $(B)/libdyad.a $(LDLIBS) $(TEST_LIBS) -o $@

test: deps
	@$(MAKE) --no-print-directory $(B)/dyad $(TEST_BIN)
	@sh tests/run_all.sh $(B)

demo: deps
	@$(MAKE) --no-print-directory $(B)/dyad
	$(B)/dyad code --format table examples/article.jsonl

bench: deps
	@$(MAKE) --no-print-directory $(B)/dyad
	@sh bench/run.sh $(B)

eval: deps
	@$(MAKE) --no-print-directory $(B)/dyad
	@sh tests/eval.sh $(B)

# Same tests under AddressSanitizer and UBSan, in a separate build tree.
asan:
	$(MAKE) B=build-asan OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" test

clean:
	rm -rf build build-asan
