#!/bin/sh
# Memory per report does not grow with the corpus: cr-lint's peak resident
# set over 20,000 generated reports, less its peak over 2,000, divided by
# the 18,000 more, stays under a bound (3 KiB a report: some 1.4 are used
# now, a compact link and compact diagnostics a report; keeping stripped
# reports took 5.5, whole ones 8.5). A leak-like growth fails here; the
# figures themselves are `make bench`'s (BENCHMARKS.md).
. "${CR_SRC:-.}/tests/cli/lib.sh"
NOW=2026-11-22T12:00:00+07:00
BOUND=3072

case "$CR_BIN$CR_WRAP" in
*asan* | *valgrind*)
	skip "resident memory under a sanitizer or valgrind says nothing"
	done_testing
	exit 0
	;;
esac

# peak TOOL ARGS: the tool's peak resident set in bytes (wait4)
peak() {
	"$PYTHON" - "$CR_BIN/$1" "$@" <<'PY'
import os, subprocess, sys
argv = [sys.argv[1]] + sys.argv[3:]
p = subprocess.Popen(argv, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL)
_, status, ru = os.wait4(p.pid, 0)
rc = os.waitstatus_to_exitcode(status)
print(ru.ru_maxrss * 1024 if rc in (0, 1) else -rc - 1000)
PY
}

"$PYTHON" "$CR_SRC/scripts/gen-corpus" 2000 "$T/small" 3 mixed
"$PYTHON" "$CR_SRC/scripts/gen-corpus" 20000 "$T/large" 3 mixed
# growth NAME BOUND CMD...: CMD run in $T over the corpus of 2,000 and
# that of 20,000 reports (the last argument); the peak per report more is
# under BOUND bytes
growth() {
	name=$1 bound=$2
	shift 2
	small=$(cd "$T" && peak "$@" small)
	large=$(cd "$T" && peak "$@" large)
	ok "$([ "$small" -gt 0 ] && [ "$large" -gt 0 ]; echo $?)" \
		"$name ran over both corpora ($small, $large bytes)"
	per=$(((large - small) / 18000))
	_diag "$name: $small bytes for 2,000 reports, $large for 20,000:" \
		"$per bytes a report more"
	ok "$([ "$per" -lt "$bound" ]; echo $?)" \
		"$name: $per bytes a report, under $bound"
}

growth cr-lint $BOUND cr-lint --now "$NOW" --quiet
# cr-wip keeps compact records, not reports: the workbook of the same
# corpora, with relative paths and links as the README runs it, under
# 3 KiB a report (some 1.5 now; keeping the reports took over 5)
growth cr-wip 3072 cr-wip --now "$NOW" --quiet -j 2 --to xlsx -o w.xlsx

done_testing
