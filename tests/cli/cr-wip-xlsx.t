#!/bin/sh
# cr-wip --to xlsx: the workbook read back with openpyxl (sheets, bold
# frozen header, autofilter, real dates, text that looks like a formula,
# overdue fill, status drop-down, hyperlink, Owners counts, document
# properties), byte-identical output, no binary on a terminal, and the
# parts deflated at zlib's fast level.
. "${CR_SRC:-.}/tests/cli/lib.sh"
PYTHONPATH=$(cd "${CR_SRC:-.}" && pwd)/tests/cli
export PYTHONPATH
cd "$CR_SRC" || exit 1

IN="tests/data/wip/a tests/data/wip/b"
NOW="--now 2026-11-22T09:00:00+07:00"

run cr-wip $NOW --to xlsx -o "$T/wip.xlsx" $IN
is "$rc" 0 "-o: exit 0"
is "$err" "" "-o: nothing on stderr"
ok "$(test -s "$T/wip.xlsx"; echo $?)" "-o: the file is there"
is "$(ls -a "$T" | grep -c '^\.wip')" 0 "-o: no temporary file left"

run cr-wip $NOW --to xlsx $IN
is "$rc" 0 "stdout (not a terminal): exit 0"
# stdout links relative to the current folder, -o to the file's: the
# sheets without links are the same
is "$(python3 -c '
import sys, zipfile
a, b = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2])
print(a.read("xl/worksheets/sheet5.xml") == b.read("xl/worksheets/sheet5.xml"))
' "$T/.out" "$T/wip.xlsx")" True "stdout and -o give the same workbook"
sleep 1
run cr-wip $NOW --to xlsx -o "$T/again.xlsx" $IN
same_file "$T/again.xlsx" "$T/wip.xlsx" "same input and --now: byte-identical"
# TMPDIR: the sheets' temporary files go there and none is left; a
# folder that cannot be written to is an error before any output
mkdir "$T/tmpd"
saved_tmpdir=${TMPDIR-}
export TMPDIR="$T/tmpd"
run cr-wip $NOW --to xlsx -o "$T/tmpdir.xlsx" $IN
is "$rc" 0 "TMPDIR: exit 0"
same_file "$T/tmpdir.xlsx" "$T/wip.xlsx" "TMPDIR: the same workbook"
is "$(ls -A "$T/tmpd" | wc -l | tr -d ' ')" 0 "TMPDIR: no temporary file left there"
TMPDIR="$T/none"
if [ -n "${CR_WRAP:-}" ]; then
	# valgrind makes its own files in TMPDIR: it cannot start at all
	for _ in 1 2 3; do
		skip "TMPDIR missing: not under CR_WRAP (valgrind makes its files there)"
	done
else
	run cr-wip $NOW --to xlsx -o "$T/none.xlsx" $IN
	is "$rc" 2 "TMPDIR missing: exit 2"
	is "$err" "cr-wip: $T/none: No such file or directory" "TMPDIR missing: says which folder and why"
	ok "$(test ! -e "$T/none.xlsx"; echo $?)" "TMPDIR missing: no output"
fi
if [ -n "$saved_tmpdir" ]; then TMPDIR=$saved_tmpdir; else unset TMPDIR; fi
run cr-wip --now 2026-11-23T09:00:00+07:00 --to xlsx -o "$T/other.xlsx" $IN
ok "$(cmp -s "$T/other.xlsx" "$T/wip.xlsx"; test $? = 1; echo $?)" "another --now: another file"

if command -v script >/dev/null 2>&1; then
	script -qec "$CR_BIN/cr-wip --to xlsx $IN" /dev/null >"$T/tty.out" 2>&1
	trc=$?
	is "$trc" 2 "terminal stdout: exit 2"
	like "$(cat "$T/tty.out")" "give -o FILE" "terminal stdout: says why"
else
	skip "script(1) missing: no terminal test"
	skip "script(1) missing: no terminal test"
fi

# the parts deflated at level 2 (cmd/cr-wip/xlsx_zip.c), which minizip
# records as "fast" (general purpose flag bits 1-2 = 2), and whole
is "$(python3 -c '
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(z.testzip(), sorted(set((i.compress_type, i.flag_bits & 6) for i in z.infolist())))
' "$T/wip.xlsx")" "None [(8, 4)]" "every part deflated at the fast level, CRCs right"

PY=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import openpyxl' 2>/dev/null; then
		PY=$p
		break
	fi
done
if [ -z "$PY" ]; then
	skip "python3-openpyxl missing"
	done_testing
	exit $?
fi

"$PY" - "$T/wip.xlsx" >"$T/check.txt" 2>&1 <<'PY'
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['WIP']
rows = list(ws.iter_rows(values_only=True))
head = rows[0]
col = {h: i for i, h in enumerate(head)}
def row(id_):
    return [r for r in rows[1:] if r[col['ID']] == id_][0]
def cell(id_, name):
    r = [i for i, x in enumerate(rows) if x[col['ID']] == id_][0] + 1
    return ws.cell(row=r, column=col[name] + 1)
