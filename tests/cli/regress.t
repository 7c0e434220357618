#!/bin/sh
# Every input that once crashed a tool (tests/regress/, most found by the
# fuzzers) goes through every tool and every format: an answer, never a
# crash. Exit 0 or 1 only; a signal or a sanitizer report fails.
. "${CR_SRC:-.}/tests/cli/lib.sh"

for f in "$CR_SRC"/tests/regress/*; do
	[ -f "$f" ] || continue
	name=$(basename "$f")
	for form in yaml md; do
		run cr-lint --from $form --now 2026-11-22 "$f"
		ok "$([ "$rc" -le 1 ] && echo 0 || echo 1)" "$name: cr-lint --from $form ($rc)"
		for to in md yaml json html txt pdf eml; do
			run cr-render --from $form --to $to --audience internal \
				--from-address a@b.example --now 2026-11-22 \
				-o "$T/out" "$f"
			[ "$rc" -le 1 ] || break
		done
		ok "$([ "$rc" -le 1 ] && echo 0 || echo 1)" "$name: cr-render --from $form, every format ($to: $rc)"
		if [ -x "$CR_BIN/cr-wip" ]; then
			run cr-wip --from $form --now 2026-11-22 "$f"
			ok "$([ "$rc" -le 1 ] && echo 0 || echo 1)" "$name: cr-wip --from $form ($rc)"
		fi
	done
done
done_testing
