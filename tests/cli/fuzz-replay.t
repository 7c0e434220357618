#!/bin/sh
# The libFuzzer targets of scripts/fuzz, built by make with a plain main
# (tests/fuzz/replay.c), replay every input that once crashed a tool
# (tests/regress) and the examples: they still build with the tree, and
# those inputs still pass the checks each target makes (an abort, a
# signal or a sanitizer report fails).
. "${CR_SRC:-.}/tests/cli/lib.sh"

TESTBIN=${CR_TESTBIN:-$CR_SRC/build/tests}
set -- "$CR_SRC"/tests/regress/* "$CR_SRC"/examples/*/*.yaml \
	"$CR_SRC"/examples/*/*.md
# the targets scripts/fuzz builds: each must be built here too
targets=$(sed -n 's/^build \([a-z-]*\) .*/\1/p' "$CR_SRC/scripts/fuzz")
ok "$([ -n "$targets" ]; echo $?)" "scripts/fuzz names its targets"
for t in $targets; do
	if [ ! -x "$TESTBIN/fuzz-$t" ]; then
		ok 1 "fuzz-$t: not built in $TESTBIN"
		continue
	fi
	$CR_WRAP "$TESTBIN/fuzz-$t" "$@" >"$T/out" 2>&1
	rc=$?
	ok "$([ "$rc" = 0 ] && echo 0 || echo 1)" "fuzz-$t replays $# inputs ($rc)"
	[ "$rc" = 0 ] || sed 's/^/# /' "$T/out" | head -20
done
done_testing
