#!/bin/sh
# Hostile input through every tool: an answer with a positioned error (or
# success where the input is valid), never a crash, in bounded time and
# memory. Big inputs are made here at run time, not kept in the tree.
. "${CR_SRC:-.}/tests/cli/lib.sh"
NOW=2026-11-22T12:00:00+07:00

# bounded TOOL ARGS: run under a CPU-time limit, and an address-space limit
# where no sanitizer or valgrind needs a huge one.
bounded() {
	(
		ulimit -t 120
		case "$CR_BIN$CR_WRAP" in
		*asan* | *valgrind*) ;;
		*) ulimit -v 2000000 ;;
		esac
		run "$@"
		printf '%s\n' "$rc" >"$T/.rc"
		printf '%s' "$out" >"$T/.o"
		printf '%s' "$err" >"$T/.e"
	)
	rc=$(cat "$T/.rc")
	out=$(cat "$T/.o")
	err=$(cat "$T/.e")
}

# every_tool FILE RC MESSAGE: cr-lint, cr-render (yaml, html, txt) and
# cr-wip answer RC (cr-wip: the WIP of nothing readable is written, exit
# 1), and the lint message is MESSAGE.
every_tool() {
	f=$1 want=$2 msg=$3 name=$(basename "$1")
	bounded cr-lint --now $NOW "$f"
	is "$rc" "$want" "$name: cr-lint exits $want"
	[ -n "$msg" ] && like "$err" "$msg" "$name: $msg"
	for to in yaml html txt; do
		bounded cr-render --to $to --audience internal --now $NOW "$f"
		[ "$rc" = "$want" ] || break
	done
	is "$rc" "$want" "$name: cr-render exits $want (yaml, html, txt)"
	bounded cr-wip --now $NOW "$f"
	is "$rc" "$want" "$name: cr-wip exits $want"
}

good() { # a valid report, with extra lines appended from stdin
	cat <<'Y'
title: Hostile input
client: ACME Beverages
type: meeting
date: 2026-11-20 14:00 +07:00
author: Linh Tran
issued: 2026-11-20 18:00 +07:00
attendees:
  - Linh Tran (Account Executive, Sunrise Agency)
agreements:
  - The plan goes ahead.
Y
	cat
}

# ------------------------------------------------------------- encoding
printf 'title: Bad \377 byte\nclient: A\n' >"$T/badvalue.yaml"
every_tool "$T/badvalue.yaml" 1 "badvalue.yaml:1:12: error: invalid UTF-8 byte 0xFF; save the file as UTF-8 [encoding]"
printf 'tit\300le: x\nclient: A\n' >"$T/badkey.yaml"
every_tool "$T/badkey.yaml" 1 "badkey.yaml:1:4: error: invalid UTF-8 byte 0xC0"
printf 'title: Việt\000Nam\n' >"$T/nul.yaml"
every_tool "$T/nul.yaml" 1 "nul.yaml:1:12: error: NUL byte; the file must be UTF-8 text [encoding]"
printf 'title: x\n' | iconv -f UTF-8 -t UTF-16 >"$T/utf16.yaml"
every_tool "$T/utf16.yaml" 1 "utf16.yaml:1:1: error: the file is UTF-16LE, not UTF-8"
# A surrogate and an overlong form are invalid too.
printf 'title: \355\240\200 and \300\257\n' >"$T/surrogate.yaml"
bounded cr-lint "$T/surrogate.yaml"
like "$err" "surrogate.yaml:1:8: error: invalid UTF-8 byte 0xED" "a surrogate is invalid"

# --------------------------------------------------------------- limits
$PYTHON - "$T/bomb.yaml" <<'PY'
import sys
lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
for i in range(1, 12):
    lines.append("a%d: &a%d [%s]" % (i, i, ", ".join(["*a%d" % (i - 1)] * 9)))
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
every_tool "$T/bomb.yaml" 1 "alias expansion exceeds the limit of 1 MiB [limit]"
$PYTHON -c 'import sys; sys.stdout.write("title: " + "[" * 10000 + "]" * 10000 + "\n")' >"$T/flow.yaml"
every_tool "$T/flow.yaml" 1 "flow.yaml:1:71: error: nesting deeper than the limit of 64 levels [limit]"
# Block style: compact nested sequences, one level per "- ".
$PYTHON -c 'import sys; sys.stdout.write("- " * 10000 + "x\n")' >"$T/block.yaml"
every_tool "$T/block.yaml" 1 "block.yaml:1:129: error: nesting deeper than the limit of 64 levels [limit]"
$PYTHON -c 'import sys; sys.stdout.write("- " * 10000 + "x\n")' >"$T/deep.md"
bounded cr-lint --from md "$T/deep.md"
is "$rc" 1 "10,000-deep Markdown list: exit 1"
like "$err" "[limit]" "10,000-deep Markdown list: the limit"
good </dev/null >"$T/big.yaml"
$PYTHON -c '
import sys
with open(sys.argv[1], "a") as f:
    f.write("discussion:\n")
    line = "  - " + "x" * 1000 + "\n"
    for i in range(21000):
        f.write(line)' "$T/big.yaml"
every_tool "$T/big.yaml" 1 "big.yaml:1:1: error: the file is larger than the limit of 16 MiB [limit]"

