# Makefile — builds libdyad, the dyad command and the tests.
# `make demo` and `make check` are the two entry points a new user needs.

.DEFAULT_GOAL := all
CC      ?= cc
CSTD    := -std=c11 -D_POSIX_C_SOURCE=200809L
# Warnings are errors in developer and CI builds only (DEVELOPER=1, git's
# convention): a user's build must not fail because a newer compiler warns.
WARN    := -Wall -Wextra -Wpedantic
ifneq ($(DEVELOPER),)
WARN    += -Werror
endif
OPT     ?= -O2 -g
DEPS_PC := libutf8proc jansson libxml-2.0 zlib sqlite3
CFLAGS_ALL  = $(CSTD) $(WARN) $(OPT) -Iinclude -Isrc $(shell pkg-config --cflags $(DEPS_PC) 2>/dev/null) $(CFLAGS)
LDLIBS_ALL  = $(shell pkg-config --libs $(DEPS_PC) 2>/dev/null || echo -lutf8proc -ljansson -lxml2 -lz -lsqlite3) -lpthread -lm $(LDLIBS)

# The field's reference material (dictionaries, validation suites, corpus):
# a sibling of the repository. Tests that need it skip when it is absent.
SHARED  ?= ../shared
SHARED_ABS = $(abspath $(SHARED))

BUILD   ?= build
LIB_SRC := $(sort $(filter-out src/cli/%,$(wildcard src/*/*.c)))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/default_dict.o $(BUILD)/gen/default_dyd.o \
           $(BUILD)/gen/default_model.o
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
LIB     := $(BUILD)/libdyad.a
BIN     := $(BUILD)/dyad

# The shared library: libdyad.so.0 (the soname; 0 until the API is declared
# stable) is a link to libdyad.so.$(VERSION). Library objects are position-
# independent and hide every symbol but those include/dyad.h marks DYAD_API.
VERSION := $(shell sed -n 's/^\#define DYAD_VERSION "\(.*\)"/\1/p' include/dyad.h)
SOMAJOR := 0
SONAME  := libdyad.so.$(SOMAJOR)
SOLIB   := $(BUILD)/libdyad.so.$(VERSION)
LIB_CFLAGS := -fPIC -fvisibility=hidden

TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

# The default dictionaries (data/default/, used when neither --dict nor
# $DYAD_DICT names one) are embedded into libdyad, so the dyad command works
# from any directory. The file list is kept in a stamp that changes only when
# a file is added or removed.
DEFAULT_DIR   := data/default
DEFAULT_FILES := $(sort $(patsubst $(DEFAULT_DIR)/%,%,$(filter %.project %.actors %.agents \
                   %.verbs %.options %.discards %.txt,$(wildcard $(DEFAULT_DIR)/* $(DEFAULT_DIR)/*/*))))

$(BUILD)/gen/default_files.txt: FORCE
	@mkdir -p $(dir $@)
	@echo '$(DEFAULT_FILES)' >$@.$$$$.tmp; \
	if cmp -s $@.$$$$.tmp $@; then rm -f $@.$$$$.tmp; else mv $@.$$$$.tmp $@; fi

$(BUILD)/gen/default_dict.c: tools/embed_dict.sh $(BUILD)/gen/default_files.txt \
                             $(addprefix $(DEFAULT_DIR)/,$(DEFAULT_FILES))
	sh tools/embed_dict.sh $(DEFAULT_DIR) $(DEFAULT_FILES) >$@.$$$$.tmp && mv $@.$$$$.tmp $@

$(BUILD)/gen/default_dict.o: $(BUILD)/gen/default_dict.c
	$(CC) $(CFLAGS_ALL) $(LIB_CFLAGS) -c $< -o $@

