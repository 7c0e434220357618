#!/bin/sh
# cr-wip: a report that cannot be read is reported at its position and
# skipped (exit 1, the rest still written); --strict writes nothing;
# missing files and unwritable outputs exit 2; -o is atomic; no progress
# line when stderr is not a terminal.
. "${CR_SRC:-.}/tests/cli/lib.sh"
cd "$CR_SRC" || exit 1

NOW="--now 2026-11-22T09:00:00+07:00"
D=tests/data/wip

run cr-wip $NOW --to tsv $D
is "$rc" 1 "broken report: exit 1"
is "$err" "$D/broken.yaml:4:5: error: did not find expected ',' or ']' (while parsing a flow sequence at 3:9) [syntax]" "broken report: gnu diagnostic with its position"
like "$out" "acme-1" "broken report: the rest still written"
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 10 "broken report: header and 9 rows"

run cr-wip $NOW --to tsv -o "$T/wip.tsv" $D
is "$rc" 1 "-o with a broken report: exit 1"
ok "$(test -s "$T/wip.tsv"; echo $?)" "-o with a broken report: written"

echo old > "$T/strict.tsv"
run cr-wip $NOW --strict --to tsv -o "$T/strict.tsv" $D
is "$rc" 1 "--strict: exit 1"
is "$(cat "$T/strict.tsv")" "old" "--strict: the old file untouched"
like "$err" "--strict: nothing written" "--strict: says so"
run cr-wip $NOW --strict --to tsv $D
is "$out" "" "--strict: nothing on stdout"

run cr-wip $NOW --strict --to tsv $D/a $D/b
is "$rc" 0 "--strict with readable reports: exit 0"

# a report without a date: its actions are left out, with a reason
printf 'id: nodate\ntitle: T\nclient: C\nactions:\n  - what: w\n    who: A\n    due: 2026-11-25\n' > "$T/nodate.yaml"
run cr-wip $NOW "$T/nodate.yaml" $D/a
is "$rc" 1 "no date: exit 1"
like "$err" "$T/nodate.yaml:1:1: error: the report has no valid date" "no date: position"
unlike "$out" "nodate-1" "no date: its action left out"

# invalid UTF-8: an encoding error at its line and column, skipped
printf 'id: bad\ntitle: caf\351\nclient: C\n' > "$T/enc.yaml"
run cr-wip $NOW "$T/enc.yaml" $D/a
is "$rc" 1 "invalid UTF-8: exit 1"
like "$err" "$T/enc.yaml:2:11: error:" "invalid UTF-8: position"

run cr-wip $NOW "$T/missing.yaml" $D/a
is "$rc" 2 "missing file: exit 2"
like "$err" "missing.yaml: No such file or directory" "missing file: named"
like "$out" "acme-1" "missing file: the rest still written"

run cr-wip $NOW -o "$T/nodir/wip.txt" $D/a
is "$rc" 2 "unwritable output: exit 2"

cp $D/a/acme-2026-11-10.yaml "$T/in.yaml"
run cr-wip $NOW -o "$T/in.yaml" "$T/in.yaml"
is "$rc" 2 "output over an input: refused"
ok "$(cmp -s "$T/in.yaml" $D/a/acme-2026-11-10.yaml; echo $?)" "output over an input: input intact"

# stderr is not a terminal here: no progress line, whatever the size
mkdir "$T/many"
i=0
while [ $i -lt 300 ]; do
	# one thread: each report continues the one before
	sed "s/^id: acme-2026-11-10/id: r$i\nprevious: r$((i - 1))/" \
		$D/a/acme-2026-11-10.yaml > "$T/many/r-$i.yaml"
	i=$((i + 1))
done
run cr-wip $NOW --to tsv "$T/many"
is "$err" "" "no progress line when stderr is not a terminal"
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 3 "300 reports of a thread: merged into 2 open rows"

if command -v script >/dev/null 2>&1; then
	script -qec "$CR_BIN/cr-wip --quiet $NOW --to tsv -o $T/q.tsv $T/many" /dev/null >"$T/tty.out" 2>&1
	is "$(cat "$T/tty.out")" "" "--quiet on a terminal: no progress line"
else
	skip "script(1) missing"
fi

done_testing
