#!/bin/sh
# The manual's examples are tests (jq's tests/man.test idea): every example
# command of man/*.1, man/*.5 and README.md, as tests/cli/man-examples.py
# extracts them (the rule is written there), runs in a scratch folder
# holding the bundled examples, and must exit as its page says (0 unless
# marked `exit: N`). Commands marked `needs: REASON` (an editor, mail, the
# source tree) are skipped with that reason. Each man page command must also
# read the same in the rendered page.
. "${CR_SRC:-.}/tests/cli/lib.sh"

for c in mandoc bash; do
	if ! command -v $c >/dev/null 2>&1; then
		skip "$c not installed"
		done_testing
		exit
	fi
done
EX=$CR_SRC/examples
$PYTHON "$CR_SRC/tests/cli/man-examples.py" "$T/cmds" \
	"$CR_SRC"/man/*.[1-9] "$CR_SRC/README.md" >"$T/manifest" || exit 1
ok "$([ -s "$T/manifest" ]; echo $?)" "examples found"

# fresh PAGE: the scratch folder the examples of one page run in, a
# folder of reports without duplicate ids (so that `cr-lint .` is clean):
# reports/ with the first two reports of the English thread (the pages
# continue it), the single files the pages name (taken from other
# threads), and the bundled examples/ when a command of the page names it.
fresh() {
	rm -rf "$T/work" && mkdir -p "$T/work/reports" && cd "$T/work" || exit 1
	cp "$EX/en/acme-2026-11-06.yaml" "$EX/en/acme-2026-11-13.md" reports/
	cp "$EX/zh/huaxia-2026-11-19.md" acme.md
	cp "$EX/en/acme-2026-11-20.yaml" r.yaml
	cp "$EX/vi/suaviet-2026-11-18.yaml" .
	cp "$EX/ru/sever-2026-11-18.yaml" board.yaml
	# the bundled examples/ for a page whose commands name it
	for c in $(sed -n "s/^\([0-9]*\)|$1:.*/\1/p" "$T/manifest"); do
		if grep -q 'examples/' "$T/cmds/$c.sh"; then
			cp -R "$EX" examples
			break
		fi
	done
}

export PATH="$CR_BIN:$PATH" CR_AUTHOR="Linh Tran" EDITOR=false
page=

while IFS="|" read -r n where expect needs shown; do
	case $where in
	"$page":*) ;;
	*)
		page=${where%%:*}
		fresh "$page"
		;;
	esac
	cmd=$(tr "\n" " " <"$T/cmds/$n.sh")
	if [ "$shown" != 1 ]; then
		_result 1 "$where: reads the same in the rendered page: $cmd"
		_diag "the rendered page shows it otherwise (a trailing . or , glued to the word before?)"
		continue
	fi
	if [ -n "$needs" ]; then
		skip "$where: needs $needs: $cmd"
		continue
	fi
	for prog in jq less; do
		case " $cmd" in
		*"| $prog "*) command -v $prog >/dev/null 2>&1 || needs="$prog" ;;
		esac
	done
	if [ -n "$needs" ]; then
		skip "$where: $needs not installed: $cmd"
		continue
	fi
	$CR_WRAP bash -o pipefail "$T/cmds/$n.sh" </dev/null >"$T/.out" 2>"$T/.err"
	got=$?
	is "$got" "$expect" "$where: $cmd"
	[ "$got" = "$expect" ] || _diag "$(head -5 "$T/.err")"
done <"$T/manifest"
cd "$T" || exit 1

done_testing
