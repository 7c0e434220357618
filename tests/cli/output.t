#!/bin/sh
# Nothing lost: -o is atomic (a temporary file beside the target, fsync,
# rename) and keeps the target's permissions; a full disk, a read-only
# folder or a stop in the middle leave the old file whole and (short of
# SIGKILL) no temporary file; a tool never writes over one of its inputs,
# whatever the path. Failures come from tests/inject (LD_PRELOAD).
. "${CR_SRC:-.}/tests/cli/lib.sh"
cd "$CR_SRC" || exit 1
R=examples/en/acme-2026-11-20.yaml

printf 'old content\n' >"$T/old"
reset() { cp "$T/old" "$T/out.yaml"; chmod 640 "$T/out.yaml"; }
leftovers() { ls -A "$T" | grep -c '^\.out\.yaml\.'; }

# Permissions are kept across the rename.
reset
run cr-render --to yaml -o "$T/out.yaml" "$R"
is "$rc" 0 "-o replaces the file"
is "$(stat -c %a "$T/out.yaml")" 640 "with the permissions it had"
is "$(head -1 "$T/out.yaml")" "id: acme-2026-11-20" "and the new content"
umask 027
run cr-render --to yaml -o "$T/new.yaml" "$R"
is "$(stat -c %a "$T/new.yaml")" 640 "a new file follows the umask"
umask 022

if [ -z "$CR_INJECT_SO" ] || [ ! -f "$CR_INJECT_SO" ] || [ -n "$CR_WRAP" ]; then
	skip "error injection (no CR_INJECT_SO, or under valgrind)"
else
	export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
	inject() { # CUE TOOL ARGS
		cue=$1
		shift
		CR_INJECT=$cue LD_PRELOAD=$CR_INJECT_SO run "$@"
	}
	for cue in fwrite:ENOSPC fsync:ENOSPC fsync:EIO rename:EACCES; do
		reset
		inject $cue cr-render --to yaml -o "$T/out.yaml" "$R"
		is "$rc" 2 "$cue: exit 2"
		same_file "$T/out.yaml" "$T/old" "$cue: the old file is whole"
		is "$(leftovers)" 0 "$cue: no temporary file left"
	done
	like "$err" "cr-render: $T/out.yaml: Permission denied" "the failure is named"
	reset
	inject mkstemp:EROFS cr-render --to yaml -o "$T/out.yaml" "$R"
	is "$rc" 2 "read-only folder: exit 2"
	like "$err" "Read-only file system" "read-only folder: said"
	same_file "$T/out.yaml" "$T/old" "read-only folder: the old file is whole"
	for tool in "cr-new --client X --author A --force" \
		"cr-wip --to xlsx examples" "cr-wip --to csv examples" \
		"cr-lint --format json $R"; do
		reset
		# shellcheck disable=SC2086
		inject fsync:ENOSPC $tool -o "$T/out.yaml"
		case $tool in
		cr-lint*) # cr-lint has no -o: its usage error is the answer
			is "$rc" 2 "cr-lint -o: a usage error"
			continue ;;
		esac
		is "$rc" 2 "${tool%% *}: full disk, exit 2"
		same_file "$T/out.yaml" "$T/old" "${tool%% *}: the old file is whole"
		is "$(leftovers)" 0 "${tool%% *}: no temporary file left"
	done
	# Stopped in the middle: after the temporary file is written, before
	# the rename. SIGTERM is caught: the temporary file goes too.
	reset
	inject fsync:TERM cr-render --to yaml -o "$T/out.yaml" "$R"
	is "$rc" 143 "SIGTERM in the middle: the tool ends by the signal"
	same_file "$T/out.yaml" "$T/old" "SIGTERM: the old file is whole"
	is "$(leftovers)" 0 "SIGTERM: the temporary file is removed"
	reset
	inject fsync:KILL cr-wip --to xlsx -o "$T/out.yaml" examples
	is "$rc" 137 "SIGKILL in the middle"
	same_file "$T/out.yaml" "$T/old" "SIGKILL: the old file is whole"
	rm -f "$T"/.out.yaml.*
fi

# Never over an input, whatever the path to it.
cp "$R" "$T/in.yaml"
cp "$R" "$T/in.orig"
ln "$T/in.yaml" "$T/hard.yaml"
ln -s in.yaml "$T/soft.yaml"
mkdir "$T/sub"
for target in "$T/in.yaml" "$T/./sub/../in.yaml" "$T/hard.yaml" "$T/soft.yaml"; do
	run cr-render --to yaml -o "$target" "$T/in.yaml"
	is "$rc" 2 "cr-render -o $target: refused"
	run cr-wip --to csv -o "$target" "$T/in.yaml"
	is "$rc" 2 "cr-wip -o $target: refused"
	same_file "$T/in.yaml" "$T/in.orig" "the input is whole"
done
like "$err" "is also an input" "the refusal says why"
run cr-wip --to csv -o "$T/in.yaml" "$T"
is "$rc" 2 "cr-wip: a file found in a walked folder is an input too"
same_file "$T/in.yaml" "$T/in.orig" "and stays whole"
run cr-new --from "$T/in.yaml" --force -o "$T/hard.yaml"
is "$rc" 2 "cr-new: not over its --from file"
same_file "$T/in.yaml" "$T/in.orig" "which stays whole"

# An unwritable place: a missing folder.
run cr-render --to yaml -o "$T/no/such/dir/x.yaml" "$R"
is "$rc" 2 "a missing folder: exit 2"
like "$err" "No such file or directory" "said"
done_testing
