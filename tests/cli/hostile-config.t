#!/bin/sh
# A configuration cannot let a broken file pass (SPEC 4, 6): syntax,
# encoding and limit cannot be turned off or lowered, in .cr-lint.yaml or
# with --disable (a usage error, exit 2); and a .cr-lint.yaml that neither
# the user nor root owns is ignored with a warning, for cr-lint and for
# cr-wip's ignore: globs alike.
. "${CR_SRC:-.}/tests/cli/lib.sh"
NOW=--now=2026-11-22T10:00+07:00
cd "$T" || exit 1
printf 'title: [unclosed\n' >broken.yaml
printf 'title: a\377b\n' >badutf.yaml

for rule in syntax encoding limit; do
	run cr-lint --disable $rule broken.yaml
	is "$rc" 2 "--disable $rule: a usage error"
	is "$err" "cr-lint: --disable $rule: syntax, encoding and limit cannot be turned off" \
		"--disable $rule: said"
done
printf 'rules:\n  syntax: off\n  encoding: warning\n  limit: note\n' >cfg.yaml
run cr-lint --config cfg.yaml broken.yaml badutf.yaml
is "$rc" 2 "rules: {syntax: off, ...}: exit 2"
like "$err" "cfg.yaml:2:11: error: rule 'syntax' cannot be turned off or lowered: a file that is not a readable report never passes [bad-value]" "syntax: off named at its value"
like "$err" "cfg.yaml:3:13: error: rule 'encoding' cannot be turned off or lowered" "encoding: warning too"
like "$err" "cfg.yaml:4:10: error: rule 'limit' cannot be turned off or lowered" "limit: note too"
printf 'rules:\n  syntax: error\n' >cfg.yaml
run cr-lint --config cfg.yaml broken.yaml
is "$rc" 1 "syntax: error is allowed; the file fails"

# another user's configuration in a parent folder
if [ "$(id -u)" = 0 ]; then
	mkdir -p shared/me
	cp "$CR_SRC/tests/data/lint/good.yaml" shared/me/r.yaml
	sed -e 's/^title: .*/title: TODO/' -e 's/acme-7/acme-9/' shared/me/r.yaml >shared/me/todo.yaml
	printf 'ignore: ["**", "*.yaml"]\n' >shared/.cr-lint.yaml
	chown 65534:65534 shared/.cr-lint.yaml
	(cd shared/me && run cr-lint "$NOW" todo.yaml && printf '%s\n%s\n' "$rc" "$err" >"$T/o")
	is "$(head -1 o)" 1 "a nobody-owned ignore: [\"**\"] does not silence root's lint"
	like "$(cat o)" "cr-lint: $T/shared/.cr-lint.yaml: warning: ignored: owned by another user (uid 65534)" "and the warning names it"
	(cd shared/me && run cr-wip --to csv "$NOW" . && printf '%s\n' "$out" >"$T/o")
	is "$(sed 1d o | grep -c .)" 2 "cr-wip does not obey it either"
	chown 0:0 shared/.cr-lint.yaml
	(cd shared/me && run cr-lint "$NOW" todo.yaml && echo "$rc" >"$T/o")
	is "$(cat o)" 0 "owned by root, it is obeyed"
else
	skip "not root: cannot make a file of another user"
fi
done_testing