# ------------------------------------------------ large but valid inputs
$PYTHON -c '
import sys
sys.stdout.write("discussion:\n  - " + "ab " * 700000 + "\nactions:\n  - what: w\n    who: Linh Tran\n    due: 2026-12-01\n")' | good >"$T/scalar.yaml"
every_tool "$T/scalar.yaml" 0 ""
n=100000
[ -n "$CR_WRAP" ] && n=5000 # valgrind is some 50 times slower
$PYTHON -c '
import sys
n = int(sys.argv[1])
sys.stdout.write("actions:\n")
for i in range(n):
    sys.stdout.write("  - what: Task %d\n    who: Linh Tran\n    due: 2026-12-01\n" % i)' $n | good >"$T/many.yaml"
bounded cr-lint --now $NOW "$T/many.yaml"
is "$rc:$err" "0:" "$n actions in one report: clean"
bounded cr-wip --now $NOW --to csv "$T/many.yaml"
is "$rc:$(printf '%s\n' "$out" | wc -l)" "0:$((n + 1))" "$n actions: one row each"
bounded cr-wip --now $NOW --to xlsx -o "$T/many.xlsx" "$T/many.yaml"
is "$rc:$err" "0:" "$n actions as a workbook (past the 65,530 links of a sheet)"
bounded cr-render --to txt --now $NOW "$T/many.yaml"
is "$rc" 0 "$n actions rendered as text"

# ----------------------------------------------------------- garbage
$PYTHON -c '
import random, sys
r = random.Random(20261122)
sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(65536)))' >"$T/garbage.bin"
for form in yaml md; do
	bounded cr-lint --from $form "$T/garbage.bin"
	is "$rc" 1 "binary garbage as $form: exit 1"
	like "$err" "garbage.bin:1:" "binary garbage as $form: positioned"
	bounded cr-render --from $form "$T/garbage.bin"
	is "$rc" 1 "binary garbage as $form: cr-render refuses"
done
: >"$T/empty.yaml"
every_tool "$T/empty.yaml" 1 "empty.yaml:1:1: error: no report in the input: it is empty [syntax]"
printf '  \n\t\n\n' >"$T/blank.yaml"
every_tool "$T/blank.yaml" 1 "blank.yaml:2:1: error: found character that cannot start any token"
: >"$T/empty.md"
bounded cr-lint "$T/empty.md"
is "$rc" 1 "an empty Markdown file: exit 1"

# ----------------------------------------------------------- Markdown
printf -- '---\ntitle: x\nclient: y\n\n# Heading\n' >"$T/open.md"
every_tool "$T/open.md" 1 "open.md:1:1: error:"
cat >"$T/ragged.md" <<'M'
---
client: ACME Beverages
type: meeting
date: 2026-11-20 14:00 +07:00
author: Linh Tran
---
# Ragged table

## Attendees
- Linh Tran

## Agreements
- Go ahead.

## Actions
| What | Who | Due | Status |
|---|---|---|---|
| Short row | Linh Tran |
| Long row | Linh Tran | 2026-12-01 | open | extra | more |
|
| Normal | Linh Tran | 2026-12-02 | open |
M
bounded cr-lint --now $NOW "$T/ragged.md"
is "$rc" 1 "ragged table: exit 1 (a row without its due)"
like "$err" "ragged.md:18:1: error: action 'ragged-1' has no due date" "the short row's missing due, positioned"
like "$err" "ragged.md:19:46: warning: this row has 6 cells, the header 4" "the long row's extra cells, positioned"
bounded cr-render --to json "$T/ragged.md"
is "$rc" 0 "ragged table still converts"

# ------------------------------------------------------- CRLF and BOM
good </dev/null | sed 's/$/\r/' >"$T/crlf.yaml"
printf 'actions:\r\n  - what: w\r\n    who: Linh Tran\r\n    due: 2026-12-01\r\n' >>"$T/crlf.yaml"
every_tool "$T/crlf.yaml" 0 ""
{ printf '\357\273\277'; good </dev/null; printf 'actions:\n  - what: w\n    who: Linh Tran\n    due: 2026-12-01\n'; } >"$T/bom.yaml"
every_tool "$T/bom.yaml" 0 ""
{ printf '\357\273\277'; good </dev/null | sed 's/$/\r/'; printf 'actions:\r\n  - what: w\r\n    who: X\r\n    due: soon\r\n'; } >"$T/bomcrlf.yaml"
bounded cr-lint --now $NOW "$T/bomcrlf.yaml"
like "$err" "bomcrlf.yaml:14:10: error: due 'soon' is not a date" "BOM and CRLF: columns still exact"

# -------------------------------------- files that vanish or cannot be read
mkdir "$T/dir"
good </dev/null >"$T/dir/a.yaml"
printf 'actions:\n  - what: w\n    who: Linh Tran\n    due: 2026-12-01\n' >>"$T/dir/a.yaml"
ln -s "$T/dir/gone.yaml" "$T/dir/b.yaml"
mkdir "$T/dir/c.yaml" # a folder that looks like a report: walked into
bounded cr-lint --now $NOW "$T/dir"
is "$rc" 2 "a report file that vanished: exit 2"
like "$err" "b.yaml: No such file or directory" "it is named"
bounded cr-wip --now $NOW "$T/dir"
is "$rc" 2 "cr-wip: exit 2 for the vanished file"
like "$out" "Linh Tran" "and still the WIP of the others"
bounded cr-render "$T/dir"
is "$rc" 2 "cr-render of a folder: exit 2"
done_testing