# They are also embedded compiled (issue 7), so loading them is a copy and a
# pointer fix-up: tools/dydc.c, linked with a bootstrap library (everything
# but the compiled copy), writes build/default.dyd; tools/embed_bin.sh turns
# it into C. A change to any library source rebuilds it (the layout may move).
BOOT_LIB := $(BUILD)/libdyad-boot.a
$(BOOT_LIB): $(filter-out $(BUILD)/gen/default_dyd.o $(BUILD)/gen/default_model.o,$(LIB_OBJ))
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/tools/dydc: tools/dydc.c $(BOOT_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(BOOT_LIB) $(LDLIBS_ALL)

$(BUILD)/default.dyd: $(BUILD)/tools/dydc
	$(BUILD)/tools/dydc $@

$(BUILD)/gen/default_dyd.c: tools/embed_bin.sh $(BUILD)/default.dyd
	sh tools/embed_bin.sh dy_default_dyd $(BUILD)/default.dyd >$@.$$$$.tmp && mv $@.$$$$.tmp $@

$(BUILD)/gen/default_dyd.o: $(BUILD)/gen/default_dyd.c
	$(CC) $(CFLAGS_ALL) $(LIB_CFLAGS) -c $< -o $@

# The syntax model (data/model/en.dym, trained by `make model` and committed)
# is embedded the same way, through the assembler's .incbin.
MODEL := data/model/en.dym
$(BUILD)/gen/default_model.S: tools/embed_model.sh $(wildcard $(MODEL))
	@mkdir -p $(dir $@)
	sh tools/embed_model.sh $(abspath $(MODEL)) >$@.$$$$.tmp && mv $@.$$$$.tmp $@

$(BUILD)/gen/default_model.o: $(BUILD)/gen/default_model.S
	$(CC) -c $< -o $@

.PHONY: FORCE
FORCE:

# The compiler and flags of the last build (git's GIT-CFLAGS): objects built
# with others (another OPT, DEVELOPER, a Makefile that changed them) are
# rebuilt rather than mixed.
$(BUILD)/CFLAGS: FORCE
	@mkdir -p $(dir $@)
	@echo '$(CC) $(CFLAGS_ALL) | $(LIB_CFLAGS)' >$@.$$$$.tmp; \
	if cmp -s $@.$$$$.tmp $@; then rm -f $@.$$$$.tmp; else mv $@.$$$$.tmp $@; fi

SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

EXAMPLE_BIN := $(BUILD)/examples/minimal

.PHONY: all
all: $(BIN) $(EXAMPLE_BIN) $(BUILD)/libdyad.so $(BUILD)/dyad.pc

# The library's objects get LIB_CFLAGS; the command's and the tests' do not.
$(BUILD)/src/%.o: OBJ_CFLAGS = $(LIB_CFLAGS)
$(BUILD)/src/cli/%.o: OBJ_CFLAGS =
$(BUILD)/%.o: %.c $(BUILD)/CFLAGS
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(OBJ_CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(SOLIB): $(LIB_OBJ)
	$(CC) $(CFLAGS_ALL) -shared -Wl,-soname,$(SONAME) -Wl,--no-undefined -o $@ $^ $(LDLIBS_ALL)

$(BUILD)/libdyad.so: $(SOLIB)
	ln -sf libdyad.so.$(VERSION) $(BUILD)/$(SONAME)
	ln -sf $(SONAME) $@

# pkg-config's description of the installed library (dyad.pc.in); PREFIX is
# substituted at install time, so this copy names the default one.
$(BUILD)/dyad.pc: dyad.pc.in include/dyad.h
	@mkdir -p $(dir $@)
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(LIBDIR)|g' -e 's|@VERSION@|$(VERSION)|g' \
	    -e 's|@REQUIRES@|$(DEPS_PC)|g' $< >$@

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(CFLAGS_ALL) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS_ALL)

# The library example, built so it can never rot.
$(BUILD)/examples/%: examples/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(LIB) $(LDLIBS_ALL)

# Each unit test is a Criterion program linked against the library.
$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	@rm -f $@
	$(CC) $(CFLAGS_ALL) -o $@ $< $(LIB) $(LDLIBS_ALL) -lcriterion

.PHONY: tests
tests: $(BIN) $(EXAMPLE_BIN) $(BUILD)/libdyad.so $(BUILD)/dyad.pc $(TEST_BIN) $(BUILD)/tools/ud_tokeval $(BUILD)/tools/synlab \
       $(BUILD)/tools/synbench $(BUILD)/tools/storebench

# The syntax development harnesses (tools/synlab.c, tools/synbench.c; see
# DEVELOPERS.md), built with the tests so they cannot rot.
$(BUILD)/tools/syn%: tools/syn%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(LIB) $(LDLIBS_ALL)

# The event store's benchmark (bench/store.sh).
$(BUILD)/tools/storebench: tools/storebench.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(LIB) $(LDLIBS_ALL)

# The UD tokenizer's scorer (tools/ud_tokeval.c): reads gzip'd CoNLL-U with
# zlib. `make eval-tokenize` scores it on the EWT and GUM development sets,
# from raw text and with the sentences given (docs/syntax-tokenize.md).
$(BUILD)/tools/ud_tokeval: tools/ud_tokeval.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(LIB) $(LDLIBS_ALL)

UD_DEV := en_ewt-ud-dev en_gum-cc-ud-dev
.PHONY: eval-tokenize
eval-tokenize: $(BUILD)/tools/ud_tokeval
	@if [ ! -d $(SHARED)/ud ]; then echo "eval-tokenize: skipped, $(SHARED)/ud is absent"; exit 0; fi; \
	for f in $(UD_DEV); do \
	    $(BUILD)/tools/ud_tokeval $(SHARED)/ud/$$f.conllu.gz || exit 1; \
	    $(BUILD)/tools/ud_tokeval -s $(SHARED)/ud/$$f.conllu.gz || exit 1; \
	done

# ------------------------------------------------------------ eval-lemma
# Trains the lemmatiser on the UD English train sets in $(SHARED)/ud and
# scores it on the dev sets with gold tags (tools/lemma_eval.c reads the
# gzip'd CoNLL-U with zlib). LEMMA_EVAL_ARGS: e.g. "-o build/lemma.bin".
LEMMA_EVAL_ARGS ?=
$(BUILD)/tools/lemma_eval: tools/lemma_eval.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(LIB) $(LDLIBS_ALL)

.PHONY: eval-lemma
eval-lemma:
	@if [ -d "$(SHARED)/ud" ]; then \
	    $(MAKE) --no-print-directory $(BUILD)/tools/lemma_eval && \
	    $(BUILD)/tools/lemma_eval $(LEMMA_EVAL_ARGS) "$(SHARED_ABS)/ud"; \
	else echo "eval-lemma: skipped, $(SHARED)/ud is absent"; fi

# ----------------------------------------------------------------- model
# Trains the syntax model from the UD treebanks in $(SHARED)/ud (EWT and GUM
# train; scored on their dev files) into data/model/en.dym, which is
# committed and embedded into libdyad (docs/syntax.md). Deterministic: the
# same data give the same bytes. MODEL_ARGS: extra `dyad train` options.
MODEL_ARGS ?=
.PHONY: model
model: deps
	@if [ ! -d "$(SHARED)/ud" ]; then echo "model: $(SHARED)/ud is absent; nothing to train from"; exit 1; fi
	@$(MAKE) --no-print-directory $(BIN)
	@mkdir -p $(dir $(MODEL))
	$(BIN) train -o $(MODEL) -j 2 $(MODEL_ARGS) \
	    --train $(SHARED_ABS)/ud/en_ewt-ud-train.conllu.gz \
	    --train $(SHARED_ABS)/ud/en_gum-cc-ud-train.conllu.gz \
	    --dev $(SHARED_ABS)/ud/en_ewt-ud-dev.conllu.gz \
	    --dev $(SHARED_ABS)/ud/en_gum-cc-ud-dev.conllu.gz
	@$(MAKE) --no-print-directory all

# ------------------------------------------------------------ eval-syntax
# Scores the model with gold words (UPOS, UAS, LAS: tools/score_conllu.py of
# $(SHARED)) on EWT dev and test, GUM dev and PUD (news and Wikipedia), and
# the tokenizer from raw text: one table (docs/syntax.md). Test sets are
# scored, never tuned on.
.PHONY: eval-syntax
# Every suite's figure in one table (tools/eval_all.sh; docs/coding.md).
.PHONY: eval
eval: all
	@BUILD=$(BUILD) SHARED=$(SHARED_ABS) sh tools/eval_all.sh

eval-syntax: all
	@BUILD=$(BUILD) SHARED=$(SHARED_ABS) sh tools/eval_syntax.sh

# ------------------------------------------------------------------ fuzz
# fuzz/fuzz_*.c are libFuzzer harnesses (fuzz/README.md). Built with the
# normal compiler and fuzz/replay.c, each replays its seed corpus and the
# crash inputs kept in tests/regress/<harness>/ as part of `make check`.
FUZZ_NAMES  := $(sort $(patsubst fuzz/%.c,%,$(wildcard fuzz/fuzz_*.c)))
REGRESS_BIN := $(FUZZ_NAMES:%=$(BUILD)/regress/%)
tests: $(REGRESS_BIN)

$(BUILD)/regress/%: fuzz/%.c fuzz/support.c fuzz/replay.c fuzz/fuzz.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Ifuzz -o $@ $< fuzz/support.c fuzz/replay.c $(LIB) $(LDLIBS_ALL)

# `make fuzz` builds every harness with clang, libFuzzer, ASan and UBSan in
# build-fuzz/ and runs each for FUZZ_SECONDS (`make -j2 fuzz` runs two at a
# time). Inputs that grow coverage go to build-fuzz/corpus/<harness>/; a
# crash is written to build-fuzz/crash/ and fails the target.
FUZZ_SECONDS ?= 60
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_BIN := $(FUZZ_NAMES:%=$(BUILD)/fuzz/%)

.PHONY: fuzz fuzz-build fuzz-bins
fuzz-build:
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang \
	    OPT="-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN)" fuzz-bins
fuzz-bins: $(FUZZ_BIN)

$(BUILD)/fuzz/%: fuzz/%.c fuzz/support.c fuzz/fuzz.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -fsanitize=fuzzer -Ifuzz -o $@ $< fuzz/support.c $(LIB) $(LDLIBS_ALL)

fuzz: fuzz-build
	@$(MAKE) --no-print-directory $(FUZZ_NAMES:%=fuzz-run/%)

.PHONY: $(FUZZ_NAMES:%=fuzz-run/%)
$(FUZZ_NAMES:%=fuzz-run/%): fuzz-run/%:
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh fuzz/run.sh $*

# ------------------------------------------------------------- valgrind
# Every unit test, CLI test, the demo and the fuzz regressions under
# valgrind (memcheck, full leak check); any error or leak fails.
.PHONY: valgrind
valgrind: deps
	@$(MAKE) --no-print-directory tests
	@BUILD=$(BUILD) SHARED=$(SHARED_ABS) sh fuzz/valgrind.sh

# ------------------------------------------------------------------ deps
# Installs the Debian packages dyad needs, only when one is missing, so a
# warm machine never touches the network.
DEB_PKGS := gcc clang make pkg-config libutf8proc-dev libjansson-dev libxml2-dev zlib1g-dev libsqlite3-dev sqlite3 \
            libcriterion-dev valgrind time \
            iso-codes

# The tests also render the report page in a real browser: Chromium is
# installed by `make check` (deps-test), not by `make demo`.
DEB_TEST_PKGS := chromium

# install-pkgs PKGS: apt-get install those of PKGS that are missing
define install-pkgs
	@if ! command -v dpkg >/dev/null 2>&1; then \
	    echo "deps: not a Debian system; install by hand: $(1)"; exit 0; fi; \
	missing=""; \
	for p in $(1); do \
	    dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	    echo "deps: installing$$missing"; \
	    sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	    $$sudo apt-get update && \
	    DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y --no-install-recommends $$missing </dev/null; \
	fi
endef

.PHONY: deps deps-test
deps:
	$(call install-pkgs,$(DEB_PKGS))
deps-test: deps
	$(call install-pkgs,$(DEB_TEST_PKGS))

# ----------------------------------------------------------------- check
# Unit tests, CLI tests and the validation floor; the last line of output is
# "N passed, N failed, N skipped".
.PHONY: check
# A test that does not build is counted as failed by tests/run.sh, so the
# build keeps going (-k) and the summary still comes last.
check: deps-test
	@$(MAKE) --no-print-directory -k tests || true
	@BUILD=$(BUILD) SHARED=$(SHARED_ABS) sh tests/run.sh

# ------------------------------------------------------------------ asan
# The same tests under AddressSanitizer and UBSan, then (when ../shared is
# there) the whole news corpus with the production dictionaries.
.PHONY: asan
asan: deps
	@$(MAKE) --no-print-directory -k BUILD=build-asan OPT="-O1 -g $(SAN_FLAGS)" tests || true
	@BUILD=build-asan SHARED=$(SHARED_ABS) sh bench/corpus.sh asan; corpus=$$?; \
	BUILD=build-asan SHARED=$(SHARED_ABS) sh bench/petrarch.sh asan || corpus=1; \
	BUILD=build-asan SHARED=$(SHARED_ABS) sh tests/run.sh && [ $$corpus -eq 0 ]

# ------------------------------------------------------------------ demo
.PHONY: demo
demo: deps
	@$(MAKE) --no-print-directory all
	@echo "--- examples/demo-story.txt"
	@cat examples/demo-story.txt
	@echo "--- events"
	@$(BIN) code --date 2026-11-20 examples/demo-story.txt

# ----------------------------------------------------------------- bench
# Throughput on the news corpus with the production dictionaries, one thread;
# then bench/throughput.sh: default and production dictionaries, one thread
# and all cores, start-up from source and from .dyd, peak memory, written to
# bench/RESULTS.md; then bench/syntax.sh adds the speed of `dyad parse` and
# bench/formats.sh that of every input and output format, shallow and syntax.
.PHONY: bench
bench:
	@$(MAKE) --no-print-directory BUILD=build-bench OPT=-O2 all
	@BUILD=build-bench SHARED=$(SHARED_ABS) sh bench/corpus.sh bench
	@BUILD=build-bench SHARED=$(SHARED_ABS) sh bench/petrarch.sh
	@BUILD=build-bench SHARED=$(SHARED_ABS) sh bench/throughput.sh
	@BUILD=build-bench SHARED=$(SHARED_ABS) sh bench/syntax.sh
	@BUILD=build-bench SHARED=$(SHARED_ABS) sh bench/formats.sh
	@$(MAKE) --no-print-directory BUILD=build-bench OPT=-O2 build-bench/tools/storebench
	@BUILD=build-bench sh bench/store.sh

# --------------------------------------------------------------- install
# The command and its man page, the static and shared libraries, the header
# and dyad.pc, the default dictionaries (for reference and for extending: the
# library carries its own copy) and the parser model. PREFIX and DESTDIR as
# GNU and Debian expect; `make uninstall` with the same ones removes it all.
PREFIX  ?= /usr/local
LIBDIR  ?= $(PREFIX)/lib
DESTDIR ?=
.PHONY: install uninstall
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(LIBDIR)/pkgconfig \
	    $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/share/dyad/default \
	    $(DESTDIR)$(PREFIX)/share/dyad/model $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/dyad
	install -m 644 $(LIB) $(DESTDIR)$(LIBDIR)/libdyad.a
	install -m 755 $(SOLIB) $(DESTDIR)$(LIBDIR)/libdyad.so.$(VERSION)
	ln -sf libdyad.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libdyad.so
	install -m 644 include/dyad.h $(DESTDIR)$(PREFIX)/include/dyad.h
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(LIBDIR)|g' -e 's|@VERSION@|$(VERSION)|g' \
	    -e 's|@REQUIRES@|$(DEPS_PC)|g' dyad.pc.in >$(DESTDIR)$(LIBDIR)/pkgconfig/dyad.pc
	chmod 644 $(DESTDIR)$(LIBDIR)/pkgconfig/dyad.pc
	install -m 644 docs/dyad.1 $(DESTDIR)$(PREFIX)/share/man/man1/dyad.1
	install -m 644 $(MODEL) $(DESTDIR)$(PREFIX)/share/dyad/model/en.dym
	cd $(DEFAULT_DIR) && for f in $(DEFAULT_FILES); do \
	    install -D -m 644 $$f $(DESTDIR)$(PREFIX)/share/dyad/default/$$f || exit 1; done

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/dyad $(DESTDIR)$(LIBDIR)/libdyad.a \
	    $(DESTDIR)$(LIBDIR)/libdyad.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME) \
	    $(DESTDIR)$(LIBDIR)/libdyad.so $(DESTDIR)$(LIBDIR)/pkgconfig/dyad.pc \
	    $(DESTDIR)$(PREFIX)/include/dyad.h $(DESTDIR)$(PREFIX)/share/man/man1/dyad.1
	rm -rf $(DESTDIR)$(PREFIX)/share/dyad

.PHONY: clean
clean:
	rm -rf build build-*

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
