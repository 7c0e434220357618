#!/bin/sh
# The workbook, attacked through file names and the clock: only a plain
# relative path becomes a hyperlink (no scheme, no UNC share, no Windows
# path), and the document's dates are valid W3CDTF whatever --now says.
# Read back with openpyxl and Python's zipfile.
. "${CR_SRC:-.}/tests/cli/lib.sh"
PYTHONPATH=$(cd "${CR_SRC:-.}" && pwd)/tests/cli
export PYTHONPATH
R=$CR_SRC/tests/data/lint/good.yaml
cd "$T" || exit 1
if ! "$PYTHON" -c 'import openpyxl' 2>/dev/null; then
	skip "no openpyxl"
	done_testing
	exit
fi
mkdir in
# copy ID NAME: a report of its own action id under the file name NAME
copy() { sed -e "s/^id: .*/id: $1/" -e "s/acme-7/$1-a/" "$R" >"in/$2"; }
copy ok ok.yaml
copy unc '\\evil.example\share\r.yaml'
copy scheme 'http:evil.example.yaml'
copy drive 'C:evil.yaml'
copy pct 'a%2e.yaml'
(cd in && "$CR_BIN/cr-wip" --to xlsx --now 2026-11-22T10:00+07:00 -o ../w.xlsx .)
is "$?" 0 "the workbook is written"
"$PYTHON" - w.xlsx >links.txt <<'PY'
import sys, openpyxl
from xlsx_link import link, shown
ws = openpyxl.load_workbook(sys.argv[1])['WIP']
rows = list(ws.iter_rows())
col = [c.value for c in rows[0]].index('File')
for r in rows[1:]:
    c = r[col]
    print(shown(c), '->', link(c))
PY
l=$(cat links.txt)
# shown relative to the reports' root (.), linked from the workbook's
# folder (..)
like "$l" 'ok.yaml -> in/ok.yaml' "a relative path is linked"
like "$l" '\\evil.example\share\r.yaml -> None' "a UNC-like name is no link"
like "$l" "http:evil.example.yaml -> None" "a scheme-like name is no link"
like "$l" "C:evil.yaml -> None" "a drive-like name is no link"
like "$l" "a%2e.yaml -> None" "a percent-escape is no link"

# document dates: valid W3CDTF (1900-9999) for any --now
for now in 0000-01-01 9999-12-31T23:59:59-23:59 2026-11-22T10:00+07:00; do
	"$CR_BIN/cr-wip" --to xlsx --now "$now" -o d.xlsx in
	d=$("$PYTHON" - d.xlsx <<'PY'
import re, sys, zipfile
core = zipfile.ZipFile(sys.argv[1]).read('docProps/core.xml').decode()
for tag in ('created', 'modified'):
    m = re.search(r'<dcterms:%s[^>]*>([^<]*)<' % tag, core)
    v = m.group(1) if m else None
    ok = v is None or (re.fullmatch(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ', v)
                       and 1900 <= int(v[:4]) <= 9999)
    print(tag, v, 'valid' if ok else 'INVALID')
PY
)
	unlike "$d" "INVALID" "--now $now: the document's dates are valid W3CDTF"
	"$CR_BIN/cr-wip" --to xlsx --now "$now" -o d2.xlsx in
	cmp -s d.xlsx d2.xlsx
	is "$?" 0 "--now $now: the same bytes twice"
done
like "$d" "created 2026-11-22T03:00:00Z valid" "an ordinary --now is the creation date"
done_testing
