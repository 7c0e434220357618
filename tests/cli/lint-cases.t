#!/bin/sh
# Lint cases as data: every tests/lint/<case>.yaml or .md, and every
# folder tests/lint/<case>/ (a case of several files: a thread, linted
# together as the folder is walked), is linted with
# `cr-lint --config /dev/null --now 2026-11-22T10:00:00+07:00` plus the
# options in <case>.args (if any, one line), from inside tests/lint; its
# stderr must be <case>.out exactly (the gnu output, file names relative),
# and the exit status 1 when that holds an error, else 0. Adding a case is
# adding files; CR_UPDATE_GOLDEN=1 rewrites the .out files (read the diff).
. "${CR_SRC:-.}/tests/cli/lib.sh"
cd "$CR_SRC/tests/lint" || exit 1

NOW=2026-11-22T10:00:00+07:00
for f in $(ls -d ./*.yaml ./*.md ./*/ 2>/dev/null | sort); do
	f=${f#./}
	f=${f%/}
	c=${f%.*}
	args=
	[ -f "$c.args" ] && args=$(cat "$c.args")
	# shellcheck disable=SC2086
	run cr-lint --config /dev/null --now "$NOW" $args "$f"
	if [ -n "${CR_UPDATE_GOLDEN:-}" ]; then
		printf '%s' "$err" >"$c.out"
		[ -n "$err" ] && echo >>"$c.out"
	fi
	if [ ! -f "$c.out" ]; then
		ok 1 "$c: no $c.out (CR_UPDATE_GOLDEN=1 writes it)"
		continue
	fi
	is "$err" "$(cat "$c.out")" "$c: the findings"
	want=0
	grep -q ': error: ' "$c.out" && want=1
	is "$rc" "$want" "$c: exit status"
done

done_testing
