#!/bin/sh
# cr-lint's diagnostics in the editors (SPEC 3): vim's quickfix list with
# the :set lines cr-lint(1) documents, and Emacs' compilation mode, put
# the cursor on the value at fault for each finding; cr-new(1)'s vim
# command opens the follow-up in a new window. Each part skips when its
# editor is missing.
. "${CR_SRC:-.}/tests/cli/lib.sh"

GOOD=$CR_SRC/tests/data/lint/good.yaml
NOW='--now=2026-11-22T10:00+07:00'
ED=$CR_SRC/tests/cli/editors
export PATH="$CR_BIN:$PATH" CR_AUTHOR="Linh Tran" HOME="$T"
cd "$T" || exit 1
sed -e 's/due: 2026-11-25/due: ASAP/' -e 's/who: Linh Tran/who: Bob/' \
	-e 's/  - TVC budget reduced to 1.2 bn VND./  - The client was rude about the budget./' \
	-e 's/^title: .*/title: TODO/' -e 's/^author: .*/author: Mai Pham/' \
	"$GOOD" >en.yaml

# the lines of a rendered page that start with $1 (what a reader copies)
page_lines() {
	mandoc -Tutf8 "$CR_SRC/man/$2" | sed 's/.\x08//g' |
		sed -n "s/^ *\\($1\\)/\\1/p"
}

if command -v vim >/dev/null 2>&1 && command -v mandoc >/dev/null 2>&1; then
	page_lines ':set ' cr-lint.1 >set.vim
	is "$(grep -c . set.vim)" 2 "cr-lint(1) gives makeprg and errorformat"
	CR_SET=$T/set.vim CR_REPORT=en.yaml CR_NOW="$NOW" CR_OUT=$T/vim.out \
		vim -u NONE -i NONE -N -es -S "$ED/quickfix.vim" </dev/null >/dev/null 2>&1
	is "$?" 0 "vim -es: exit 0"
	is "$(cat vim.out)" "en.yaml:2:e:TODO
en.yaml:6:w:Mai Pham
en.yaml:12:w:rude about the budget.
en.yaml:18:w:Bob
en.yaml:19:e:ASAP" "vim: :make and :cc land on each value at fault, errors and warnings told apart"

	# cr-new(1): the follow-up of the report being edited, in a new window
	cp "$CR_SRC/examples/en/acme-2026-11-20.yaml" prev.yaml
	cmd=$(page_lines ':new ' cr-new.1)
	like "$cmd" "!cr-new --from #" "cr-new(1) gives the vim command"
	cat >new.vim <<EOF2
set nocompatible nomore hidden
edit prev.yaml
execute \$CR_CMD
call writefile(getline(1, '\$'), 'new.out')
call writefile([bufname('#'), string(getbufline(bufname('#'), 1, '\$') == readfile('prev.yaml'))], 'alt.out')
qa!
EOF2
	CR_CMD=$cmd vim -u NONE -i NONE -N -es -S new.vim </dev/null >/dev/null 2>&1
	like "$(cat new.out)" "previous: acme-2026-11-20" "the new window holds the follow-up"
	is "$(head -1 new.out | cut -c1-4)" "id: " "the follow-up starts at the first line"
	is "$(cat alt.out)" "prev.yaml
1" "the report being edited is left as it was"
	run cr-lint "$NOW" --config /dev/null new.out
	unlike "$err" "syntax" "the follow-up is one report"
else
	skip "vim or mandoc not installed"
fi

if command -v emacs >/dev/null 2>&1; then
	"$CR_BIN/cr-lint" "$NOW" en.yaml 2>qf.txt
	CR_DIR=$T CR_QF=$T/qf.txt CR_OUT=$T/el.out \
		emacs --batch -Q -l "$ED/next-error.el" </dev/null >/dev/null 2>&1
	is "$?" 0 "emacs --batch: exit 0"
	is "$(cat el.out)" "en.yaml:2:TODO
en.yaml:6:Mai Pham
en.yaml:12:rude about the budget.
en.yaml:18:Bob
en.yaml:19:ASAP" "emacs: compilation mode's next-error lands on each value at fault"
else
	skip "emacs not installed (emacs-nox): compilation mode not checked"
fi

done_testing
