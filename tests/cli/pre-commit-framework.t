#!/bin/sh
# The shipped .pre-commit-hooks.yaml with the real pre-commit framework
# (https://pre-commit.com, Debian `pre-commit`), offline: the hook
# repository is a local git repository holding a copy of the file. A good
# commit passes; a bad one is blocked with FILE:LINE:COL; a duplicate id
# across a staged and a committed report is blocked, and so are two staged
# reports sharing an id (require_serial: one run sees them all); a
# follow-up committed alone finds its previous (--context .).
. "${CR_SRC:-.}/tests/cli/lib.sh"

if ! command -v pre-commit >/dev/null 2>&1; then
	skip "pre-commit not installed (scripts/install-deps --check)"
	done_testing
	exit
fi
if ! command -v git >/dev/null 2>&1; then
	skip "git not installed"
	done_testing
	exit
fi
if [ -n "$CR_WRAP" ]; then
	skip "the framework runs cr-lint itself: not under CR_WRAP"
	done_testing
	exit
fi
GOOD=$CR_SRC/tests/data/lint/good.yaml
NOW='--now=2026-11-22T10:00+07:00'
# cr-lint on PATH is a wrapper that logs each run, then runs the real one
mkdir "$T/wrap"
printf '#!/bin/sh\necho "$#" >>"%s/runs"\nexec "%s/cr-lint" "$@"\n' \
	"$T" "$CR_BIN" >"$T/wrap/cr-lint"
chmod +x "$T/wrap/cr-lint"
export PATH="$T/wrap:$PATH" HOME="$T" GIT_CONFIG_NOSYSTEM=1 \
	PRE_COMMIT_HOME="$T/cache" PRE_COMMIT_COLOR=never
git config --global user.name Test
git config --global user.email test@example.com
git config --global init.defaultBranch main

# the hook repository: the shipped file, committed
git init -q "$T/hooks"
cp "$CR_SRC/.pre-commit-hooks.yaml" "$T/hooks/"
(cd "$T/hooks" && git add . && git commit -qm hooks) || exit 1
rev=$(git -C "$T/hooks" rev-parse HEAD)

git init -q "$T/repo" && cd "$T/repo" || exit 1
cat >.pre-commit-config.yaml <<EOF2
repos:
  - repo: $T/hooks
    rev: $rev
    hooks:
      - id: cr-lint
        args: ["$NOW"]
EOF2
git add .pre-commit-config.yaml
git commit -qm config || exit 1
pre-commit install >/dev/null 2>&1
is "$?" 0 "pre-commit install"

# commit FILES...: stages them and commits; sets $rc, $log
commit() {
	git add "$@" && git commit -qm "add $*" >"$T/.log" 2>&1
	rc=$?
	log=$(cat "$T/.log")
}

mkdir -p reports
sed -e 's/^id: .*/id: acme-1/' "$GOOD" >reports/acme-1.yaml
commit reports/acme-1.yaml
is "$rc" 0 "a good report: the commit goes through"
like "$log" "cr-lint (contact reports)" "the hook ran"
is "$(git log --format=%s -1)" "add reports/acme-1.yaml" "the commit is made"

sed -e 's/^id: .*/id: acme-bad/' -e 's/due: 2026-11-25/due: ASAP/' \
	"$GOOD" >reports/bad.yaml
commit reports/bad.yaml
is "$rc" 1 "a bad report: the commit is blocked"
like "$log" "reports/bad.yaml:19:10: error: due 'ASAP' is not a date" \
	"the problem with FILE:LINE:COL"
git reset -q reports/bad.yaml && rm reports/bad.yaml

# a report id that a committed report already has
sed -e 's/^id: .*/id: acme-1/' "$GOOD" >reports/copy.yaml
commit reports/copy.yaml
is "$rc" 1 "duplicate id with a committed report: blocked"
like "$log" "reports/copy.yaml:1:5: error: report id 'acme-1' is also the id of the report in ./reports/acme-1.yaml:1" \
	"the committed report is named"
git reset -q reports/copy.yaml && rm reports/copy.yaml

# twelve staged reports, two sharing an id: more files than the framework
# gives one process when it may split them over the cores
for i in 01 02 03 04 05 06 07 08 09 10 11; do
	sed -e "s/^id: .*/id: acme-x$i/" "$GOOD" >reports/x$i.yaml
done
sed -e 's/^id: .*/id: acme-x01/' "$GOOD" >reports/x12.yaml
rm -f "$T/runs"
commit reports/x*.yaml
is "$rc" 1 "two staged reports sharing an id: blocked"
like "$log" "reports/x12.yaml:1:5: error: report id 'acme-x01' is also the id of the report in reports/x01.yaml:1" \
	"the duplicate among the staged files"
# the wrapper logged the number of arguments: --context . --now FILE*12
is "$(cat "$T/runs")" 15 "require_serial: one cr-lint run, given all twelve files"
git reset -q reports && rm reports/x*.yaml

# a follow-up committed alone: its previous is in the repository
sed -e 's/^id: .*/id: acme-2/' -e '/^issued:/a\
previous: acme-1' "$GOOD" >reports/acme-2.yaml
"$CR_BIN/cr-lint" "$NOW" reports/acme-2.yaml 2>"$T/alone.err"
like "$(cat "$T/alone.err")" "missing-previous" "linted alone, the follow-up warns missing-previous"
git add reports/acme-2.yaml
pre-commit run --verbose >"$T/.log" 2>&1
rc=$?
is "$rc" 0 "the follow-up passes"
unlike "$(cat "$T/.log")" "missing-previous" "the hook finds its previous: no missing-previous"
like "$(cat "$T/.log")" "Passed" "the framework says Passed"

done_testing
