#!/bin/sh
# cr-lint --context PATH (SPEC 6): reports read for the checks across
# files (report ids, previous) but not reported on; a file that is also an
# input is read once, as an input.
. "${CR_SRC:-.}/tests/cli/lib.sh"

GOOD=$CR_SRC/tests/data/lint/good.yaml
NOW='--now=2026-11-22T10:00+07:00'
cd "$T" || exit 1
mkdir -p repo/old repo/new staged
# the thread: old/acme-1 (with a problem of its own), new/acme-2 after it
sed -e 's/^id: .*/id: acme-1/' -e 's/due: 2026-11-25/due: ASAP/' \
	"$GOOD" >repo/old/acme-1.yaml
sed -e 's/^id: .*/id: acme-2/' -e '/^issued:/a\
previous: acme-1' "$GOOD" >repo/new/acme-2.yaml
# a report whose id is already taken by a committed one
sed -e 's/^id: .*/id: acme-1/' "$GOOD" >staged/dup.yaml

run cr-lint "$NOW" repo/new/acme-2.yaml
like "$err" "repo/new/acme-2.yaml:8:11: warning: previous report 'acme-1' is not among the files given" \
	"alone, a follow-up misses its previous"

run cr-lint "$NOW" --context repo repo/new/acme-2.yaml
is "$rc" 0 "--context DIR: exit 0"
is "$err" "" "--context DIR: previous found; the context's own error not reported"

run cr-lint "$NOW" --context repo/old/acme-1.yaml repo/new/acme-2.yaml
is "$err" "" "--context FILE"

run cr-lint "$NOW" --context repo staged/dup.yaml
is "$rc" 1 "duplicate id with a context report: exit 1"
is "$err" "staged/dup.yaml:1:5: error: report id 'acme-1' is also the id of the report in repo/old/acme-1.yaml:1; give each report its own id [duplicate-id]" \
	"the duplicate is reported on the input, naming the context file"

# an input also in the context is an input once: no duplicate with itself,
# its findings once, whatever path names it
run cr-lint "$NOW" --context repo repo/old/acme-1.yaml
is "$rc" 1 "input inside the context: its error counts"
is "$err" "repo/old/acme-1.yaml:19:10: error: due 'ASAP' is not a date; write the agreed date, e.g. 2026-11-27 [action-vague-due]" \
	"input inside the context: reported once, no duplicate-id with itself"
run cr-lint "$NOW" --context repo --context repo/old "$T/repo/old/acme-1.yaml"
is "$(printf '%s\n' "$err" | grep -c .)" 1 "context given twice, input by another path: still one finding"

run cr-lint "$NOW" --format json --context repo repo/new/acme-2.yaml
is "$out" "[]" "json: nothing about context files"

# the ignore globs apply to the context too
printf 'ignore:\n  - old/*\n' >repo/.cr-lint.yaml
(cd repo && "$CR_BIN/cr-lint" "$NOW" --context . new/acme-2.yaml) 2>ig.err
like "$(cat ig.err)" "previous report 'acme-1' is not among the files given" \
	"an ignored context file is not read"
rm repo/.cr-lint.yaml

run cr-lint "$NOW" --context nowhere repo/new/acme-2.yaml
is "$rc" 2 "a missing context path: exit 2"
like "$err" "cr-lint: nowhere: No such file or directory" "a missing context path is named"
run cr-lint "$NOW" --context - repo/new/acme-2.yaml
is "$rc" 2 "--context -: a usage error"
like "$err" "--context takes files or folders" "--context -: says why"

# the thread checks see the context too (SPEC 2.4): a report a later
# context report superseded is history; a lost action is reported on the
# input, naming the context report
EN=$CR_SRC/examples/en
cp -R "$EN" thread
(cd thread && "$CR_BIN/cr-lint" --now=2026-12-10 acme-2026-11-13.md) 2>alone.err
n=$(grep -n '^| acme-3 ' thread/acme-2026-11-13.md | cut -d: -f1)
like "$(cat alone.err)" "acme-2026-11-13.md:$n:68: warning: action 'acme-3' was due 2026-11-27" \
	"alone, an old report's open actions are overdue"
(cd thread && "$CR_BIN/cr-lint" --now=2026-12-10 --context . acme-2026-11-13.md) 2>ctx.err
is "$(cat ctx.err)" "" "with its thread as context: history, nothing to say"
(cd thread && "$CR_BIN/cr-lint" --now=2026-12-10 --context . acme-2026-11-21.md) 2>lost.err
like "$(cat lost.err)" "acme-2026-11-21.md:27:1: warning: action 'acme-7' of the previous report (./acme-2026-11-20.yaml:46) is open and missing here" \
	"a lost action found through the context"
is "$(grep -c -v '^acme-2026-11-21.md:' lost.err)" 0 "nothing reported on the context reports"

done_testing
