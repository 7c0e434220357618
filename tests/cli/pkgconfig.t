#!/bin/sh
# The installed library as a user gets it: `make install` into a scratch
# prefix, then programs built with `pkg-config --cflags --libs crtools`
# (reading needs only libyaml and cmark-gfm) and `crtools-render` (PDF).
. "${CR_SRC:-.}/tests/cli/lib.sh"

if ! command -v pkg-config >/dev/null || ! command -v cc >/dev/null; then
	skip "no pkg-config or cc"
	done_testing
	exit 0
fi
P=$T/prefix
# the default build, not the sanitizer one that may be running this test
# (make passes its command-line variables on in the environment too)
unset MAKEFLAGS MFLAGS MAKELEVEL OBJ BIN LIBA LIBRENDER TESTBIN OPT
make -s -C "$CR_SRC" install PREFIX="$P" >"$T/install.log" 2>&1
ok $? "make install PREFIX=$P"
export PKG_CONFIG_PATH="$P/lib/pkgconfig"
libs=$(pkg-config --libs crtools)
ok $? "pkg-config knows crtools"
unlike "$libs" "pango" "reading does not need pango"
unlike "$libs" "gmime" "reading does not need GMime"
unlike "$libs" "xlsxwriter" "reading does not need libxlsxwriter"
# shellcheck disable=SC2046
cc -o "$T/read" "$CR_SRC/tests/pkgconfig/read.c" \
	$(pkg-config --cflags --libs crtools) 2>"$T/cc.err"
ok $? "a reader links against the installed libcr"
[ -s "$T/cc.err" ] && _diag "$(cat "$T/cc.err")"
"$T/read" "$CR_SRC/examples/en/acme-2026-11-13.md" >"$T/read.out" 2>&1
ok $? "it reads a report"
like "$(cat "$T/read.out")" "Creative routes" "the title read back"
# shellcheck disable=SC2046
cc -o "$T/pdf" "$CR_SRC/tests/pkgconfig/pdf.c" \
	$(pkg-config --cflags --libs crtools-render) 2>"$T/cc2.err"
ok $? "a PDF program links against libcr-render"
[ -s "$T/cc2.err" ] && _diag "$(cat "$T/cc2.err")"
"$T/pdf" "$CR_SRC/examples/en/acme-2026-11-20.yaml" >"$T/r.pdf"
ok $? "it renders"
is "$(head -c 5 "$T/r.pdf")" "%PDF-" "the output is a PDF"

done_testing
