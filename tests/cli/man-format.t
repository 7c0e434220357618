#!/bin/sh
# Every man page formats cleanly with both formatters users have: GNU
# groff (`groff -man -Tutf8 -ww`, all warnings, no preconv: non-ASCII
# text is written as \[uXXXX]) and mandoc (`mandoc -Tlint`, style
# messages included, but for the three that depend on the machine or are
# the project's choice: manuals not installed, an outdated mandoc.db, and
# `.Os crtools`).
. "${CR_SRC:-.}/tests/cli/lib.sh"

for m in "$CR_SRC"/man/*.[1-9]; do
	name=${m##*/}
	if command -v groff >/dev/null 2>&1; then
		groff -man -Tutf8 -ww "$m" 2>"$T/groff.err" >"$T/groff.out"
		is "$?:$(cat "$T/groff.err")" "0:" "$name: groff -man -Tutf8 -ww is silent"
		ok "$([ -s "$T/groff.out" ]; echo $?)" "$name: groff renders it"
	else
		skip "$name: groff not installed"
	fi
	if command -v mandoc >/dev/null 2>&1; then
		mandoc -Tlint -W style "$m" 2>&1 |
			grep -v -e 'referenced manual not found' -e 'mandoc\.db' \
				-e 'operating system explicitly specified' >"$T/lint"
		is "$(cat "$T/lint")" "" "$name: mandoc -Tlint is clean"
	else
		skip "$name: mandoc not installed"
	fi
	LC_ALL=C grep -n '[^ -~	]' "$m" >"$T/raw"
	is "$(cat "$T/raw")" "" "$name: ASCII only (non-ASCII as \\[uXXXX])"
done

# Every option a rendered page shows is one of the tools' (an option macro
# left open turns the words after it into "-nothing -was -written"):
# known are the options --help lists, plus those of the other programs the
# pages show (scripts/pre-commit --install, wip-cron -n, sendmail -t,
# iconv -f, ln -s).
known=" --install -n -t -f -s "
for tool in cr-lint cr-new cr-render cr-wip; do
	known="$known $("$CR_BIN/$tool" --help | grep -o -e '--[a-z][a-z-]*' -e '-[a-z]\b' | tr '\n' ' ')"
done
# the scripts that have a page of their own
for s in "$CR_SRC"/scripts/cr-*; do
	[ -f "$CR_SRC/man/${s##*/}.1" ] || continue
	known="$known $(sh "$s" --help 2>&1 | grep -o -e '--[a-z][a-z-]*' -e '-[a-z]\b' | tr '\n' ' ')"
done
if command -v mandoc >/dev/null 2>&1; then
	for m in "$CR_SRC"/man/*.[1-9]; do
		bad=
		for o in $(mandoc -Tutf8 "$m" | sed 's/.\x08//g' |
			grep -oP '(?<![\w./-])--?[a-z][a-z0-9-]*' | sort -u); do
			case $o in
			--*) case "$known " in *" $o "*) continue ;; esac ;;
			*) # -hq: each letter an option
				l=${o#-} && while [ -n "$l" ]; do
					case "$known " in *" -${l%"${l#?}"} "*) ;; *) break ;; esac
					l=${l#?}
				done
				[ -z "$l" ] && continue ;;
			esac
			bad="$bad $o"
		done
		is "$bad" "" "${m##*/}: every option shown is an option"
	done
fi

done_testing
