#!/bin/sh
# A report saved as UTF-16 or UTF-32 is one encoding error that names the
# encoding and how to convert, with or without a byte-order mark; no NUL
# bytes listed, no "it is empty" after it (SPEC 3, section 6 `encoding`).
. "${CR_SRC:-.}/tests/cli/lib.sh"

cd "$T" || exit 1
if ! command -v iconv >/dev/null 2>&1; then
	skip "iconv not installed"
	done_testing
	exit
fi
for enc in UTF-16LE UTF-16BE UTF-32LE UTF-32BE; do
	printf 'title: Kick-off\nclient: ACME\n' | iconv -f UTF-8 -t $enc >r.yaml
	run cr-lint r.yaml
	is "$rc" 1 "$enc without BOM: exit 1"
	is "$err" "r.yaml:1:1: error: the file looks like $enc without a byte-order mark, not UTF-8; convert it, e.g. with iconv -f $enc -t UTF-8 [encoding]" \
		"$enc without BOM: one error naming it"
done
printf 'title: Kick-off\n' | iconv -f UTF-8 -t UTF-16 >bom.yaml
run cr-lint bom.yaml
is "$err" "bom.yaml:1:1: error: the file is UTF-16LE, not UTF-8; convert it, e.g. with iconv -f UTF-16LE -t UTF-8 [encoding]" \
	"UTF-16 with BOM: one line, no 'it is empty'"
printf 'title: Kick-off\n' | iconv -f UTF-8 -t UTF-16LE >r.md
run cr-lint r.md
is "$err" "r.md:1:1: error: the file looks like UTF-16LE without a byte-order mark, not UTF-8; convert it, e.g. with iconv -f UTF-16LE -t UTF-8 [encoding]" \
	"Markdown in UTF-16: the same"
STDIN=r.yaml run cr-render
is "$rc" 1 "cr-render: exit 1"
like "$err" "<stdin>:1:1: error: the file looks like UTF-32BE" "cr-render on stdin: the same message"
# a lone NUL in UTF-8 text is still a NUL byte, not UTF-16
printf 'title: a\000b\n' >nul.yaml
run cr-lint nul.yaml
like "$err" "nul.yaml:1:9: error: NUL byte; the file must be UTF-8 text [encoding]" "a NUL in UTF-8 text: NUL byte"
done_testing
