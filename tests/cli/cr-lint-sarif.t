#!/bin/sh
# cr-lint --format sarif and --format github (SPEC 6): the SARIF log
# validates against the OASIS SARIF 2.1.0 schema (tests/sarif), describes
# every rule of lib/cr_rules.h, and locates each result; the GitHub
# workflow commands escape what GitHub's toolkit escapes.
. "${CR_SRC:-.}/tests/cli/lib.sh"

GOOD=$CR_SRC/tests/data/lint/good.yaml
NOW='--now=2026-11-22T10:00+07:00'
GOLDEN=$CR_SRC/tests/golden/lint
SCHEMA=$CR_SRC/tests/sarif/sarif-schema-2.1.0.json
RULES=$CR_SRC/lib/cr_rules.h
cd "$T" || exit 1
mkdir sub
# an emotional word after six Chinese characters: its code-point column
# (11) is not its display column (17) nor its byte column (23)
sed -e 's/due: 2026-11-25/due: ASAP/' \
	-e 's/  - TVC budget reduced to 1.2 bn VND./  - 客户说方案很糟糕。/' \
	"$GOOD" >"a b.yaml"
sed -e 's/^id: .*/id: other/' -e 's/^author: .*/author: Bob/' \
	"$GOOD" >sub/ý.yaml

# checks the log in $T/log.sarif; sets $res (one line a result)
check_sarif() {
	res=$($PYTHON "$CR_SRC/tests/cli/sarif-check.py" "$SCHEMA" "$RULES" \
		"$T/log.sarif" 2>&1)
	_rc=$?
	is "$_rc" 0 "$1: valid SARIF 2.1.0, every rule described"
	[ "$_rc" = 0 ] || _diag "$res"
}

# --- github (no Python needed)
run cr-lint "$NOW" --format github "a b.yaml" sub/ý.yaml
is "$rc" 1 "github: exit 1 on an error"
printf '%s\n' "$out" >github.out
same_file github.out "$GOLDEN/github.out" "github: the workflow commands"
like "$(cat github.out)" "file=a b.yaml,line=12,col=17," \
	"github: col is the display column (SPEC 3), 17 after six wide characters"
is "$err" "" "github: nothing on stderr"

# properties escape % : , CR LF; the message % CR LF only
printf 'title: 50%%, a:b\n' >'x,y:z%.yaml'
run cr-lint "$NOW" --format github 'x,y:z%.yaml'
like "$out" "::error file=x%2Cy%3Az%25.yaml,line=" "github: file property escaped"
like "$out" "title=missing-field::" "github: the rule is the title"
cp "$GOOD" good.yaml
run cr-lint "$NOW" --format github good.yaml
is "$out$err" "" "github: nothing for a clean report"
sed 's/^author: .*/author: Mai Pham/' "$GOOD" >w.yaml
run cr-lint "$NOW" --format github --enable no-next-contact \
	--config /dev/null w.yaml
like "$out" "::warning file=w.yaml,line=6,col=9,title=author-not-attendee::" \
	"github: a warning is ::warning"
printf 'rules:\n  author-not-attendee: note\n' >note.yaml
run cr-lint "$NOW" --format github --config note.yaml w.yaml
like "$out" "::notice file=w.yaml,line=6,col=9,title=author-not-attendee::" \
	"github: a note is ::notice"

# a message with a line end (a key holding one) stays one command
printf '"ti\\ntle": x\n' >nl.yaml
run cr-lint "$NOW" --format github nl.yaml
is "$(printf '%s\n' "$out" | grep -c '^::')" \
	"$(printf '%s\n' "$out" | grep -c .)" \
	"github: every output line is a command"

run cr-lint --format xml good.yaml
is "$rc:$err" "2:cr-lint: --format is gnu, json, sarif or github, not 'xml'" \
	"an unknown format: a usage error naming the four"

# --pass: the reports on stdout, the annotations on stderr
run cr-lint "$NOW" --pass --format github good.yaml "a b.yaml"
is "$out" "$(cat good.yaml)" "github --pass: the clean report on stdout"
like "$err" "::error file=a b.yaml,line=19,col=10,title=action-vague-due::" "github --pass: the annotations on stderr"

