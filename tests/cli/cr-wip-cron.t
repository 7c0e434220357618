#!/bin/sh
# scripts/wip-cron against a local temporary git repository: it pulls
# (a report pushed after cloning shows up), writes wip-YYYY-MM-DD.xlsx,
# keeps the last N workbooks, and says when the pull fails.
. "${CR_SRC:-.}/tests/cli/lib.sh"
PYTHONPATH=$(cd "${CR_SRC:-.}" && pwd)/tests/cli
export PYTHONPATH

if ! command -v git >/dev/null 2>&1; then
	skip "git missing"
	done_testing
	exit $?
fi

G="git -c user.name=Test -c user.email=test@example.com -c init.defaultBranch=main"
CRON="$CR_SRC/scripts/wip-cron"
export CR_WIP="$CR_BIN/cr-wip"

# origin (bare), a writer's clone, the cron job's clone
$G init -q --bare "$T/origin.git"
$G clone -q "$T/origin.git" "$T/writer" 2>/dev/null
cp "$CR_SRC/tests/data/wip/a/acme-2026-11-10.yaml" "$T/writer/"
(cd "$T/writer" && $G add . && $G commit -qm first && $G push -q origin HEAD) >/dev/null 2>&1
$G clone -q "$T/origin.git" "$T/reports" 2>/dev/null
ok "$(test -f "$T/reports/acme-2026-11-10.yaml"; echo $?)" "setup: the job's clone"

# a new report pushed after the job's clone
cp "$CR_SRC/tests/data/wip/a/acme-2026-11-20.yaml" "$T/writer/"
(cd "$T/writer" && $G add . && $G commit -qm second && $G push -q origin HEAD) >/dev/null 2>&1

mkdir "$T/out"
for d in 2026-11-01 2026-11-02 2026-11-03 2026-11-04; do
	echo old > "$T/out/wip-$d.xlsx"
done
echo mine > "$T/out/notes.txt"

WIP_NOW=2026-11-22T06:30:00+07:00 sh "$CRON" -n 3 -o "$T/out" "$T/reports" >"$T/cron.out" 2>&1
rc=$?
is "$rc" 0 "wip-cron: exit 0"
is "$(cat "$T/cron.out")" "" "wip-cron: quiet when all is well"
ok "$(test -f "$T/reports/acme-2026-11-20.yaml"; echo $?)" "pulled the new report"
ok "$(test -s "$T/out/wip-2026-11-22.xlsx"; echo $?)" "wrote wip-2026-11-22.xlsx"
is "$(cd "$T/out" && ls | tr '\n' ' ')" "notes.txt wip-2026-11-03.xlsx wip-2026-11-04.xlsx wip-2026-11-22.xlsx " "kept the last 3, other files alone"
is "$(ls -a "$T/out" | grep -c '^\.')" 2 "no temporary file left"

# the workbook holds the pulled report's action (constant-memory mode
# writes strings inline in the sheet)
has=$(python3 -c '
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
x = z.read("xl/worksheets/sheet1.xml").decode()
print("acme-7" in x, "Send the revised creative brief" in x)
' "$T/out/wip-2026-11-22.xlsx")
is "$has" "True True" "the workbook has the pulled actions"

# the same day again: the same bytes
cp "$T/out/wip-2026-11-22.xlsx" "$T/first.xlsx"
WIP_NOW=2026-11-22T06:30:00+07:00 sh "$CRON" -n 3 -o "$T/out" "$T/reports" >/dev/null 2>&1
same_file "$T/out/wip-2026-11-22.xlsx" "$T/first.xlsx" "a rerun gives the same workbook"

# options after REPO go to cr-wip
WIP_NOW=2026-11-23T06:30:00+07:00 sh "$CRON" -n 3 -o "$T/out" "$T/reports" --client nobody >/dev/null 2>&1
has=$(python3 -c '
import sys, zipfile
print("acme-7" in zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet1.xml").decode())
' "$T/out/wip-2026-11-23.xlsx")
is "$has" "False" "cr-wip options pass through"

# installed beside cr-wip and run from cron's own environment: nothing
# but PATH=/usr/bin:/bin (the documented crontab line)
mkdir "$T/inst" "$T/cronout"
cp "$CRON" "$T/inst/wip-cron"
cp "$CR_BIN/cr-wip" "$T/inst/cr-wip"
env -i PATH=/usr/bin:/bin WIP_NOW=2026-11-22T06:30:00+07:00 \
	"$T/inst/wip-cron" -o "$T/cronout" "$T/reports" >"$T/envi.out" 2>&1
is "$?" 0 "env -i PATH=/usr/bin:/bin: exit 0"
is "$(cat "$T/envi.out")" "" "env -i: nothing said"
ok "$(test -s "$T/cronout/wip-2026-11-22.xlsx"; echo $?)" "env -i: the workbook written"
# the file column links back to the reports from OUTDIR
if $PYTHON -c 'import openpyxl' 2>/dev/null; then
	l=$($PYTHON -c '
import os, sys, openpyxl
from xlsx_link import link, shown
p = sys.argv[1]
c = openpyxl.load_workbook(p)["WIP"].cell(row=2, column=13)
t = os.path.normpath(os.path.join(os.path.dirname(p), link(c)))
print(shown(c), os.path.isfile(t), t == os.path.realpath(sys.argv[2]))' "$T/cronout/wip-2026-11-22.xlsx" "$T/reports/acme-2026-11-20.yaml")
	is "$l" "acme-2026-11-20.yaml True True" "-o OUTDIR: the file link resolves to the report"
else
	skip "python3-openpyxl missing"
fi
# without cr-wip beside it nor in PATH: says so
cp "$CRON" "$T/alone-wip-cron"
env -i PATH=/usr/bin:/bin sh "$T/alone-wip-cron" "$T/reports" >"$T/alone.out" 2>&1
is "$?" 2 "no cr-wip anywhere: exit 2"
like "$(cat "$T/alone.out")" "cr-wip not found" "no cr-wip anywhere: said"

# a pull that fails: said, workbook still written, exit 1
rm -rf "$T/origin.git"
WIP_NOW=2026-11-24T06:30:00+07:00 sh "$CRON" -o "$T/out" "$T/reports" >"$T/cron.out" 2>&1
is "$?" 1 "failed pull: exit 1"
like "$(cat "$T/cron.out")" "git pull failed" "failed pull: said"
ok "$(test -s "$T/out/wip-2026-11-24.xlsx"; echo $?)" "failed pull: workbook still written"

sh "$CRON" -n x "$T/reports" >/dev/null 2>&1
is "$?" 2 "bad -n: exit 2"
sh "$CRON" >/dev/null 2>&1
is "$?" 2 "no repository: exit 2"

done_testing
