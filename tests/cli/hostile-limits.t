#!/bin/sh
# Markdown within the 16 MiB limit that cmark-gfm could not hold (SPEC 4):
# millions of list items, 600,000 table rows (14 MiB), a row of 50,000 cells.
# Each is refused with the `limit` error at the line where the budget
# runs out, in bounded memory (peak RSS measured, under 512 MiB) and
# never by cmark's abort; a big report under the budget is read.
. "${CR_SRC:-.}/tests/cli/lib.sh"
cd "$T" || exit 1

front() {
	printf -- '---\ntitle: x\nclient: y\ntype: call\ndate: 2026-11-20\n'
	printf -- 'author: A\nattendees: [A]\nagreements: [a]\n'
	printf -- 'actions: [{what: a, who: A, due: 2026-11-22}]\n---\n'
}
# N copies of a line
lines() { awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) print s }'; }

{ front; printf '## Discussion\n\n'; lines 4000000 '- a'; } >list.md
{ front; printf '## Actions\n\n| what | who | due |\n|---|---|---|\n'; lines 600000 '| a | A | 2026-11-22 |'; } >table.md
{ front; printf '## Actions\n\n| what | who | due |\n|---|---|---|\n'; lines 1 "|$(lines 50000 'a|' | tr -d '\n')"; } >cells.md
{ front; printf '## Discussion\n\n'; lines 100000 '- a point'; } >big.md

# peak TOOL ARGS: run with the peak RSS (KiB) in $peak when GNU time is
# there and no sanitizer or valgrind inflates it; memory capped at 2 GB
peak() {
	peak=
	case "$CR_BIN$CR_WRAP" in
	*asan* | *valgrind*) run "$@"; return ;;
	esac
	if [ -x /usr/bin/time ]; then
		(ulimit -v 2000000; /usr/bin/time -f %M -o "$T/peak" "$CR_BIN/$@") \
			</dev/null >"$T/.out" 2>"$T/.err"
		rc=$?
		peak=$(tail -1 "$T/peak")
		err=$(cat "$T/.err")
	else
		run "$@"
	fi
}
under512() { # NAME
	if [ -n "$peak" ]; then
		ok "$([ "$peak" -lt 524288 ] && echo 0 || echo 1)" "$1: peak RSS ${peak} KiB, under 512 MiB"
	else
		skip "$1: no GNU time, or a sanitizer build"
	fi
}

peak cr-lint list.md
is "$rc" 1 "4M list items: exit 1, not cmark's abort"
like "$err" "list.md:166670:1: error: the Markdown has more than 500000 elements" "a limit error at the line"
like "$err" "[limit]" "the limit rule"
unlike "$err" "aborting" "no abort"
under512 "4M list items"
for to in html txt; do
	peak cr-render --to $to list.md
	is "$rc" 1 "cr-render --to $to: exit 1"
done
peak cr-wip list.md
is "$rc" 1 "cr-wip: exit 1"
unlike "$err" "aborting" "cr-wip: no abort"

peak cr-lint table.md
is "$rc" 1 "600,000 table rows: exit 1"
like "$err" "error: the Markdown has more than 500000 elements" "600,000 table rows: the limit"
under512 "600,000 table rows"

peak cr-lint cells.md
is "$rc" 1 "a row of 50,000 cells: exit 1, at once"
like "$err" "cells.md:15:1: error: a line with more than 1000 '|' (table cells) exceeds the limit" "named at its line"

yfront() {
	printf 'title: x\nclient: y\ntype: call\ndate: 2026-11-20\nauthor: A\n'
	printf 'attendees: [A]\nagreements: [a]\n'
	printf 'actions: [{what: a, who: A, due: 2026-11-22}]\n'
}
{ yfront; printf 'discussion:\n'; lines 4000000 '- a'; } >list.yaml
{ yfront; printf 'discussion: ['; lines 8000000 'a,' | tr -d '\n'; printf ']\n'; } >flow.yaml
for f in list.yaml flow.yaml; do
	for tool in cr-lint "cr-render --to html" "cr-wip --to csv"; do
		# shellcheck disable=SC2086
		peak $tool $f
		is "$rc" 1 "$f: ${tool%% *} exits 1"
	done
	like "$err" "error: more than 1000000 YAML values (scalars, lists, maps) by here" "$f: the limit error"
	unlike "$err" "out of memory" "$f: not out of memory"
	under512 "$f"
done
like "$err" "flow.yaml:9:" "at the line where the budget runs out"

peak cr-lint big.md
is "$rc" 0 "100,000 list items, under the budget: read"
under512 "100,000 list items"

# A 5 MB field on one line in a PDF: cut with a visible mark, in bounded
# memory (it took pango 46 s and 643 MB to lay out whole).
if [ -x "$CR_BIN/cr-render-full" ]; then
	{ front; printf '## Discussion\n\n- '; head -c 5000000 /dev/zero | tr '\0' 'w'; echo; } >field.md
	for f in html txt; do
		peak cr-render --to $f -o field.$f field.md
		is "$rc" 0 "a 5 MB field of 'w' (an autolink candidate at every byte): $f rendered"
		under512 "a 5 MB field in $f"
	done
	peak cr-render --to pdf -o field.pdf field.md
	is "$rc" 0 "a 5 MB field: rendered"
	under512 "a 5 MB field in a PDF"
	if command -v pdftotext >/dev/null; then
		like "$(pdftotext field.pdf - 2>/dev/null)" "w […]" "the cut is marked on the page"
	else
		skip "no pdftotext"
	fi
else
	skip "cr-render-full not built"
fi
done_testing
