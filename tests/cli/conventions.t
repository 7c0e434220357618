#!/bin/sh
# SPEC 3 for every tool: --help (short, pointing to the man page),
# --version, exit 2 on an unknown option and on a missing input file, and
# every tool has its man page.
. "${CR_SRC:-.}/tests/cli/lib.sh"

for tool in cr-lint cr-new cr-render cr-wip; do
	run $tool --version
	is "$rc:$out" "0:$tool (crtools) 0.1.0" "$tool --version"
	run $tool --help
	is "$rc" 0 "$tool --help: exit 0"
	like "$out" "$tool(1)" "$tool --help points to $tool(1)"
	run $tool -h
	is "$rc" 0 "$tool -h: exit 0"
	run $tool --no-such-option
	is "$rc" 2 "$tool: an unknown option is a usage error"
	like "$err" "usage: $tool" "$tool: with the usage"
	like "$err" "Try '$tool --help' for more information." \
		"$tool: points to --help"
	unlike "$err" "$tool(1)" "$tool: not the whole help"
	is "$out" "" "$tool: nothing on stdout after a bad option"
	[ -f "$CR_SRC/man/$tool.1" ]
	ok $? "$tool has man/$tool.1"
	mandoc -T lint -W warning "$CR_SRC/man/$tool.1" >"$T/lint" 2>&1
	is "$?:$(cat "$T/lint")" "0:" "$tool.1 passes mandoc -T lint"
done
mandoc -T lint -W warning "$CR_SRC/man/cr-report.5" >"$T/lint" 2>&1
is "$?:$(cat "$T/lint")" "0:" "cr-report.5 passes mandoc -T lint"
for tool in cr-lint cr-render cr-wip; do
	run $tool "$T/no-such-file.yaml"
	is "$rc" 2 "$tool: a missing file is exit 2"
	like "$err" "$tool: $T/no-such-file.yaml: No such file or directory" \
		"$tool: the message names the file"
done
done_testing