# a full disk: exit 2, said
if [ -w /dev/full ]; then
	for f in sarif github; do
		"$CR_BIN/cr-lint" "$NOW" --format $f "a b.yaml" >/dev/full 2>full.err
		is "$?" 2 "$f: a write error: exit 2"
		like "$(cat full.err)" "cr-lint: standard output: write error" "$f: a write error is said"
	done
else
	skip "no /dev/full"
fi

# --- sarif
if ! $PYTHON -c 'import jsonschema' 2>/dev/null; then
	skip "python3-jsonschema not installed: SARIF not validated"
	done_testing
	exit
fi

run cr-lint "$NOW" --format sarif "a b.yaml" "$T/sub/ý.yaml"
is "$rc" 1 "sarif: exit 1 on an error"
is "$err" "" "sarif: nothing on stderr"
printf '%s\n' "$out" >log.sarif
same_file log.sarif "$GOLDEN/bad.sarif" "sarif: the log"
check_sarif "sarif"
is "$res" "emotional-language warning a%20b.yaml 12 11 '糟糕' in discussion is judgemental, emotional or speculative; state neutrally what was said, done or agreed
action-vague-due error a%20b.yaml 19 10 due 'ASAP' is not a date; write the agreed date, e.g. 2026-11-27
author-not-attendee warning sub/%C3%BD.yaml 6 9 author 'Bob' is not among the attendees; add them to 'attendees', or write the name as it is listed there" \
	"sarif: rule, level, URI relative to the working folder (percent-encoded), line, code-point column"

# the code-point column, computed here from the file
want=$($PYTHON -c 'import sys; l=open(sys.argv[1],encoding="utf-8").read().split("\n")[11]; print(l.index("糟糕")+1)' "a b.yaml")
is "$want" 11 "the word's code-point column, as Python counts"

# a clean run: no results, still the whole rule table
run cr-lint "$NOW" --format sarif good.yaml
printf '%s\n' "$out" >log.sarif
check_sarif "sarif, clean"
is "$res" "" "sarif, clean: no result"

# standard input has no URI; ./ and the working folder's prefix go
STDIN="a b.yaml" run cr-lint "$NOW" --format sarif --disable emotional-language
printf '%s\n' "$out" >log.sarif
check_sarif "sarif, stdin"
like "$res" "action-vague-due error - 19 10" "sarif: stdin has no uri"
like "$out" '"description": {"text": "standard input"}' "sarif: stdin described"
run cr-lint "$NOW" --format sarif ./sub/ý.yaml "$T/a b.yaml"
printf '%s\n' "$out" >log.sarif
check_sarif "sarif, ./ and absolute"
like "$res" "author-not-attendee warning sub/%C3%BD.yaml 6 9" "sarif: ./ dropped"
like "$res" "action-vague-due error a%20b.yaml 19 10" "sarif: absolute inside the working folder made relative"
(cd sub && "$CR_BIN/cr-lint" "$NOW" --format sarif "../a b.yaml" >"$T/log.sarif")
check_sarif "sarif, ../"
like "$res" "action-vague-due error ../a%20b.yaml 19 10" "sarif: a relative reference upwards"

# a changed severity is a ruleConfigurationOverride
printf 'profile: fundraising\nrules:\n  placeholder: off\n' >fr.yaml
run cr-lint "$NOW" --format sarif --config fr.yaml good.yaml
printf '%s\n' "$out" >log.sarif
check_sarif "sarif, overrides"
$PYTHON -c '
import json, sys
inv = json.load(open(sys.argv[1]))["runs"][0]["invocations"][0]
for o in inv.get("ruleConfigurationOverrides", []):
    print(o["descriptor"]["id"], o["configuration"].get("level", "off"))
' log.sarif >ov.out
is "$(cat ov.out)" "placeholder off
no-next-contact error" "sarif: the profile's and the configuration's changes"
sed '/^next_contact/d' "$GOOD" >nn.yaml
run cr-lint "$NOW" --format sarif --config fr.yaml nn.yaml
printf '%s\n' "$out" >log.sarif
check_sarif "sarif, fundraising"
like "$res" "no-next-contact error nn.yaml" "sarif: the profile's error is a result at its level"

# a file that cannot be read: executionSuccessful false
run cr-lint "$NOW" --format sarif good.yaml missing.yaml
is "$rc" 2 "sarif: a missing file: exit 2"
printf '%s\n' "$out" >log.sarif
check_sarif "sarif, missing file"
like "$out" '"executionSuccessful": false' "sarif: the run says it failed"

done_testing
