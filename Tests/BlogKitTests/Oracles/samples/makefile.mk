# Makefile for a small C project, from "Makefiles that don't hurt".
# Usage: make [DEBUG=1] [PREFIX=/usr/local] <target>

.DEFAULT_GOAL := all
SHELL         := /bin/bash
.SHELLFLAGS   := -eu -o pipefail -c

PROJECT  := kvstore
VERSION  ?= $(shell git describe --tags --always 2>/dev/null || echo 0.0.0)
PREFIX   ?= /usr/local
BUILDDIR := build

CC       ?= cc
CFLAGS   := -std=c11 -Wall -Wextra -Wpedantic -MMD -MP
LDFLAGS  :=
LDLIBS   := -lpthread

ifeq ($(DEBUG),1)
  CFLAGS += -O0 -g3 -fsanitize=address,undefined
  LDFLAGS += -fsanitize=address,undefined
else
  CFLAGS += -O2 -DNDEBUG
endif

ifneq ($(shell uname -s),Darwin)
  LDLIBS += -lrt
endif

SRCS := $(wildcard src/*.c)
OBJS := $(patsubst src/%.c,$(BUILDDIR)/%.o,$(SRCS))
DEPS := $(OBJS:.o=.d)
TESTS := $(basename $(notdir $(wildcard tests/test_*.c)))

# Colours for pretty output (disable with NO_COLOR=1).
ifndef NO_COLOR
  GREEN := \033[0;32m
  RESET := \033[0m
endif

define log
	@printf "$(GREEN)%-8s$(RESET) %s\n" "$(1)" "$(2)"
endef

.PHONY: all clean install uninstall test lint help

all: $(BUILDDIR)/$(PROJECT) ## Build the binary

$(BUILDDIR)/$(PROJECT): $(OBJS)
	$(call log,LINK,$@)
	@$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# Pattern rule: one object per source file.
$(BUILDDIR)/%.o: src/%.c | $(BUILDDIR)
	$(call log,CC,$<)
	@$(CC) $(CFLAGS) -DVERSION=\"$(VERSION)\" -Iinclude -c $< -o $@

$(BUILDDIR):
	@mkdir -p $@

$(BUILDDIR)/test_%: tests/test_%.c $(filter-out $(BUILDDIR)/main.o,$(OBJS))
	@$(CC) $(CFLAGS) -Iinclude -o $@ $^ $(LDLIBS)

test: $(addprefix $(BUILDDIR)/,$(TESTS)) ## Run unit tests
	@for t in $^; do \
		echo "==> $$t"; \
		./$$t || exit 1; \
	done

lint: ## Static analysis
	clang-tidy $(SRCS) -- $(CFLAGS) -Iinclude
	cppcheck --enable=warning,performance --quiet src/

install: all ## Install into $(PREFIX)
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(BUILDDIR)/$(PROJECT) $(DESTDIR)$(PREFIX)/bin/

uninstall:
	$(RM) $(DESTDIR)$(PREFIX)/bin/$(PROJECT)

clean: ## Remove build artefacts
	$(RM) -r $(BUILDDIR)

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*?## "}; {printf "  %-12s %s\n", $$1, $$2}'

print-%: ; @echo '$* = $($*)'

-include $(DEPS)
