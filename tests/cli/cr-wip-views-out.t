#!/bin/sh
# cr-wip's html, ics and full workbook over tests/data/wip-views, read by
# real readers: the page by Python's HTML parser and headless Chromium at
# 1200 and 390 px; the calendar by python3-icalendar; the workbook by
# openpyxl (every sheet, print settings, conditional formats, the chart
# in the archive), byte-identical twice.
. "${CR_SRC:-.}/tests/cli/lib.sh"
PYTHONPATH=$(cd "${CR_SRC:-.}" && pwd)/tests/cli
export PYTHONPATH
cd "$CR_SRC" || exit 1

IN=tests/data/wip-views
NOW="--now 2026-11-22T09:00:00+07:00"
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}

# ---------------------------------------------------------------- html
for by in action job report agreement; do
	"$CR_BIN/cr-wip" $NOW --by $by --status all --to html -o "$T/$by.html" $IN
done
h=$($PYTHON - "$T" <<'PY'
import sys, html.parser
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.rows, self.overdue, self.ext, self.script = [], 0, 0, 0, 0
        self.h1 = self.counts = ""
        self.cur = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr" and self.stack and self.stack[-1] == "tbody":
            self.rows += 1
            self.overdue += "overdue" in (a.get("class") or "")
        if tag == "script":
            self.script += 1
        for k in ("src", "href"):
            if k in a:
                self.ext += 1
        if tag == "link":
            self.ext += 1
        if tag in ("h1", "p"):
            self.cur = tag if tag == "h1" or a.get("class") == "counts" else None
        if tag not in ("meta", "br", "link"):
            self.stack.append(tag)
    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass
        if tag in ("h1", "p"):
            self.cur = None
    def handle_data(self, d):
        if self.cur == "h1":
            self.h1 += d
        elif self.cur == "p":
            self.counts += d
for by in ("action", "job", "report", "agreement"):
    p = P()
    p.feed(open("%s/%s.html" % (sys.argv[1], by), encoding="utf-8").read())
    print(by, p.h1, "|", p.counts, "|", p.rows, p.overdue, p.ext, p.script, "|", not p.stack)
PY
)
like "$h" "action WIP: actions | As of 2026-11-22 09:00: 5 actions, 2 overdue | 5 2 0 0 | True" "html actions: heading, counts, overdue rows marked"
like "$h" "job WIP: jobs | As of 2026-11-22 09:00: 2 jobs, 2 overdue | 2 2 0 0 | True" "html jobs"
like "$h" "report WIP: reports | As of 2026-11-22 09:00: 5 reports, 1 issued late | 5 1 0 0 | True" "html reports: the late one marked"
like "$h" "agreement WIP: agreements | As of 2026-11-22 09:00: 5 agreements | 5 0 0 0 | True" "html agreements"
like "$(cat "$T/action.html")" "@media print" "html: print CSS"

if [ -n "$CHROMIUM" ] && [ -x "$CHROMIUM" ]; then
	chrome() {
		rm -rf "$T/profile"
		mkdir "$T/profile"
		"$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic \
			--no-first-run --disable-background-networking \
			--disable-component-update --disable-sync \
			--user-data-dir="$T/profile" --hide-scrollbars "$@" 2>/dev/null
	}
	for w in 1200 390; do
		$PYTHON - "$T" $w >"$T/all.$w.html" <<'PY'
import html, sys
d, w = sys.argv[1], sys.argv[2]
print("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>")
for by in ("action", "job", "report", "agreement"):
    src = open("%s/%s.html" % (d, by), encoding="utf-8").read()
    print("<iframe data-name='%s' width='%s' height='1200' style='border:0;display:block' srcdoc=\"%s\"></iframe>"
          % (by, w, html.escape(src, quote=True)))
