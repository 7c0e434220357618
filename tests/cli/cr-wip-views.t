#!/bin/sh
# cr-wip --by action|job|report|agreement over tests/data/wip-views (two
# jobs, one closed; a late report, a planned one; confirmations with and
# without remarks) against rows written by hand; --since/--until; every
# text format for every view; txt fitted to a terminal.
. "${CR_SRC:-.}/tests/cli/lib.sh"
cd "$CR_SRC" || exit 1

IN=tests/data/wip-views
NOW="--now 2026-11-22T09:00:00+07:00"
A=tests/data/wip-views/acme
S=tests/data/wip-views/saomai
TAB=$(printf '\t')

# rows: the tsv without its heading, tabs shown as |
rows() {
	printf '%s\n' "$out" | sed 1d | tr '\t' '|'
}

run cr-wip $NOW --to tsv $IN
is "$rc" 0 "actions: exit 0"
is "$(printf '%s\n' "$out" | head -1 | tr '\t' '|')" \
	"Client|Project|ID|What|Who|Due|Status|Days overdue|Raised|Updated|Count|Report|File" \
	"actions: columns"
is "$(rows)" "Sao Mai Bank|Tet 2027|s2|Archive the files|Hoa Pham|2026-11-15|open|7|2026-10-30|2026-10-30|1|saomai-2026-10-30|$S/saomai-2026-10-30.yaml
ACME Beverages|Summer launch 2027|a2|Draft the integrated media plan with TVC, digital and OOH in one view for the brand team|Minh Le|2026-11-20|open|2|2026-10-20|2026-11-10|2|acme-2026-11-10|$A/acme-2026-11-10.md
ACME Beverages|Summer launch 2027|a3|Book the studio|ACME Beverages|2026-11-26T17:00:00+07:00|blocked|0|2026-11-10|2026-11-10|1|acme-2026-11-10|$A/acme-2026-11-10.md" \
	"actions: open and blocked, by due"

run cr-wip $NOW --by job --to tsv $IN
is "$(printf '%s\n' "$out" | head -1 | tr '\t' '|')" \
	"Client|Project|Stage|Last contact|Last report|Next contact|Open|Overdue|Next step|Who|Due|Days since contact|File" \
	"jobs: columns"
is "$(rows)" "ACME Beverages|Summer launch 2027|presentation|2026-11-10|acme-2026-11-10|2026-11-25|2|1|Draft the integrated media plan with TVC, digital and OOH in one view for the brand team|Minh Le|2026-11-20|12|$A/acme-2026-11-10.md" \
	"jobs: the closed job left out; the planned contact is the next one"
run cr-wip $NOW --by job --status all --to tsv $IN
is "$(rows)" "ACME Beverages|Summer launch 2027|presentation|2026-11-10|acme-2026-11-10|2026-11-25|2|1|Draft the integrated media plan with TVC, digital and OOH in one view for the brand team|Minh Le|2026-11-20|12|$A/acme-2026-11-10.md
Sao Mai Bank|Tet 2027|closed|2026-10-30|saomai-2026-10-30||1|1|Archive the files|Hoa Pham|2026-11-15|23|$S/saomai-2026-10-30.yaml" \
	"jobs --status all: the closed job too"

run cr-wip $NOW --by report --to tsv $IN
is "$(printf '%s\n' "$out" | head -1 | tr '\t' '|')" \
	"ID|Client|Project|Type|Outcome|Stage|Date|Author|Issued|Hours to issue|Issue|Confirmed|Confirmed by|File" \
	"reports: columns"
