#!/bin/sh
# cr-lint: output formats, exit status, --pass, --strict, --quiet,
# --enable/--disable, directories and the checks across files.
. "${CR_SRC:-.}/tests/cli/lib.sh"

GOOD=$CR_SRC/tests/data/lint/good.yaml
NOW='--now=2026-11-22T10:00+07:00'
cd "$T" || exit 1
cp "$GOOD" good.yaml
sed -e 's/due: 2026-11-25/due: ASAP/' -e 's/who: Linh Tran/who: Bob/' \
	"$GOOD" >bad.yaml
sed -e 's/author: Linh Tran/author: Mai Pham/' "$GOOD" >warn.yaml

run cr-lint "$NOW" good.yaml
is "$rc" 0 "a good report: exit 0"
is "$err$out" "" "a good report: silent"

run cr-lint "$NOW" bad.yaml
is "$rc" 1 "errors: exit 1"
is "$err" "bad.yaml:18:10: warning: owner 'Bob' is not an attendee, an attendee's organisation, the client or the author; write one of them, or add 'Bob' to 'team' in .cr-lint.yaml [action-unknown-owner]
bad.yaml:19:10: error: due 'ASAP' is not a date; write the agreed date, e.g. 2026-11-27 [action-vague-due]" \
	"gnu format, exact positions, sorted"
is "$out" "" "gnu: nothing on stdout"

run cr-lint "$NOW" --format json bad.yaml good.yaml
is "$rc" 1 "json: exit 1"
is "$out" '[
  {"file": "bad.yaml", "line": 18, "column": 10, "severity": "warning", "rule": "action-unknown-owner", "message": "owner '"'Bob'"' is not an attendee, an attendee'"'s"' organisation, the client or the author; write one of them, or add '"'Bob'"' to '"'team'"' in .cr-lint.yaml"},
  {"file": "bad.yaml", "line": 19, "column": 10, "severity": "error", "rule": "action-vague-due", "message": "due '"'ASAP'"' is not a date; write the agreed date, e.g. 2026-11-27"},
  {"file": "good.yaml", "line": 1, "column": 5, "severity": "error", "rule": "duplicate-id", "message": "report id '"'acme-2026-11-20'"' is also the id of the report in bad.yaml:1; give each report its own id"}
]' "json array on stdout, files in order, cross-file duplicate id"
is "$err" "" "json: nothing on stderr"

run cr-lint "$NOW" --format json good.yaml
is "$out" "[]" "json: an empty array when clean"

run cr-lint "$NOW" warn.yaml
is "$rc" 0 "warnings only: exit 0"
like "$err" "warn.yaml:6:9: warning: author 'Mai Pham'" "the warning is printed"
run cr-lint "$NOW" --strict warn.yaml
is "$rc" 1 "--strict: warnings count as errors"
run cr-lint "$NOW" --quiet warn.yaml
is "$err" "" "--quiet: warnings not printed"
run cr-lint "$NOW" --quiet bad.yaml
is "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "--quiet: errors still printed"

run cr-lint "$NOW" --disable action-vague-due bad.yaml
is "$rc" 0 "--disable: the rule is off"
unlike "$err" "action-vague-due" "--disable: not printed"
run cr-lint "$NOW" --enable no-next-contact good.yaml
is "$rc" 0 "--enable: a report with next_contact passes"
sed '/^next_contact/d' "$GOOD" >nonext.yaml
run cr-lint "$NOW" --enable no-next-contact nonext.yaml
is "$err" "nonext.yaml:1:1: warning: no 'next_contact'; add the date of the next planned contact, e.g. 'next_contact: 2026-11-27' [no-next-contact]" "--enable: an off rule becomes a warning"
run cr-lint --enable no-such-rule good.yaml
is "$rc" 2 "an unknown rule: exit 2"
like "$err" "unknown rule 'no-such-rule'" "an unknown rule: said"