print("""<pre id='out'></pre><script>
window.addEventListener('load', function () {
  var out = [];
  document.querySelectorAll('iframe').forEach(function (f) {
    var doc = f.contentDocument;
    var cards = getComputedStyle(doc.querySelector('tbody tr')).display;
    out.push(f.dataset.name + ' ' + doc.documentElement.scrollWidth + ' ' + cards);
  });
  document.getElementById('out').textContent = out.join('\\n');
});
</script></body></html>""")
PY
		chrome --virtual-time-budget=10000 --window-size="$((w + 40)),1300" \
			--dump-dom "file://$T/all.$w.html" >"$T/dom.$w"
		m=$($PYTHON -c '
import html, re, sys
m = re.search(r"<pre id=\"out\">(.*?)</pre>", open(sys.argv[1], encoding="utf-8").read(), re.S)
print(html.unescape(m.group(1)).replace("\n", ";") if m else "")' "$T/dom.$w")
		wide=$(printf '%s\n' "$m" | tr ';' '\n' | awk -v w=$w '$2 > w')
		is "$(printf '%s\n' "$m" | tr ';' '\n' | wc -l | tr -d ' ')" 4 "chromium $w px: every view measured"
		is "$wide" "" "chromium $w px: no view scrolls sideways"
		if [ $w = 390 ]; then
			like "$m" "action 390 block" "390 px: rows are stacked cards"
		else
			like "$m" "action 1200 table-row" "1200 px: a table"
		fi
		for by in action report; do
			chrome --window-size=$w,900 --screenshot="$T/$by.$w.png" "file://$T/$by.html" >/dev/null
			ok "$(test -s "$T/$by.$w.png"; echo $?)" "screenshot $by at $w px"
			if [ -n "${CR_SHOTS:-}" ]; then
				mkdir -p "$CR_SHOTS"
				cp "$T/$by.$w.png" "$CR_SHOTS/wip-$by.$w.png"
			fi
		done
	done
else
	skip "chromium not there (scripts/install-deps --check installs it)"
fi

# ----------------------------------------------------------------- ics
"$CR_BIN/cr-wip" $NOW --status all --to ics -o "$T/a.ics" $IN
"$CR_BIN/cr-wip" $NOW --status all --to ics -o "$T/b.ics" $IN
same_file "$T/a.ics" "$T/b.ics" "ics: same input and --now, same bytes"
"$CR_BIN/cr-wip" $NOW --by job --status all --to ics -o "$T/job.ics" $IN
if $PYTHON -c 'import icalendar' 2>/dev/null; then
	c=$($PYTHON - "$T/a.ics" "$T/job.ics" <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for t in cal.walk("VTODO"):
    due = t.decoded("DUE")
    print(t["UID"], type(due).__name__, due.isoformat(), t["STATUS"],
          ",".join(t.get("CATEGORIES").cats) if t.get("CATEGORIES") else "-",
          t.decoded("DTSTAMP").isoformat())
print("zones", [str(z["TZID"]) for z in cal.walk("VTIMEZONE")])
print("desc", str(cal.walk("VTODO")[3]["DESCRIPTION"]).replace("\n", "|"))
job = icalendar.Calendar.from_ical(open(sys.argv[2], "rb").read())
for e in job.walk("VEVENT"):
    print("event", e["UID"], e.decoded("DTSTART").isoformat(), e.decoded("DTEND").isoformat(), e["SUMMARY"])
print("todos in job", len(job.walk("VTODO")))
PY
)
	is "$c" "action/saomai-2026-09-15/s1@crtools date 2026-09-30 COMPLETED - 2026-11-22T02:00:00+00:00
action/acme-2026-10-20/a1@crtools date 2026-10-25 COMPLETED - 2026-11-22T02:00:00+00:00
action/saomai-2026-09-15/s2@crtools date 2026-11-15 NEEDS-ACTION - 2026-11-22T02:00:00+00:00
action/acme-2026-10-20/a2@crtools date 2026-11-20 NEEDS-ACTION - 2026-11-22T02:00:00+00:00
action/acme-2026-10-20/a3@crtools datetime 2026-11-26T17:00:00+07:00 NEEDS-ACTION blocked 2026-11-22T02:00:00+00:00
zones ['UTC+07:00']
desc Who: Minh Le|Client: ACME Beverages|Project: Summer launch 2027|Report: acme-2026-11-10 (tests/data/wip-views/acme/acme-2026-11-10.md)
event job/ACME Beverages/Summer launch 2027@crtools 2026-11-25 2026-11-26 Next contact: ACME Beverages — Summer launch 2027
todos in job 0" "ics parsed back: VTODOs, all-day and zoned dues, STATUS, CATEGORIES, UIDs, DTSTAMP; a VEVENT per next contact"
else
	skip "python3-icalendar missing"
fi
# the same UIDs with another --now and a new report in the thread
"$CR_BIN/cr-wip" --now 2026-11-23T09:00:00+07:00 --status all --to ics $IN | grep '^UID' >"$T/uids2"
grep '^UID' "$T/a.ics" >"$T/uids1"
same_file "$T/uids2" "$T/uids1" "ics: UIDs stable across runs"

# ---------------------------------------------------------------- xlsx
"$CR_BIN/cr-wip" $NOW --to xlsx -o "$T/w1.xlsx" $IN
sleep 1
"$CR_BIN/cr-wip" $NOW --by report --to xlsx -o "$T/w2.xlsx" $IN
same_file "$T/w1.xlsx" "$T/w2.xlsx" "xlsx: byte-identical twice, whatever --by"
if ! $PYTHON -c 'import openpyxl' 2>/dev/null; then
	skip "python3-openpyxl missing"
	done_testing
	exit $?
fi
x=$($PYTHON - "$T/w1.xlsx" <<'PY'
import sys, os, zipfile, openpyxl
path = sys.argv[1]
z = zipfile.ZipFile(path)
print("chart part", any(n.startswith("xl/charts/chart") for n in z.namelist()))
wb = openpyxl.load_workbook(path)
print("sheets", wb.sheetnames)
for ws in wb.worksheets:
    ps = ws.page_setup
    print("print", ws.title, ps.orientation, ps.paperSize, ws.sheet_properties.pageSetUpPr.fitToPage,
          ps.fitToWidth, ps.fitToHeight, ws.print_title_rows, ws.oddFooter.left.text, ws.oddFooter.right.text,
          ws.freeze_panes, ws.auto_filter.ref)
    for rng in ws.conditional_formatting:
        for rule in rng.rules:
            print("cf", ws.title, rng.sqref, rule.formula[0])
def table(name):
    rows = list(wb[name].iter_rows(values_only=True))
    return rows
w = table("WIP")
print("WIP head", w[0][:8])
print("WIP ids", [r[2] for r in w[1:]])
ws = wb["WIP"]
print("wrap", ws.cell(row=3, column=4).alignment.wrap_text, ws.column_dimensions["D"].width)
link = ws.cell(row=3, column=13)
from xlsx_link import link as link_of, shown
t = os.path.normpath(os.path.join(os.path.dirname(path), link_of(link)))
print("file", shown(link), os.path.exists(t))
j = table("Jobs")
print("Jobs", [(r[0], r[2], r[6], r[7]) for r in j[1:]])
r = table("Reports")
print("Reports", [(x[0], x[10], x[11]) for x in r[1:]])
a = table("Agreements")
print("Agreements", len(a) - 1, a[1][5])
o = table("Owners")
print("Owners", o)
p = wb.properties
print("props", p.title, "|", p.creator, "|", p.subject)
PY
)
like "$x" "chart part True" "xlsx: a chart part in the archive"
like "$x" "sheets ['WIP', 'Jobs', 'Reports', 'Agreements', 'Owners']" "xlsx: every sheet"
for s in WIP Jobs Reports Agreements Owners; do
	# fitToWidth absent is its default, 1; fitToHeight 0: as many as needed
	like "$x" "print $s landscape 9 True None 0 \$1:\$1 &A Page &P of &N A2" "xlsx $s: landscape A4, one page wide, header repeated, footer"
done
like "$x" 'cf WIP A2:M4 AND(ISNUMBER($F2),OR($G2="open",$G2="blocked"),IF(MOD($F2,1)=0,$F2<TODAY(),$F2<NOW()))' "xlsx WIP: overdue by conditional format"
like "$x" 'cf Jobs A2:M2 $H2>0' "xlsx Jobs: overdue jobs by conditional format"
like "$x" 'cf Reports A2:N6 $K2="late"' "xlsx Reports: late ones by conditional format"
like "$x" "WIP head ('Client', 'Project', 'ID', 'What', 'Who', 'Due', 'Status', 'Days overdue')" "xlsx WIP: who, due, status, days overdue after the task"
like "$x" "WIP ids ['s2', 'a2', 'a3']" "xlsx WIP: the action rows"
like "$x" "wrap True 50." "xlsx: the long task wraps"
like "$x" "file acme/acme-2026-11-10.md True" "xlsx: file relative to the root, link resolves from the workbook"
like "$x" "Jobs [('ACME Beverages', 'presentation', 2, 1)]" "xlsx Jobs"
like "$x" "Reports [('saomai-2026-09-15', 'on-time', 1), ('acme-2026-10-20', 'on-time', 1), ('saomai-2026-10-30', 'not-issued', 0), ('acme-2026-11-10', 'late', 2), ('acme-2026-11-25', 'planned', 0)]" "xlsx Reports"
like "$x" "Agreements 5 Key visual B goes to production." "xlsx Agreements"
like "$x" "Owners [('Owner', 'Kind', 'Open', 'Overdue', 'Due within 7 days'), ('Hoa Pham', 'person', 1, 1, 0), ('Minh Le', 'person', 1, 1, 0), ('ACME Beverages', 'organisation', 1, 0, 1), ('Total', None, '=SUM(C2:C4)', '=SUM(D2:D4)', '=SUM(E2:E4)')]" "xlsx Owners: by overdue, kinds, totals"
like "$x" "props WIP report | crtools " "xlsx: creator crtools VERSION"

# a vague due is flagged, not 0 days overdue
mkdir "$T/vague"
sed 's/due: 2026-11-05/due: next week/' $IN/acme/acme-2026-10-20.yaml >"$T/vague/v.yaml"
"$CR_BIN/cr-wip" $NOW --to xlsx -o "$T/v.xlsx" "$T/vague" 2>/dev/null
v=$($PYTHON -c '
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["WIP"]
for r in ws.iter_rows(min_row=2):
    if r[2].value == "a2":
        print(r[5].value, r[7].value, r[5].fill.fgColor.rgb)' "$T/v.xlsx")
is "$v" "next week vague due FFFFEB9C" "xlsx: a vague due flagged"

done_testing
