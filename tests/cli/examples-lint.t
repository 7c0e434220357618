#!/bin/sh
# The bundled examples: every one reads, and lints without an error. Read
# as threads, the actions that older reports still had open and later
# ones closed are history, not warnings. The findings: the action that
# the en thread's last report forgot (action-lost), and the fundraising
# stages, which linted from the top take the agency profile (the
# fundraising profile is in examples/fundraising/.cr-lint.yaml, found
# from the current folder).
. "${CR_SRC:-.}/tests/cli/lib.sh"
cd "$CR_SRC" || exit 1

run cr-lint --now 2026-11-22T12:00:00+07:00 examples
is "$rc" 0 "examples lint without errors"
lost="examples/en/acme-2026-11-21.md:27:1: warning: action 'acme-7' of the previous report (examples/en/acme-2026-11-20.yaml:46) is open and missing here; carry it over with its id, or close it with 'status: done' or 'dropped' [action-lost]"
is "$err" "$lost
examples/fundraising/hoang-2026-11-14.yaml:14:8: warning: stage 'qualification' belongs to the fundraising profile, and this is the agency one; write a stage of this profile, or set 'profile' in .cr-lint.yaml [wrong-profile-stage]
examples/fundraising/hoang-2026-11-17.yaml:28:8: warning: stage 'cultivation' belongs to the fundraising profile, and this is the agency one; write a stage of this profile, or set 'profile' in .cr-lint.yaml [wrong-profile-stage]" \
	"the lost action, at the actions heading, and the fundraising stages"
run cr-lint --now 2026-11-22T12:00:00+07:00 examples/en examples/vi \
	examples/zh examples/ru
is "$err" "$lost" "without the fundraising folder: the lost action alone"
(cd examples/fundraising && "$CR_BIN/cr-lint" --now 2026-11-22T12:00:00+07:00 .) \
	>"$T/out" 2>"$T/err"
is "$?:$(cat "$T/err")" "0:" "the fundraising folder, in its own profile: clean"
# The README shows what the command prints.
like "$(cat README.md)" "# $lost" "README's lint line is the output"

# Each older report linted alone is its own thread: its open actions
# that later reports closed are overdue there.
run cr-lint --now 2026-11-22T12:00:00+07:00 examples/vi/suaviet-2026-11-10.md
like "$err" "examples/vi/suaviet-2026-11-10.md:38:66: warning: action 'sv-1' was due 2026-11-14 (8 days ago)" \
	"alone: position of a due cell in a Vietnamese table, in characters"
is "$(printf '%s\n' "$err" | grep -c '\[action-overdue\]$')" 2 "alone: sv-1 and sv-2 overdue"
n=0
for f in examples/en/acme-2026-11-06.yaml examples/en/acme-2026-11-13.md \
	examples/ru/sever-2026-11-11.md examples/vi/suaviet-2026-11-10.md \
	examples/zh/huaxia-2026-11-12.yaml; do
	run cr-lint --now 2026-11-22T12:00:00+07:00 "$f"
	n=$((n + $(printf '%s\n' "$err" | grep -c '\[action-overdue\]$')))
done
is "$n" 9 "the nine overdue actions of older reports, each linted alone"

# The last report of each thread is clean on its own day, with the rest
# of its thread given alongside (the en thread's last is the call that
# lost acme-7: its storyboard report is checked).
# The zh thread ends with a planned contact (2026-11-26), checked as an
# agenda: no discussion, agreements or new actions, and clean.
for t in en/acme-2026-11-20.yaml vi/suaviet-2026-11-18.yaml \
	zh/huaxia-2026-11-19.md zh/huaxia-2026-11-26.yaml \
	ru/sever-2026-11-18.yaml fundraising/hoang-2026-11-17.yaml; do
	d=examples/$(dirname "$t")
	cfg=
	[ -f "$d/.cr-lint.yaml" ] && cfg="--config $d/.cr-lint.yaml"
	run cr-lint --now 2026-11-22T12:00:00+07:00 $cfg "examples/$t" \
		$(ls "$d"/*.yaml "$d"/*.md 2>/dev/null | grep -v "$t")
	is "$(printf '%s\n' "$err" | grep -c "^examples/$t:")" 0 \
		"$t has no finding"
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
