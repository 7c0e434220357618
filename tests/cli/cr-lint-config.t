#!/bin/sh
# cr-lint: the configuration file .cr-lint.yaml (found in the current folder
# or the nearest parent, or given by --config).
. "${CR_SRC:-.}/tests/cli/lib.sh"

GOOD=$CR_SRC/tests/data/lint/good.yaml
NOW='--now=2026-11-22T10:00+07:00'
cd "$T" || exit 1
mkdir -p proj/reports/2026 other
sed -e 's/due: 2026-11-25/due: ASAP/' -e 's/who: Linh Tran/who: Bob/' \
	"$GOOD" >proj/reports/2026/bad.yaml
sed '/^next_contact/d' "$GOOD" >proj/reports/nonext.yaml

run cr-lint "$NOW" proj/reports/2026/bad.yaml
is "$rc" 1 "no configuration: the defaults"

cat >proj/.cr-lint.yaml <<'CFG'
rules:
  action-vague-due: warning
  action-unknown-owner: off
team:
  - bob
CFG
cd proj/reports/2026 || exit 1
run cr-lint "$NOW" bad.yaml
is "$rc" 0 "found in a parent folder: vague-due now a warning"
is "$err" "bad.yaml:19:10: warning: due 'ASAP' is not a date; write the agreed date, e.g. 2026-11-27 [action-vague-due]" "the regraded finding"
cd "$T" || exit 1

# team names own actions
cat >proj/.cr-lint.yaml <<'CFG'
team: [Bob]
CFG
(cd proj && run cr-lint "$NOW" reports/2026/bad.yaml && echo "$err" >"$T/e")
unlike "$(cat e)" "action-unknown-owner" "team: Bob may own actions"

# an unknown key is an error with its position, and stops the run
cat >proj/.cr-lint.yaml <<'CFG'
profile: agency
rulez:
  placeholder: off
CFG
cd proj || exit 1
run cr-lint "$NOW" reports/2026/bad.yaml
is "$rc" 2 "an unknown key: exit 2"
like "$err" "/proj/.cr-lint.yaml:2:1: error: unknown key 'rulez' in the configuration; did you mean 'rules'? [unknown-field]" "an unknown key: position and suggestion"
cd "$T" || exit 1

cat >bad-values.yaml <<'CFG'
profile: charity
max-issue-hours: soon
rules:
  no-such-rule: off
  placeholder: loud
CFG
run cr-lint --config bad-values.yaml "$NOW" proj/reports/nonext.yaml
is "$rc" 2 "bad values: exit 2"
like "$err" "bad-values.yaml:1:10: error: 'profile' is agency or fundraising [bad-value]" "bad profile"
like "$err" "bad-values.yaml:2:18: error: 'max-issue-hours' is a number" "bad hours"
like "$err" "bad-values.yaml:4:3: error: unknown rule 'no-such-rule'" "unknown rule"
like "$err" "bad-values.yaml:5:16: error: rule 'placeholder' takes off, note, warning or error" "bad severity"

printf 'profile: [unclosed\n' >broken.yaml
run cr-lint --config broken.yaml proj/reports/nonext.yaml
is "$rc" 2 "a broken configuration: exit 2"
like "$err" "broken.yaml:2:1: error:" "a broken configuration: position"

run cr-lint --config nowhere.yaml proj/reports/nonext.yaml
is "$rc" 2 "a missing --config: exit 2"

# --config wins over the nearest file; the fundraising profile
cat >fund.yaml <<'CFG'
profile: fundraising
CFG
rm -f proj/.cr-lint.yaml
run cr-lint "$NOW" --config fund.yaml proj/reports/nonext.yaml
is "$rc" 1 "fundraising: no-next-contact is an error"
is "$err" "proj/reports/nonext.yaml:1:1: error: no 'next_contact'; add the date of the next planned contact, e.g. 'next_contact: 2026-11-27' [no-next-contact]" "fundraising: the finding"
sed 's/^issued: .*/issued: 2026-11-24 10:00 +07:00/' "$GOOD" >late.yaml
run cr-lint "$NOW" --config fund.yaml late.yaml
is "$rc" 0 "fundraising: 92 hours is in time"
run cr-lint "$NOW" late.yaml
like "$err" "late.yaml:7:9: warning: issued 92 hours after the contact, more than 24" "agency: 92 hours is late"
printf 'max-issue-hours: 100\n' >hours.yaml
run cr-lint "$NOW" --config hours.yaml late.yaml
is "$err" "" "max-issue-hours: 100"

# confirm-days: how long an issued report may wait for a confirmation
cp "$CR_SRC/tests/lint/not-confirmed-1.yaml" unconfirmed.yaml
C="--now 2026-11-25T10:00:00+07:00"
printf 'rules:\n  not-confirmed: warning\n' >confirm3.yaml
run cr-lint $C --config confirm3.yaml unconfirmed.yaml
like "$err" "unconfirmed.yaml:7:9: warning: issued 4 days ago and no participant but the author has confirmed it (more than 3 days)" \
	"confirm-days: 3 by default"
printf 'confirm-days: 5\nrules:\n  not-confirmed: warning\n' >confirm5.yaml
run cr-lint $C --config confirm5.yaml unconfirmed.yaml
is "$err" "" "confirm-days: 5 leaves 4 days alone"
printf 'confirm-days: 2\nrules:\n  not-confirmed: warning\n' >confirm2.yaml
run cr-lint $C --config confirm2.yaml unconfirmed.yaml
like "$err" "(more than 2 days)" "confirm-days: 2"
printf 'confirm-days: soon\n' >confirmbad.yaml
run cr-lint $C --config confirmbad.yaml unconfirmed.yaml
like "$err" "confirmbad.yaml:1:15: error: 'confirm-days' is a number of days, e.g. 3" \
	"confirm-days: a bad value at its position"

# ignore: globs, by base name or by path below the configuration's folder
cat >proj/.cr-lint.yaml <<'CFG'
ignore:
  - nonext.yaml
  - reports/2026/*
CFG
cd proj || exit 1
run cr-lint "$NOW" --enable no-next-contact reports
is "$rc" 0 "ignore: the ignored files are not read"
is "$err" "" "ignore: silent"
cd "$T" || exit 1

# a bad configuration with a machine format: stdout still holds a whole
# document (no finding), stderr the problem
printf 'rules:\n  no-such-rule: off\n' >badcfg.yaml
run cr-lint "$NOW" --config badcfg.yaml --format json good.yaml
is "$rc:$out" "2:[]" "bad configuration, json: exit 2 and an empty array"
like "$err" "badcfg.yaml:2:3: error:" "bad configuration, json: the problem on stderr"
run cr-lint "$NOW" --config badcfg.yaml --format sarif good.yaml
like "$out" '"executionSuccessful": false' "bad configuration, sarif: a log of a failed run"
like "$out" '"results": []' "bad configuration, sarif: no result"
run cr-lint "$NOW" --config badcfg.yaml --format github good.yaml
is "$rc:$out" "2:" "bad configuration, github: no annotation on stdout"

done_testing
