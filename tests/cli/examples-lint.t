#!/bin/sh
# The bundled examples: every one reads, and lints without an error; the
# only warnings are the actions that older reports of a thread still had
# open and that later reports closed.
. "${CR_SRC:-.}/tests/cli/lib.sh"
cd "$CR_SRC" || exit 1

run cr-lint --now 2026-11-22T12:00:00+07:00 examples
is "$rc" 0 "examples lint without errors"
is "$(printf '%s\n' "$err" | grep -c ': error: ')" 0 "no error"
is "$(printf '%s\n' "$err" | grep -c 'warning: .*\[action-overdue\]$')" 9 \
	"nine overdue actions in older reports"
is "$(printf '%s\n' "$err" | grep -vc '\[action-overdue\]$')" 0 \
	"no other finding"
like "$err" "examples/vi/suaviet-2026-11-10.md:38:66: warning: action 'sv-1' was due 2026-11-14 (8 days ago)" \
	"position of a due cell in a Vietnamese table, in characters"

# The last report of each thread is clean on its own day, with its
# predecessors given alongside.
for t in en/acme-2026-11-20.yaml vi/suaviet-2026-11-18.yaml \
	zh/huaxia-2026-11-19.md ru/sever-2026-11-18.yaml \
	fundraising/hoang-2026-11-17.yaml; do
	d=examples/$(dirname "$t")
	run cr-lint --now 2026-11-22T12:00:00+07:00 "examples/$t" \
		$(ls "$d"/*.yaml "$d"/*.md 2>/dev/null | grep -v "$t")
	unlike "$err" "examples/$t:" "$t has no finding"
done

# The fundraising profile of examples/fundraising/.cr-lint.yaml applies
# there: a report without next_contact is an error.
sed '/^next_contact:/d' examples/fundraising/hoang-2026-11-17.yaml >"$T/x.yaml"
cp examples/fundraising/.cr-lint.yaml "$T/"
cd "$T" || exit 1
run cr-lint --now 2026-11-22T12:00:00+07:00 x.yaml
is "$rc" 1 "fundraising: no next_contact is an error"
like "$err" "[no-next-contact]" "rule no-next-contact"
done_testing