is "$(rows)" "saomai-2026-09-15|Sao Mai Bank|Tet 2027|visit|reached|production|2026-09-15T09:30:00+07:00|Hoa Pham|2026-09-15T18:00:00+07:00|8|on-time|1|Le Van Cuong|$S/saomai-2026-09-15.yaml
acme-2026-10-20|ACME Beverages|Summer launch 2027|meeting|reached|brief|2026-10-20T14:00:00+07:00|Linh Tran|2026-10-21T09:00:00+07:00|19|on-time|1|Nguyen Van An|$A/acme-2026-10-20.yaml
saomai-2026-10-30|Sao Mai Bank|Tet 2027|email|reached|closed|2026-10-30T16:00:00+07:00|Hoa Pham|||not-issued|0||$S/saomai-2026-10-30.yaml
acme-2026-11-10|ACME Beverages|Summer launch 2027|call|reached|presentation|2026-11-10T10:00:00+07:00|Linh Tran|2026-11-12T08:00:00+07:00|46|late|2|Nguyen Van An (remark: add the budget cap); Tran Thi Binh|$A/acme-2026-11-10.md
acme-2026-11-25|ACME Beverages|Summer launch 2027|meeting|reached||2026-11-25T10:00:00+07:00|Linh Tran|||planned|0||$A/acme-2026-11-25.yaml" \
	"reports: by date; on-time, late, not-issued, planned; remarks flagged"
run cr-wip $NOW --by report --max-issue-hours 48 --to tsv $IN
like "$out" "46${TAB}on-time" "--max-issue-hours 48: 46 hours is on time"
mkdir "$T/cfg"
cp -r $IN "$T/cfg/r"
printf 'max-issue-hours: 4\n' >"$T/cfg/.cr-lint.yaml"
out=$(cd "$T/cfg" && "$CR_BIN/cr-wip" $NOW --by report --to tsv r | cut -f1,11 | tr '\t' '|' | sed -n 2p)
is "$out" "saomai-2026-09-15|late" "max-issue-hours from the nearest .cr-lint.yaml"
run cr-wip $NOW --by report --owner 'HOA PHAM' --to tsv $IN
is "$(rows | cut -d'|' -f1 | tr '\n' ' ')" "saomai-2026-09-15 saomai-2026-10-30 " "reports --owner: the author"

run cr-wip $NOW --by agreement --to tsv $IN
is "$(printf '%s\n' "$out" | head -1 | tr '\t' '|')" \
	"Date|Client|Project|Report|No.|Agreement|File" "agreements: columns"
is "$(rows)" "2026-09-15|Sao Mai Bank|Tet 2027|saomai-2026-09-15|1|Key visual B goes to production.|$S/saomai-2026-09-15.yaml
2026-10-20|ACME Beverages|Summer launch 2027|acme-2026-10-20|1|The launch date is 1 March 2027.|$A/acme-2026-10-20.yaml
2026-10-20|ACME Beverages|Summer launch 2027|acme-2026-10-20|2|Budget cap of 2 bn VND.|$A/acme-2026-10-20.yaml
2026-10-30|Sao Mai Bank|Tet 2027|saomai-2026-10-30|1|The campaign is closed; invoices by 15 November.|$S/saomai-2026-10-30.yaml
2026-11-10|ACME Beverages|Summer launch 2027|acme-2026-11-10|1|Client approves route B.|$A/acme-2026-11-10.md" \
	"agreements: by date, report, number; Markdown as plain text"
run cr-wip $NOW --by agreement --client 'sao mai bank' --to tsv $IN
is "$(rows | cut -d'|' -f4,5 | tr '\n' ' ')" "saomai-2026-09-15|1 saomai-2026-10-30|1 " "agreements --client"

