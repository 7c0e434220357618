#!/bin/sh
# cr-wip: every text format against its golden file (tests/golden/wip/),
# CJK alignment in txt, csv/tsv formula quoting and --raw, JSON read back
# by python3, filters and stdin streams.
. "${CR_SRC:-.}/tests/cli/lib.sh"
cd "$CR_SRC" || exit 1

G=tests/golden/wip
IN="tests/data/wip/a tests/data/wip/b"
NOW="--now 2026-11-22T09:00:00+07:00"

for f in txt md csv tsv json; do
	run cr-wip $NOW --to $f $IN
	is "$rc" 0 "--to $f: exit 0"
	is "$err" "" "--to $f: nothing on stderr"
	same_file "$T/.out" "$G/all.$f" "--to $f: golden"
done

run cr-wip $NOW $IN
same_file "$T/.out" "$G/all.txt" "txt is the default"

run cr-wip $NOW --to csv --raw $IN
same_file "$T/.out" "$G/raw.csv" "--raw csv: golden"
run cr-wip $NOW --to tsv --raw $IN
same_file "$T/.out" "$G/raw.tsv" "--raw tsv: golden"
like "$(cat "$G/all.csv")" "\"'=HYPERLINK(" "csv: = quoted"
like "$(cat "$G/all.csv")" ",'+SUM(A1:A9)," "csv: + quoted"
like "$(cat "$G/all.csv")" ",'-2+3,'@Linh," "csv: - and @ quoted"
like "$(cat "$G/raw.csv")" ",-2+3,@Linh," "--raw: left alone"

# txt: every "2026-" of the Due column starts at the same display column
cols=$(python3 - "$G/all.txt" <<'PY'
import sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
lines = open(sys.argv[1], encoding='utf-8').read().splitlines()
due = lines[0].index('Due')
starts = set()
for l in lines[2:]:
    # the Due column: the 2026- after the Who column
    head = width(lines[0][:due])
    acc, i = 0, 0
    while acc < head:
        acc += width(l[i]); i += 1
    starts.add(l[i:i+5])
print(' '.join(sorted(starts)))
PY
)
is "$cols" "2026-" "txt: Due column aligned after CJK text"

# JSON parsed by a real parser
n=$(python3 -c '
import json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
acme1 = [r for r in rows if r["id"] == "acme-1"][0]
print(len(rows), acme1["count"], acme1["raised"][:10], acme1["updated"][:10],
      acme1["what"], rows[0]["id"], rows[0]["days_overdue"], rows[0]["overdue"])
' "$G/all.json")
is "$n" "9 2 2026-11-10 2026-11-20 Send the revised creative brief zh-1 1 True" "json: parsed; merged row"

# filters (ids from the third tsv column)
ids() {
	printf '%s\n' "$out" | cut -f3 | tr '\n' ' '
}
run cr-wip $NOW --to tsv --overdue $IN
is "$(ids)" "ID zh-1 acme-8 acme-7 " "--overdue"
run cr-wip $NOW --to tsv --owner 'LINH TRAN' --status all $IN
is "$(ids)" "ID acme-7 acme-1 inj-2 " "--owner ignores case, --status all"
run cr-wip $NOW --to tsv --status done $IN
is "$(ids)" "ID acme-3 acme-2 " "--status done"
run cr-wip $NOW --to tsv --client '北京星辰饮料' --due-within 30 $IN
is "$(ids)" "ID zh-1 zh-2 " "--client"
run cr-wip $NOW --to tsv --project 'summer LAUNCH 2027' --due-within 2 $IN
is "$(ids)" "ID acme-8 acme-7 " "--project, --due-within"

# a YAML stream on stdin
cat tests/data/wip/a/acme-2026-11-20.yaml > "$T/stream.yaml"
printf -- '---\n' >> "$T/stream.yaml"
cat tests/data/wip/a/acme-2026-11-10.yaml >> "$T/stream.yaml"
STDIN="$T/stream.yaml" run cr-wip $NOW --to csv --status all
is "$rc" 0 "stdin stream: exit 0"
like "$out" ",acme-1,Send the revised creative brief,Linh Tran,2026-11-25,open,0,2026-11-10,2026-11-20,2,acme-2026-11-20,<stdin>" "stdin stream: merged by date"

run cr-wip --version
like "$out" "cr-wip (crtools)" "--version"
run cr-wip --help
like "$out" "cr-wip(1)" "--help points to the man page"
run cr-wip --to pdf
is "$rc" 2 "unknown format: exit 2"
run cr-wip --status open,later
is "$rc" 2 "unknown status: exit 2"
run cr-wip --due-within -3
is "$rc" 2 "negative --due-within: exit 2"

done_testing
