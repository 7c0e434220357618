#!/bin/sh
# scripts/pre-commit: the git hook lints the STAGED content of reports, not
# the working tree.
. "${CR_SRC:-.}/tests/cli/lib.sh"

if ! command -v git >/dev/null 2>&1; then
	skip "git not installed"
	done_testing
	exit
fi
GOOD=$CR_SRC/tests/data/lint/good.yaml
HOOK=$CR_SRC/scripts/pre-commit
export CR_LINT="$CR_BIN/cr-lint" GIT_CONFIG_NOSYSTEM=1 HOME="$T"
cd "$T" || exit 1
sed 's/due: 2026-11-25/due: ASAP/' "$GOOD" >bad.yaml

git init -q repo && cd repo || exit 1
git config user.name Test && git config user.email test@example.com
mkdir reports

# hook: runs the hook in the repository; sets $rc, $err
hook() {
	sh "$HOOK" >"$T/.out" 2>"$T/.err"
	rc=$?
	err=$(cat "$T/.err")
}

hook
is "$rc" 0 "nothing staged: exit 0"

# a bad file staged, a good copy in the working tree: must fail
cp "$T/bad.yaml" reports/r.yaml
git add reports/r.yaml
cp "$GOOD" reports/r.yaml
hook
is "$rc" 1 "staged bad, working tree good: the commit is refused"
like "$err" "reports/r.yaml:19:10: error: due 'ASAP' is not a date" "the staged content is reported with its path"
like "$err" "git add' again" "says what to do"

# a good file staged, a bad copy in the working tree: passes
git add reports/r.yaml
cp "$T/bad.yaml" reports/r.yaml
hook
is "$rc" 0 "staged good, working tree bad: the commit goes through"

# non-report files and hidden folders are left alone
mkdir .github
echo 'x: [' >.github/ci.yml
echo 'notes' >notes.txt
git add .github/ci.yml notes.txt
hook
is "$rc" 0 "hidden folders and other files are not linted"

# the staged .cr-lint.yaml applies
git checkout -q -- reports/r.yaml 2>/dev/null
cp "$T/bad.yaml" reports/r.yaml
printf 'rules:\n  action-vague-due: warning\n' >.cr-lint.yaml
git add reports/r.yaml .cr-lint.yaml
hook
is "$rc" 0 "the staged configuration is used"

# --install copies the hook into .git/hooks
sh "$HOOK" --install >"$T/.out" 2>&1
is "$?" 0 "--install: exit 0"
ok "$([ -x .git/hooks/pre-commit ]; echo $?)" "--install: the hook is executable"
git commit -q -m "with the hook" >/dev/null 2>&1
is "$?" 0 "git commit runs the installed hook and passes"
printf 'rules: {}\n' >.cr-lint.yaml
echo '# changed' >>reports/r.yaml
git add .cr-lint.yaml reports/r.yaml
git commit -q -m "now it fails" >/dev/null 2>&1
is "$?" 1 "git commit is refused by the installed hook"

# the reports of the index are the context: a committed report's id, a
# follow-up's previous (the staged, not the working, content of them)
git checkout -q -- . && git reset -q --hard
printf 'rules: {}\n' >.cr-lint.yaml
cp "$GOOD" reports/r.yaml
git add .cr-lint.yaml reports/r.yaml && git commit -q -m good --no-verify
cp "$GOOD" reports/copy.yaml
git add reports/copy.yaml
hook
is "$rc" 1 "a report id already committed: refused"
like "$err" "reports/copy.yaml:1:5: error: report id 'acme-2026-11-20' is also the id of the report in ./reports/r.yaml:1" \
	"the committed report is named"
git reset -q reports/copy.yaml && rm reports/copy.yaml
sed -e 's/^id: .*/id: acme-next/' -e '/^issued:/a\
previous: acme-2026-11-20' "$GOOD" >reports/next.yaml
git add reports/next.yaml
hook
is "$rc" 0 "a follow-up alone: passes"
unlike "$err" "missing-previous" "a follow-up alone: its previous is found"
# an untracked report is not part of the commit: not context
sed -e 's/^id: .*/id: acme-next/' "$GOOD" >reports/stray.yaml
hook
is "$rc" 0 "an untracked report sharing the staged id: passes"
rm reports/stray.yaml
git rm -q --cached reports/r.yaml
hook
like "$err" "reports/next.yaml:8:11: warning: previous report 'acme-2026-11-20' is not among the files given" \
	"a previous removed from the index is missing"

done_testing