# the state at the end of October
run cr-wip $NOW --until 2026-10-31 --status all --to tsv $IN
is "$(rows | cut -d'|' -f3,6,7,8,10,11)" "s1|2026-09-30|done|0|2026-10-30|2
a1|2026-10-25|open|28|2026-10-20|1
a2|2026-11-05|open|17|2026-10-20|1
s2|2026-11-15|open|7|2026-10-30|1" "--until 2026-10-31: the actions as they stood"
run cr-wip $NOW --until 2026-10-31 --by job --status all --to tsv $IN
is "$(rows | cut -d'|' -f1,3,4,6,7,8,9,12)" "ACME Beverages|brief|2026-10-20||2|2|Send the revised media plan|33
Sao Mai Bank|closed|2026-10-30||1|1|Archive the files|23" "--until: jobs, counts at --now"
run cr-wip $NOW --since 2026-11-01 --until 2026-11-30 --by agreement --to tsv $IN
is "$(rows | cut -d'|' -f4)" "acme-2026-11-10" "--since/--until: November's agreements"
run cr-wip $NOW --since 2026-11-01 --by report --to tsv $IN
is "$(rows | cut -d'|' -f1,11 | tr '\n' ' ')" "acme-2026-11-10|late acme-2026-11-25|planned " "--since: November's reports"
run cr-wip --since 2026-13-01 $IN
is "$rc" 2 "--since: a bad date is a usage error"
run cr-wip --by agenda $IN
is "$rc" 2 "--by: an unknown view is a usage error"
run cr-wip --by report --to ics $IN
is "$rc" 2 "--to ics: only actions and jobs"

# every text format of every view: the same cells
for by in action job report agreement; do
	run cr-wip $NOW --by $by --status all --to json $IN
	j=$($PYTHON -c '
import json, sys
rows = json.loads(sys.stdin.read())
print(len(rows), "|".join(str(v) for v in rows[0].values() if v is not None)[:60])
' <<EOF2
$out
EOF2
)
	run cr-wip $NOW --by $by --status all --to csv $IN
	c=$($PYTHON -c '
import csv, sys
rows = list(csv.reader(sys.stdin))[1:]
print(len(rows))' <<EOF2
$out
EOF2
)
	is "${j%% *}" "$c" "--by $by: json and csv have the same rows"
	run cr-wip $NOW --by $by --status all --to md $IN
	n=$(printf '%s\n' "$out" | grep -c '^| ')
	is "$n" "$((c + 1))" "--by $by: md has them (and a heading)"
	run cr-wip $NOW --by $by --status all --to txt $IN
	n=$(printf '%s\n' "$out" | wc -l)
	is "$n" "$((c + 2))" "--by $by: txt has them (heading and rule)"
	run cr-wip $NOW --by $by --status all --to html $IN
	is "$rc" 0 "--by $by: html"
done
run cr-wip $NOW --by report --to json $IN
like "$out" '"hours_to_issue": null, "issue": "planned"' "json: an empty number is null"

# txt: dates in one form
run cr-wip $NOW --to txt $IN
like "$out" "2026-11-26 17:00  blocked" "txt: a due time as 2026-11-26 17:00"
unlike "$out" "T17:00:00" "txt: no raw ISO date-time"

# txt on a terminal: fitted to $COLUMNS (file dropped, task shortened);
# --wide and a pipe give the full width
if command -v script >/dev/null 2>&1; then
	COLUMNS=100 script -qec "$CR_BIN/cr-wip $NOW $IN" /dev/null | tr -d '\r' >"$T/tty.txt"
	w=$($PYTHON -c '
import sys, unicodedata
print(max(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l)
          for l in open(sys.argv[1], encoding="utf-8").read().splitlines()))' "$T/tty.txt")
	ok "$([ "$w" -le 100 ]; echo $?)" "terminal: fits 100 columns ($w)"
	unlike "$(cat "$T/tty.txt")" "acme-2026-11-10.md" "terminal: file column dropped"
	like "$(cat "$T/tty.txt")" "Draft the integrated m…  Minh Le" "terminal: the task shortened with an ellipsis"
	COLUMNS=100 script -qec "$CR_BIN/cr-wip --wide $NOW $IN" /dev/null | tr -d '\r' >"$T/wide.txt"
	like "$(cat "$T/wide.txt")" "in one view for the brand team" "--wide: full width on a terminal"
else
	skip "script(1) missing"
	skip "script(1) missing"
	skip "script(1) missing"
	skip "script(1) missing"
fi
COLUMNS=100 run cr-wip $NOW $IN
like "$out" "in one view for the brand team  Minh Le" "not a terminal: full width"

done_testing