print('sheets', wb.sheetnames)
print('bold', all(c.font.b for c in ws[1]))
print('frozen', ws.freeze_panes)
print('filter', ws.auto_filter.ref)
due = cell('acme-1', 'Due')
print('date', type(due.value).__name__, due.value.date(), due.number_format)
dt = cell('acme-7', 'Due')
print('datetime', dt.value, dt.number_format)
f = cell('acme-8', 'What')
print('formula-like', repr(f.value), f.data_type)
c = cell('inj-1', 'Client')
print('client', c.value, c.data_type)
for rng in ws.conditional_formatting:
    for rule in rng.rules:
        print('cf', rng.sqref, rule.type, rule.formula[0])
print('fill other', cell('acme-1', 'What').fill.fill_type)
print('days', cell('zh-1', 'Days overdue').value)
dv = ws.data_validations.dataValidation
print('validation', len(dv), dv[0].type, dv[0].formula1, str(dv[0].sqref))
link = cell('zh-1', 'File')
import os
from xlsx_link import link as link_of, shown
target = os.path.normpath(os.path.join(os.path.dirname(sys.argv[1]), link_of(link)))
print('link', shown(link), os.path.exists(target), target.endswith('tests/data/wip/b/zh-2026-11-18.yaml'))
print('count', cell('acme-1', 'Count').value, 'raised', cell('acme-1', 'Raised').value.date(), 'updated', cell('acme-1', 'Updated').value.date())
w = ws.column_dimensions
print('widths', w['A'].width > w['C'].width, w['D'].width >= 40)
o = wb['Owners']
for r in o.iter_rows(values_only=True):
    print('owner', *r)
p = wb.properties
print('title', p.title)
print('subject', p.subject)
print('created', p.created)
PY
is "$?" 0 "openpyxl reads the workbook"
c=$(cat "$T/check.txt")
like "$c" "sheets ['WIP', 'Jobs', 'Reports', 'Agreements', 'Owners']" "sheets WIP, Jobs, Reports, Agreements, Owners"
like "$c" "bold True" "header bold"
like "$c" "frozen A2" "header frozen"
like "$c" "filter A1:M10" "autofilter over every row and column"
like "$c" "date datetime 2026-11-25 yyyy-mm-dd" "a due date is a real date"
like "$c" "datetime 2026-11-22 08:00:00 yyyy-mm-dd hh:mm" "a due date-time keeps its time"
like "$c" "formula-like '=1+1' s" "=1+1 is a string"
like "$c" "client =HYPERLINK(\"http://evil.example\",\"click\") s" "=HYPERLINK(...) is a string"
like "$c" 'cf A2:M10 expression AND(ISNUMBER($F2),OR($G2="open",$G2="blocked"),IF(MOD($F2,1)=0,$F2<TODAY(),$F2<NOW()))' "overdue: a conditional format on due and status"
like "$c" 'days =IF(AND(ISNUMBER(F2),OR(G2="open",G2="blocked")),MAX(0,TODAY()-INT(F2)),0)' "days overdue: a formula"
like "$c" "fill other None" "other rows not filled"
like "$c" "validation 1 list \"open,done,blocked,dropped\" G2:G10" "status drop-down"
like "$c" "link zh-2026-11-18.yaml True True" "file shown from its root, linked from the workbook's folder"
like "$c" "count 2 raised 2026-11-10 updated 2026-11-20" "count, raised, updated"
like "$c" "widths True True" "widths from the content"
like "$c" "owner Owner Kind Open Overdue Due within 7 days" "Owners header"
like "$c" "owner @Minh person 1 1 0" "Owners: @Minh"
like "$c" "owner linh tran person 3 1 2" "Owners: Linh Tran in any case"
like "$c" "owner 王伟 person 1 1 0" "Owners: 王伟"
like "$c" "owner 李娜 person 1 0 0" "Owners: 李娜"
like "$c" "title WIP report" "title"
like "$c" "subject 9 open actions, 4 jobs, from 5 contact reports" "subject"
like "$c" "created 2026-11-22 02:00:00" "created from --now"

# LibreOffice follows the File column's links (HYPERLINK formulas) like
# hyperlinks: its HTML export makes each a link to the report, relative
# to the workbook; the text that only looks like a link stays text.
if command -v soffice >/dev/null 2>&1; then
	mkdir -p "$T/lo"
	(cd "$T/lo" && timeout 300 soffice --headless \
		"-env:UserInstallation=file://$T/lo/profile" \
		--convert-to html "$T/wip.xlsx" >/dev/null 2>&1)
	h=$(cat "$T/lo/wip.html" 2>/dev/null)
	like "$h" "tests/data/wip/b/zh-2026-11-18.yaml\">zh-2026-11-18.yaml</a>" "LibreOffice: the file is a link"
	unlike "$h" "href=\"http://evil.example" "LibreOffice: a client's =HYPERLINK(...) is no link"
	href=$(printf '%s\n' "$h" |
		sed -n 's/.*<a href="\([^"]*zh-2026-11-18\.yaml\)".*/\1/p' | head -1)
	[ -n "$href" ] && [ -f "$T/$href" ]
	ok $? "LibreOffice: the link resolves from the workbook to the report"
else
	skip "no soffice (libreoffice-calc-nogui)"
	skip "no soffice"
	skip "no soffice"
fi

done_testing
