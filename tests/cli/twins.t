#!/bin/sh
# Both forms build the model through one builder: every report of
# examples/, tests/data/ and tests/twins/ converted to the other form
# (cr-render --to md or --to yaml) gives the same cr-lint findings at the
# same spots (tests/twins/check-twins.py says how spots are compared).
# tests/twins/ also holds hand-written pairs with findings in them.
. "${CR_SRC:-.}/tests/cli/lib.sh"
cd "$CR_SRC" || exit 1

NOW=2026-11-22T12:00:00+07:00
twin() { # A B NAME
	if msg=$("$PYTHON" tests/twins/check-twins.py "$CR_BIN" "$NOW" "$1" "$2" 2>&1); then
		ok 0 "$3"
	else
		ok 1 "$3"
		_diag "$msg"
	fi
}

for f in $(find examples tests/data/lint tests/data/pdf tests/data/wip \
	\( -name '*.yaml' -o -name '*.md' \) ! -name '.*' | grep -v broken | sort); do
	case $f in
	*.md) to=yaml ;;
	*) to=md ;;
	esac
	b=$T/$(basename "${f%.*}").$to
	"$CR_BIN/cr-render" --to "$to" -o "$b" "$f" 2>/dev/null
	twin "$f" "$b" "$f and its $to twin"
done

for a in tests/twins/*.yaml; do
	twin "$a" "${a%.yaml}.md" "hand-written twins $(basename "${a%.yaml}")"
done

# The checker itself: reports that are not twins are told apart.
if "$PYTHON" tests/twins/check-twins.py "$CR_BIN" "$NOW" tests/twins/findings.yaml \
	tests/twins/vi.md >/dev/null 2>&1; then ok 1 "the checker sees different findings"; else
	ok 0 "the checker sees different findings"
fi
sed 's/The client was furious/Furious, the client was/' tests/twins/findings.md >"$T/moved.md"
if "$PYTHON" tests/twins/check-twins.py "$CR_BIN" "$NOW" tests/twins/findings.yaml \
	"$T/moved.md" >/dev/null 2>&1; then ok 1 "the checker sees a finding at another spot"; else
	ok 0 "the checker sees a finding at another spot"
fi

done_testing
