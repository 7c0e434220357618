#!/bin/sh
# cr-wip -j: the same output, messages and exit status whatever the
# number of jobs, over the examples and the test data (broken, hostile
# and undated reports among them), in every view and format; the
# workbook read back with openpyxl (values and links) and as bytes.
. "${CR_SRC:-.}/tests/cli/lib.sh"
PYTHONPATH=$(cd "${CR_SRC:-.}" && pwd)/tests/cli
export PYTHONPATH
cd "$CR_SRC" || exit 1
NOW="--now 2026-11-22T09:00:00+07:00"

# both J: one run with -j 1 and one with -j 4, the same arguments
both() {
	run cr-wip -j 1 "$@"
	o1=$out e1=$err r1=$rc
	run cr-wip -j 4 "$@"
	[ "$o1" = "$out" ] && [ "$e1" = "$err" ] && [ "$r1" = "$rc" ]
}

for dir in examples tests/data; do
	for by in action job report agreement; do
		for to in txt md csv tsv json html ics; do
			case $to.$by in ics.report | ics.agreement) continue ;; esac
			both $NOW --quiet --status all --by $by --to $to $dir
			ok $? "-j 1 and -j 4: $dir --by $by --to $to"
		done
	done
done
# the messages of unreadable files come in input order
both $NOW --quiet tests/data/wip tests/data/lint tests/data/wip-views
ok $? "-j 1 and -j 4: messages and exit status"
like "$err" "broken.yaml" "a broken report is said"
run cr-wip -j 0 tests/data/wip
is "$rc" 2 "-j 0 is refused"
like "$err" "-j takes a number of jobs" "and says why"

for dir in examples tests/data; do
	run cr-wip -j 1 $NOW --quiet --to xlsx -o "$T/j1.xlsx" $dir
	run cr-wip -j 4 $NOW --quiet --to xlsx -o "$T/j4.xlsx" $dir
	cmp -s "$T/j1.xlsx" "$T/j4.xlsx"
	ok $? "-j 1 and -j 4: $dir --to xlsx byte-identical"
	if ! "$PYTHON" -c 'import openpyxl' 2>/dev/null; then
		skip "no openpyxl"
		continue
	fi
	"$PYTHON" - "$T/j1.xlsx" "$T/j4.xlsx" >"$T/cells" <<'PY'
import sys, openpyxl
from xlsx_link import link, shown
def cells(path):
    wb = openpyxl.load_workbook(path)
    return [(ws.title, c.coordinate, shown(c), link(c))
            for ws in wb.worksheets for row in ws.iter_rows() for c in row]
a, b = cells(sys.argv[1]), cells(sys.argv[2])
links = sum(1 for x in a if x[3])
print("same" if a == b and links > 0 else "differ", links)
PY
	like "$(cat "$T/cells")" "same " "-j 1 and -j 4: $dir workbook cells and links"
done
done_testing