# --pass
STDIN=good.yaml run cr-lint "$NOW" --pass
is "$rc" 0 "--pass: exit 0"
is "$out" "$(cat good.yaml)" "--pass: a clean input copied unchanged"
STDIN=bad.yaml run cr-lint "$NOW" --pass
is "$rc" 1 "--pass: exit 1 on errors"
is "$out" "" "--pass: an input with errors is not copied"
like "$err" "<stdin>:19:10: error:" "--pass: diagnostics name <stdin>"
STDIN=warn.yaml run cr-lint "$NOW" --pass --strict
is "$out" "" "--pass --strict: warnings stop the copy"

# usage and I/O failures
run cr-lint "$NOW" missing.yaml good.yaml
is "$rc" 2 "a missing file: exit 2"
like "$err" "cr-lint: missing.yaml: No such file or directory" "a missing file: said"
run cr-lint --format xml good.yaml
is "$rc" 2 "a bad --format: exit 2"
run cr-lint --now yesterday good.yaml
is "$rc" 2 "a bad --now: exit 2"
run cr-lint --bogus
is "$rc" 2 "an unknown option: exit 2"
run cr-lint --help
is "$rc" 0 "--help: exit 0"
like "$out" "usage: cr-lint" "--help: usage on stdout"
run cr-lint --version
like "$out" "cr-lint (crtools)" "--version"

# one broken file stops neither the others nor the collection checks
printf 'title: [unclosed\n' >broken.yaml
run cr-lint "$NOW" broken.yaml bad.yaml
is "$rc" 1 "a broken file: exit 1"
like "$err" "broken.yaml:2:1: error:" "the broken file is reported"
like "$err" "bad.yaml:19:10: error:" "the next file is still checked"

# directories are walked for *.yaml, *.yml, *.md, hidden entries skipped
mkdir -p tree/sub tree/.hidden
cp bad.yaml tree/a.yaml
sed 's/^id: .*/id: other/' warn.yaml >tree/sub/b.yml
cp bad.yaml tree/.hidden/c.yaml
echo 'not a report' >tree/notes.txt
run cr-lint "$NOW" tree
is "$rc" 1 "a directory: exit 1"
like "$err" "tree/a.yaml:19:10: error:" "a directory: a.yaml checked"
like "$err" "tree/sub/b.yml:6:9: warning:" "a directory: sub/b.yml checked"
unlike "$err" ".hidden" "a directory: hidden entries skipped"
unlike "$err" "notes.txt" "a directory: other files skipped"

# previous: found among the files given, or a warning
sed -e 's/^id: .*/id: acme-2026-11-27/' \
	-e 's/^next_contact:/previous: acme-2026-11-20\nnext_contact:/' \
	"$GOOD" >next.yaml
run cr-lint "$NOW" good.yaml next.yaml
is "$rc" 0 "previous found: exit 0"
is "$err" "" "previous found: silent"
run cr-lint "$NOW" next.yaml
is "$rc" 0 "previous missing: a warning only"
is "$err" "next.yaml:20:11: warning: previous report 'acme-2026-11-20' is not among the files given; check the id, or lint the thread's files together [missing-previous]" "previous missing: said where"

# colour only on a terminal, never with NO_COLOR
run cr-lint "$NOW" bad.yaml
unlike "$err" "$(printf '\033')" "no colour when stderr is not a terminal"
if command -v script >/dev/null 2>&1; then
	script -qec "$CR_BIN/cr-lint $NOW $T/bad.yaml" /dev/null >tty.out 2>&1
	like "$(cat tty.out)" "$(printf '\033[1;31m')error" "colour on a terminal"
	NO_COLOR=1 script -qec "$CR_BIN/cr-lint $NOW $T/bad.yaml" /dev/null \
		>tty.out 2>&1
	unlike "$(cat tty.out)" "$(printf '\033')" "NO_COLOR: no colour"
else
	skip "script(1) not installed"
	skip "script(1) not installed"
fi

done_testing
