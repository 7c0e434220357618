# crtools - plain Makefile.
#
#   make            lib/libcr.a and every tool into bin/
#   make check      all tests, cr-lint -j under TSan, all tests under ASan+UBSan
#   make tsan       cr-lint built with ThreadSanitizer over tests/cli/jobs.t
#   make demo       lint, render and collect the bundled examples into out/
#   make install    PREFIX=/usr/local (DESTDIR honoured)
#   make leakcheck  the CLI tests under valgrind memcheck
#   make fuzz       libFuzzer targets (FUZZ_SECONDS each)
#   make bench      benchmarks (scripts/bench)


.SUFFIXES:

CC ?= cc
PKG_CONFIG ?= pkg-config
PREFIX ?= /usr/local
VERSION = $(shell sed -n 's/^\#define CR_VERSION "\(.*\)"/\1/p' lib/crtools.h)
BINDIR_INST = $(PREFIX)/bin
LIBDIR_INST = $(PREFIX)/lib
INCDIR_INST = $(PREFIX)/include
MANDIR_INST = $(PREFIX)/share/man

# Output locations; the sanitizer build overrides them.
OBJ ?= build/obj
BIN ?= bin
LIBA ?= lib/libcr.a
LIBRENDER ?= lib/libcr-render.a
TESTBIN ?= build/tests

# -flto: the library's small functions (the UTF-8 steps, the arena, the
# position cursor) inlined into the tools, some 2.6 % of cr-lint's
# instructions; fat objects, so that libcr.a also links without LTO.
OPT ?= -O2 -g -flto=auto -ffat-lto-objects
WARN = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wpointer-arith -Wformat=2 -Wvla \
       -Wno-unused-parameter
CSTD = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE

LIB_PKGS = yaml-0.1 libcmark-gfm libutf8proc
RENDER_PKGS = pangocairo pangoft2 fontconfig cairo-pdf librsvg-2.0 gmime-3.0
WIP_PKGS = xlsxwriter libical
PKGS = $(LIB_PKGS) $(RENDER_PKGS) $(WIP_PKGS)

PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
LIB_LIBS := $(shell $(PKG_CONFIG) --libs $(LIB_PKGS) 2>/dev/null) -lm
RENDER_LIBS := $(shell $(PKG_CONFIG) --libs $(RENDER_PKGS) 2>/dev/null) -ldl
# cr-render-pdf's: pango and cairo; librsvg is loaded (dlopen) only when a
# logo is an SVG (lib/render_pdf.c)
PDF_PKGS = pangocairo pangoft2 fontconfig cairo-pdf
PDF_LIBS := $(shell $(PKG_CONFIG) --libs $(PDF_PKGS) 2>/dev/null) -ldl
# cr-render's three programs take libyaml, cmark-gfm and utf8proc in
# (their archives, where the system has them): a process a report, and
# each shared library loaded costs every run (0.3 ms of a PDF's 4 ms of
# loading, a fifth of an HTML page).
LIB_ARCHIVES := $(foreach l,yaml cmark-gfm-extensions cmark-gfm utf8proc,$(shell $(CC) -print-file-name=lib$(l).a 2>/dev/null))
ifeq ($(filter /%,$(LIB_ARCHIVES)),$(LIB_ARCHIVES))
RENDER_LIB_LIBS = -Wl,-Bstatic -lyaml -lcmark-gfm-extensions -lcmark-gfm \
	-lutf8proc -Wl,-Bdynamic -lm
else
RENDER_LIB_LIBS = $(LIB_LIBS)
endif
WIP_LIBS := $(shell $(PKG_CONFIG) --libs $(WIP_PKGS) 2>/dev/null)
ALL_LIBS = $(LIB_LIBS) $(RENDER_LIBS) $(WIP_LIBS)

ALL_CFLAGS = $(CSTD) $(WARN) $(OPT) -pthread -Ilib -Icmd/common -I$(OBJ)/gen $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(OPT) -pthread $(LDFLAGS)

# Extra libraries per tool (static linking pulls in only what is used).
LIBS_cr-wip = $(WIP_LIBS)
# cr-lint checks e-mail addresses with GMime (cmd/cr-lint/email.c).
LIBS_cr-lint = $(shell $(PKG_CONFIG) --libs gmime-3.0 2>/dev/null)
# Objects a tool shares with another: cr-wip honours the `ignore:` globs
# and reads max-issue-hours of .cr-lint.yaml with cr-lint's own code.
EXTRA_OBJ_cr-wip = $(OBJ)/cmd/cr-lint/config.o

