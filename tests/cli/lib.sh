# lib.sh - a small TAP harness for the command-line tests, run by prove.
#
#   . "${CR_SRC:-.}/tests/cli/lib.sh"
#   run cr-lint --format json r.yaml    # sets $out, $err, $rc
#   is "$rc" 1 "exit status"
#   like "$err" 'r.yaml:3:7: error:' "position"
#   done_testing
#
# CR_BIN names the folder of the tools (default bin/), CR_SRC the source
# tree; CR_WRAP, when set, prefixes every tool (e.g. valgrind).  Each test
# file gets its own scratch folder $T, removed at the end.

CR_SRC=${CR_SRC:-$(pwd)}
CR_BIN=${CR_BIN:-$CR_SRC/bin}
CR_WRAP=${CR_WRAP:-}
# Debian's python3, which has the readers the tests use (openpyxl): a
# python3 earlier in PATH (pyenv, a venv) may lack them.
PYTHON=${PYTHON:-/usr/bin/python3}
export LC_ALL=C.UTF-8 TZ=UTC NO_COLOR=
unset NO_COLOR LANGUAGE

T=$(mktemp -d "${TMPDIR:-/tmp}/crtest.XXXXXX")
trap 'rm -rf "$T"' EXIT
_n=0
_failed=0

# run TOOL ARGS...: runs a tool from $CR_BIN (stdin from $STDIN if set, else
# /dev/null); stdout in $out, stderr in $err, exit status in $rc.
run() {
	_tool=$1
	shift
	if [ -n "${STDIN:-}" ]; then
		$CR_WRAP "$CR_BIN/$_tool" "$@" <"$STDIN" >"$T/.out" 2>"$T/.err"
	else
		$CR_WRAP "$CR_BIN/$_tool" "$@" </dev/null >"$T/.out" 2>"$T/.err"
	fi
	rc=$?
	out=$(cat "$T/.out")
	err=$(cat "$T/.err")
}

_result() {
	_n=$((_n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $_n - $2"
	else
		echo "not ok $_n - $2"
		_failed=$((_failed + 1))
	fi
}

_diag() {
	printf '%s\n' "$@" | sed 's/^/# /' >&2
}

ok() {
	_result "$1" "$2"
}

# is GOT WANT NAME
is() {
	if [ "$1" = "$2" ]; then
		_result 0 "$3"
	else
		_result 1 "$3"
		_diag "got:  '$1'" "want: '$2'"
	fi
}

# isnt GOT UNWANTED NAME
isnt() {
	if [ "$1" != "$2" ]; then _result 0 "$3"; else
		_result 1 "$3"
		_diag "got the unwanted '$1'"
	fi
}

# like TEXT FIXED-STRING NAME: TEXT contains the string.
like() {
	case "$1" in
	*"$2"*) _result 0 "$3" ;;
	*)
		_result 1 "$3"
		_diag "no '$2' in:" "$1"
		;;
	esac
}

# unlike TEXT FIXED-STRING NAME
unlike() {
	case "$1" in
	*"$2"*)
		_result 1 "$3"
		_diag "unwanted '$2' in:" "$1"
		;;
	*) _result 0 "$3" ;;
	esac
}

# same_file GOT WANT NAME: files identical (shows a diff otherwise).
# With CR_UPDATE_GOLDEN=1 the wanted file is rewritten instead.
same_file() {
	if [ "${CR_UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$1" "$2"
	fi
	if cmp -s "$1" "$2"; then
		_result 0 "$3"
	else
		_result 1 "$3"
		diff -u "$2" "$1" | head -40 | sed 's/^/# /' >&2
	fi
}

skip() {
	_n=$((_n + 1))
	echo "ok $_n # skip $1"
}

done_testing() {
	echo "1..$_n"
	[ "$_failed" = 0 ]
}
