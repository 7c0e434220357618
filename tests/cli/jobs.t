#!/bin/sh
# cr-lint -j N: the same bytes on stdout and stderr and the same exit
# status as -j 1, whatever N, in every --format, over the examples, the
# lint cases, the test data, the inputs that once crashed a tool and a
# generated corpus with broken and unreadable files among the good ones.
# `make tsan` runs this file with the tools built under ThreadSanitizer.
. "${CR_SRC:-.}/tests/cli/lib.sh"
NOW=2026-11-22T12:00:00+07:00

# same_run NAME ARGS...: -j 1 and -j 4 (and -j 3, another split of the
# window) agree on stdout, stderr and exit status
same_run() {
	_name=$1
	shift
	run cr-lint -j 1 "$@"
	printf '%s\n' "$out" >"$T/out1"
	printf '%s\n' "$err" >"$T/err1"
	rc1=$rc
	for j in 4 3; do
		run cr-lint -j $j "$@"
		printf '%s\n' "$out" >"$T/outj"
		printf '%s\n' "$err" >"$T/errj"
		if cmp -s "$T/out1" "$T/outj" && cmp -s "$T/err1" "$T/errj" &&
			[ "$rc" = "$rc1" ]; then
			_result 0 "$_name: -j $j as -j 1 (exit $rc)"
		else
			_result 1 "$_name: -j $j as -j 1 (exit $rc, -j 1: $rc1)"
			diff -u "$T/err1" "$T/errj" | head -20 | sed 's/^/# /' >&2
			diff -u "$T/out1" "$T/outj" | head -20 | sed 's/^/# /' >&2
		fi
	done
}

# A corpus of its own: generated reports (threads across files), a
# broken one, one that is not UTF-8, an empty one, a folder named like a
# report and a path that does not exist.
"$PYTHON" "$CR_SRC/scripts/gen-corpus" 120 "$T/gen" 5 mixed
printf 'id: [unclosed\n' >"$T/gen/000/broken.yaml"
printf 'id: x\ntitle: \377\376\n' >"$T/gen/000/latin1.yaml"
: >"$T/gen/000/empty.yaml"
mkdir "$T/gen/000/dir.yaml"

for fmt in gnu json sarif github; do
	same_run "examples, $fmt" --format $fmt --now "$NOW" "$CR_SRC/examples"
	same_run "tests/lint, $fmt" --format $fmt --now "$NOW" "$CR_SRC/tests/lint"
	same_run "tests/data, $fmt" --format $fmt --now "$NOW" "$CR_SRC/tests/data"
	same_run "tests/regress, $fmt" --format $fmt --now "$NOW" \
		"$CR_SRC"/tests/regress/*
	same_run "generated, $fmt" --format $fmt --now "$NOW" "$T/gen" \
		"$T/missing.yaml"
done
same_run "generated, --quiet --strict" --quiet --strict --now "$NOW" "$T/gen"
same_run "examples, --pass" --pass --now "$NOW" "$CR_SRC/examples/en"
same_run "generated, --context" --now "$NOW" --context "$T/gen/001" \
	"$T/gen/000"
STDIN="$CR_SRC/examples/en/acme-2026-11-20.yaml" \
	same_run "standard input" --now "$NOW" -

# -j N itself
run cr-lint -j 0 "$CR_SRC/examples"
is "$rc" 2 "-j 0 is refused"
like "$err" "-j takes a number of jobs" "-j 0: the reason"
run cr-lint --jobs=many "$CR_SRC/examples"
is "$rc" 2 "--jobs many is refused"
run cr-lint --jobs 2 --now "$NOW" "$CR_SRC/examples/en/acme-2026-11-20.yaml"
ok "$([ "$rc" -le 1 ] && echo 0 || echo 1)" "--jobs 2 is -j 2 ($rc)"

done_testing