# Two libraries: libcr (read, check, write, html and txt; needs libyaml
# and cmark-gfm) and libcr-render (pdf and e-mail; pango, cairo, GMime),
# so that a program that reads reports does not drag in the others.
RENDER_LIB_SRC := lib/render_pdf.c lib/render_eml.c lib/pdf_fonts.c
LIB_SRC := $(filter-out $(RENDER_LIB_SRC),$(sort $(wildcard lib/*.c)))
LIB_OBJ := $(LIB_SRC:%.c=$(OBJ)/%.o)
RENDER_LIB_OBJ := $(RENDER_LIB_SRC:%.c=$(OBJ)/%.o)
CLI_SRC := $(sort $(wildcard cmd/common/*.c))
CLI_OBJ := $(CLI_SRC:%.c=$(OBJ)/%.o)
TOOLS := $(sort $(notdir $(wildcard cmd/cr-*)))
TOOL_BINS := $(TOOLS:%=$(BIN)/%)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(UNIT_SRC:tests/unit/%.c=$(TESTBIN)/%)
DATA_SRC := $(sort $(wildcard lib/data/*.txt))
DATA_GEN := $(OBJ)/gen/cr_data.h
MANS := $(sort $(wildcard man/*.[1-9]))
# Message catalogues (SPEC 3): po/LANG.po -> build/locale/LANG/LC_MESSAGES.
LOCALES := $(sort $(basename $(notdir $(wildcard po/*.po))))
LOCALEDIR_BUILD = build/locale
MOS := $(LOCALES:%=$(LOCALEDIR_BUILD)/%/LC_MESSAGES/crtools.mo)
LOCALEDIR_INST = $(PREFIX)/share/locale

all: $(LIBA) $(LIBRENDER) $(TOOL_BINS) $(BIN)/cr-render-pdf \
	$(BIN)/cr-render-full $(MOS)

$(OBJ)/%.o: %.c lib/crtools.h lib/internal.h $(wildcard lib/cr_*.h cmd/common/*.h) $(DATA_GEN)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Where an installed tool finds its catalogues when neither CR_LOCALEDIR
# nor a share/locale next to it says otherwise (cmd/common/i18n.c).
$(OBJ)/cmd/common/i18n.o: ALL_CFLAGS += -DCR_LOCALEDIR='"$(LOCALEDIR_INST)"'

$(LOCALEDIR_BUILD)/%/LC_MESSAGES/crtools.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt -c -o $@ $<

# po/crtools.pot from the sources: the formats of the diagnostics
# (cr_diags_add and its wrappers), cli_error and the _() texts of cmd/.
XGETTEXT_KEYWORDS = --keyword=_ --keyword=N_ --keyword=CR_ --keyword=CR_N_ \
	--keyword=cr_diags_add:5 \
	--keyword=cr_diags_vadd:6 --keyword=add:4 --keyword=tadd:5 --keyword=fail:4 \
	--keyword=cli_error:2 --keyword=CR_FIELD:8
POT_OUT ?= po/crtools.pot
pot:
	@xgettext --from-code=UTF-8 --language=C --add-comments=TRANSLATORS: \
		$(XGETTEXT_KEYWORDS) --package-name=crtools \
		--package-version=$(shell sed -n 's/^#define CR_VERSION "\(.*\)"/\1/p' lib/crtools.h) \
		--msgid-bugs-address=crtools --sort-by-file -o $(POT_OUT) \
		$(LIB_SRC) lib/cr_fields.h $(CLI_SRC) $(sort $(wildcard cmd/cr-*/*.c))
# The catalogues brought up to date with the template (then translate).
po-update: pot
	for l in $(LOCALES); do msgmerge -q -U --backup=none po/$$l.po po/crtools.pot; done

# Word lists are embedded into the library; this rule regenerates the header.
$(DATA_GEN): $(DATA_SRC) scripts/embed-data
	@mkdir -p $(@D)
	sh scripts/embed-data $(DATA_SRC) > $@.tmp && mv $@.tmp $@

$(LIBA): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

$(LIBRENDER): $(RENDER_LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $(RENDER_LIB_OBJ)

# One rule per tool, generated: cmd/<tool>/*.c + cmd/common + libcr.a.
define TOOL_template
$(BIN)/$(1): $(patsubst %.c,$(OBJ)/%.o,$(wildcard cmd/$(1)/*.c)) $(EXTRA_OBJ_$(1)) $(CLI_OBJ) $(LIBA)
	@mkdir -p $$(@D)
	$$(CC) $$(ALL_LDFLAGS) -o $$@ $$^ $$(LIBS_$(1)) $$(LIB_LIBS)
endef
$(foreach t,$(filter-out cr-render,$(TOOLS)),$(eval $(call TOOL_template,$(t))))

# cr-render three times over (see cmd/cr-render/main.c): a light one that
# starts fast; cr-render-pdf, with pango and cairo, for pdf; cr-render-full,
# with GMime too, for eml. The two with pango link only the libraries they
# call (--as-needed): every library loaded costs each run its relocations.
$(OBJ)/cmd/cr-render/main-light.o: cmd/cr-render/main.c lib/crtools.h \
		$(wildcard lib/cr_*.h cmd/common/*.h)
	@mkdir -p $(@D)
	@echo "  CC      $< (light)"
	@$(CC) $(ALL_CFLAGS) -DCR_RENDER_LIGHT -c -o $@ $<
$(OBJ)/cmd/cr-render/main-pdf.o: cmd/cr-render/main.c lib/crtools.h \
		lib/pdf_fonts.h $(wildcard lib/cr_*.h cmd/common/*.h)
	@mkdir -p $(@D)
	@echo "  CC      $< (pdf)"
	@$(CC) $(ALL_CFLAGS) -DCR_RENDER_PDF -c -o $@ $<
$(BIN)/cr-render: $(OBJ)/cmd/cr-render/main-light.o $(CLI_OBJ) $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(RENDER_LIB_LIBS)
$(BIN)/cr-render-pdf: $(OBJ)/cmd/cr-render/main-pdf.o $(CLI_OBJ) $(LIBRENDER) $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -Wl,--as-needed -o $@ $^ $(PDF_LIBS) $(RENDER_LIB_LIBS)
$(BIN)/cr-render-full: $(OBJ)/cmd/cr-render/main.o $(CLI_OBJ) $(LIBRENDER) $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -Wl,--as-needed -o $@ $^ $(RENDER_LIBS) $(RENDER_LIB_LIBS)

$(TESTBIN)/%: tests/unit/%.c $(LIBRENDER) $(LIBA) lib/crtools.h lib/internal.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIBRENDER) $(LIBA) $(shell $(PKG_CONFIG) --cflags --libs cmocka) $(ALL_LIBS)

# Every format string of the catalogues as a case of the diagnostics'
# formatter (lib/diag_args.c), compared with vsnprintf.
FORMAT_CASES = $(OBJ)/gen/format_cases.h
$(FORMAT_CASES): po/crtools.pot $(wildcard po/*.po) scripts/gen-format-cases
	@mkdir -p $(@D)
	python3 scripts/gen-format-cases po/crtools.pot $(sort $(wildcard po/*.po)) > $@.tmp && mv $@.tmp $@
$(TESTBIN)/test_diag_args: $(FORMAT_CASES)

# The worker pool of -j is the tools' own (cmd/common), tested on its own.
$(TESTBIN)/test_parallel: tests/unit/test_parallel.c $(OBJ)/cmd/common/parallel.o
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(shell $(PKG_CONFIG) --cflags --libs cmocka)

# cr-lint's plain e-mail form against GMime's parser (cmd/cr-lint).
$(TESTBIN)/test_email: tests/unit/test_email.c $(OBJ)/cmd/cr-lint/email.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Icmd/cr-lint -o $@ $^ $(shell $(PKG_CONFIG) --cflags --libs cmocka) $(LIBS_cr-lint) $(LIB_LIBS)

# The libFuzzer targets (tests/fuzz, run by scripts/fuzz) built with a
# plain main (tests/fuzz/replay.c), replayed by tests/cli/fuzz-replay.t:
# a target that no longer builds with the tree fails make check.
FUZZ_NAMES = read-yaml read-md render wip flags walk
FUZZ_REPLAY := $(FUZZ_NAMES:%=$(TESTBIN)/fuzz-%)
FUZZ_DEFS_read-yaml = -DCR_FUZZ_FORM=1
FUZZ_DEFS_read-md = -DCR_FUZZ_FORM=2
FUZZ_DEFS_render = -DCR_FUZZ_FORM=0 -DCR_FUZZ_RENDER
$(TESTBIN)/fuzz-read-yaml $(TESTBIN)/fuzz-read-md $(TESTBIN)/fuzz-render: tests/fuzz/fuzz_read.c tests/fuzz/fuzz_opts.h
$(TESTBIN)/fuzz-wip: tests/fuzz/fuzz_wip.c
$(TESTBIN)/fuzz-flags: tests/fuzz/fuzz_flags.c lib/internal.h tests/fuzz/fuzz_opts.h
$(TESTBIN)/fuzz-walk: tests/fuzz/fuzz_walk.c $(CLI_OBJ)
$(FUZZ_REPLAY): tests/fuzz/replay.c $(LIBA) lib/crtools.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(FUZZ_DEFS_$(patsubst fuzz-%,%,$(@F))) -o $@ \
		$(filter %.c %.o,$^) $(LIBA) $(LIB_LIBS)

# ---------------------------------------------------------------- tests

unit: $(UNIT_BINS)
	@fail=0; for t in $(UNIT_BINS); do \
		CR_SRC=$(CURDIR) CR_TESTDATA=tests/data $$t || fail=1; \
	done; test $$fail = 0

# Test files run side by side, one a core (each works in its own
# mktemp -d folder); PROVE_JOBS=1 runs them one at a time.
PROVE_JOBS ?= $(shell getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
CLI_TESTS := $(sort $(wildcard tests/cli/*.t))
# Fault tests (kill -9 during writes): run with the command-line tests.
FAULT_TESTS := $(sort $(wildcard tests/fault/*.t))

# The error-injection library of the output tests (tests/inject).
INJECT_SO = build/inject/inject_errors.so
$(INJECT_SO): tests/inject/inject_errors.c
	@mkdir -p $(@D)
	$(CC) -std=c11 $(WARN) -O1 -g -fPIC -shared -o $@ $< -ldl

cli: all $(INJECT_SO) $(FUZZ_REPLAY)
	@if [ -n "$(CLI_TESTS)" ]; then \
		CR_BIN=$(CURDIR)/$(BIN) CR_SRC=$(CURDIR) CR_TESTBIN=$(CURDIR)/$(TESTBIN) \
		CR_INJECT_SO=$(CURDIR)/$(INJECT_SO) prove -j$(PROVE_JOBS) -f $(CLI_TESTS) $(FAULT_TESTS); \
	else echo "cli: no command-line tests yet"; fi

asan:
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 $(MAKE) OBJ=build/asan/obj BIN=build/asan/bin LIBA=build/asan/libcr.a LIBRENDER=build/asan/libcr-render.a \
		TESTBIN=build/asan/tests \
		OPT="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
		unit cli

# cr-lint and cr-wip under ThreadSanitizer over the -j tests (jobs.t,
# wip-jobs.t): a data race or a lock-order problem fails them (its report
# and exit 66 differ from -j 1's).
# GLib's slice allocator (GMime's) locks in ways TSan cannot see: malloc.
TSAN_TESTS = tests/cli/jobs.t tests/cli/wip-jobs.t
tsan:
	$(MAKE) OBJ=build/tsan/obj BIN=build/tsan/bin LIBA=build/tsan/libcr.a \
		LIBRENDER=build/tsan/libcr-render.a TESTBIN=build/tsan/tests \
		OPT="-O1 -g -fsanitize=thread" build/tsan/bin/cr-lint build/tsan/bin/cr-wip
	G_SLICE=always-malloc TSAN_OPTIONS="halt_on_error=1 exitcode=66" \
		CR_BIN=$(CURDIR)/build/tsan/bin \
		CR_SRC=$(CURDIR) prove -j$(PROVE_JOBS) -f $(TSAN_TESTS)

check: all format-check
	$(MAKE) unit cli
	$(MAKE) tsan
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 $(MAKE) asan

# The tree follows .clang-format: `make format` rewrites, format-check fails
# on any difference (run by make check).
CLANG_FORMAT ?= clang-format
FORMAT_SRC = $(shell git ls-files '*.c' '*.h' 2>/dev/null || find lib cmd tests -name '*.[ch]')
format:
	$(CLANG_FORMAT) -i $(FORMAT_SRC)
format-check:
	@if ! command -v $(CLANG_FORMAT) >/dev/null; then \
		echo "format-check: skipped: $(CLANG_FORMAT) not installed"; \
	else $(CLANG_FORMAT) --dry-run -Werror $(FORMAT_SRC) && echo "format-check: ok"; fi

mancheck:
	mandoc -T lint -W warning $(MANS)

leakcheck: all
	CR_BIN=$(CURDIR)/$(BIN) CR_SRC=$(CURDIR) CR_WRAP="valgrind -q --trace-children=yes --suppressions=$(CURDIR)/tests/valgrind.supp --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99" prove -f $(CLI_TESTS)

demo: all
	sh scripts/demo

# The floor cr-lint is measured against (tests/bench/floor.c).
BENCH_FLOOR = build/bench/floor

$(BENCH_FLOOR): tests/bench/floor.c
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(WARN) -O2 $(PKG_CFLAGS) -o $@ $< $(LIB_LIBS)

# The floor cr-render --to pdf is measured against (tests/bench/pdf_floor.c):
# pango and cairo only, no lib/.
BENCH_PDF_FLOOR = build/bench/pdf-floor
PDF_FLOOR_PKGS = pangocairo cairo-pdf fontconfig

$(BENCH_PDF_FLOOR): tests/bench/pdf_floor.c lib/pdf_fonts_conf.h
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(WARN) -O2 -Ilib \
	    `$(PKG_CONFIG) --cflags $(PDF_FLOOR_PKGS)` -o $@ $< \
	    `$(PKG_CONFIG) --libs $(PDF_FLOOR_PKGS)`

bench: all $(BENCH_FLOOR) $(BENCH_PDF_FLOOR)
	python3 scripts/bench $(BENCH_ARGS)

fuzz:
	sh scripts/fuzz $(FUZZ_SECONDS)

deps:
	sh scripts/install-deps

install: all
	mkdir -p $(DESTDIR)$(BINDIR_INST) $(DESTDIR)$(LIBDIR_INST)/pkgconfig \
		$(DESTDIR)$(INCDIR_INST) $(DESTDIR)$(MANDIR_INST)/man1 \
		$(DESTDIR)$(MANDIR_INST)/man5
	cp $(TOOL_BINS) $(DESTDIR)$(BINDIR_INST)/
	cp scripts/cr-send $(DESTDIR)$(BINDIR_INST)/
	mkdir -p $(DESTDIR)$(PREFIX)/libexec/crtools
	cp $(BIN)/cr-render-pdf $(BIN)/cr-render-full \
		$(DESTDIR)$(PREFIX)/libexec/crtools/
	cp $(LIBA) $(LIBRENDER) $(DESTDIR)$(LIBDIR_INST)/
	cp lib/crtools.h lib/cr_rules.h lib/cr_fields.h lib/cr_action_fields.h \
		$(DESTDIR)$(INCDIR_INST)/
	for m in $(MANS); do \
		s=$${m##*.}; cp $$m $(DESTDIR)$(MANDIR_INST)/man$$s/; done
	for l in $(LOCALES); do \
		mkdir -p $(DESTDIR)$(LOCALEDIR_INST)/$$l/LC_MESSAGES; \
		cp $(LOCALEDIR_BUILD)/$$l/LC_MESSAGES/crtools.mo \
			$(DESTDIR)$(LOCALEDIR_INST)/$$l/LC_MESSAGES/; done
	for pc in crtools crtools-render; do \
		sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' \
		-e 's|@LIB_PKGS@|$(LIB_PKGS)|' -e 's|@RENDER_PKGS@|$(RENDER_PKGS)|' \
		$$pc.pc.in > $(DESTDIR)$(LIBDIR_INST)/pkgconfig/$$pc.pc; done

clean:
	rm -rf build bin lib/libcr.a lib/libcr-render.a out

.PHONY: all pot po-update unit cli asan tsan check format format-check mancheck leakcheck demo bench fuzz deps \
	install clean
