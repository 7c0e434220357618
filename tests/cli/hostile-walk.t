#!/bin/sh
# Hostile folders for the walks of cr-lint and cr-wip (SPEC 3): symbolic
# link loops, links to / and to a parent, the same file by several names,
# FIFOs where a report should be, walk order, a README.md with no front
# matter, and the `ignore:` globs of .cr-lint.yaml honoured by both tools.
. "${CR_SRC:-.}/tests/cli/lib.sh"
GOOD=$CR_SRC/tests/data/lint/good.yaml
NOW=--now=2026-11-22T10:00+07:00
cd "$T" || exit 1

# report ID ACTION: a valid report with its own id and action id
report() {
	sed -e "s/^id: .*/id: $1/" -e "s/id: acme-7/id: $2/" "$GOOD"
}
# timed TOOL ARGS: run, stopped after 20 s (rc 124) if it hangs
timed() {
	_w=$CR_WRAP
	CR_WRAP="timeout 20 $_w"
	run "$@"
	CR_WRAP=$_w
}
# rows: the data rows of the last cr-wip --to csv
rows() { printf '%s\n' "$out" | sed 1d | grep -c .; }

# ------------------------------------------------ link loops, no hang
mkdir loop
report r-1 a-1 >loop/r.yaml
ln -s . loop/a
ln -s . loop/b
ln -s / loop/slash
ln -s .. loop/up
timed cr-wip --to csv "$NOW" loop
is "$rc" 0 "links back into the walk: cr-wip ends"
is "$(rows)" 1 "links back into the walk: the report is read once"
like "$err" "cr-wip: loop/a: note: a link to this folder or one above it; not followed" "the loop is cut with a note"
like "$err" "loop/slash: note: a link to this folder or one above it" "a link to / is not walked"
like "$err" "loop/up: note: a link to this folder or one above it" "a link to the parent is not walked"
run cr-lint "$NOW" loop
is "$rc" 0 "cr-lint over the loops: no duplicate-id"
unlike "$err" "duplicate-id" "no bogus duplicate-id"

# a link to a folder outside the walk is followed, once
mkdir side out
report s-1 s-a >side/s.yaml
ln -s ../side out/one
ln -s ../side out/two
run cr-wip --to csv "$NOW" out
is "$(rows)" 1 "a folder linked twice is walked once"
like "$err" "out/two: note: a folder already walked; not followed again" "and the second link says so"

# ------------------------------------- one file, several spellings
report f-1 f-a >f.yaml
ln -s f.yaml alias.yaml
ln f.yaml hard.yaml
run cr-wip --to csv "$NOW" f.yaml ./f.yaml f.yaml alias.yaml hard.yaml
is "$(rows)" 1 "the same file five ways is one input"
is "$(printf '%s\n' "$out" | sed 1d | cut -d, -f11)" 1 "Count 1"
run cr-lint "$NOW" f.yaml ./f.yaml "$T/f.yaml"
is "$rc" 0 "cr-lint: the same file thrice is no duplicate-id"

# the walk stats no regular file (its folder entry says what it is): the
# same file found twice is known by its device and inode once read, and
# the first in input order is the one input, with its name, whatever -j
mkdir hl
report h-1 h-a >hl/b.yaml
ln hl/b.yaml hl/a.yaml
ln hl/b.yaml hl/c.yaml
report h-2 h-b >hl/d.yaml
for j in 1 4; do
	run cr-wip -j "$j" --to csv "$NOW" hl
	is "$(rows)" 2 "-j $j: three hard links in a walked folder are one input"
	run cr-lint -j "$j" --format json "$NOW" hl
	is "$rc" 0 "-j $j: cr-lint sees no duplicate-id among them"
	# written into, not replaced (as sed -i would): the links stay
	sed 's/^title: .*/title: TODO/' hl/b.yaml >hl/t && cat hl/t >hl/b.yaml
	run cr-lint -j "$j" "$NOW" hl
	is "$(printf '%s
' "$err" | grep -c 'hl/a.yaml:')" 1 "-j $j: found once, by its first name in walk order"
	is "$(printf '%s
' "$err" | grep -c 'hl/[bc].yaml:')" 0 "-j $j: not by the others"
	report h-1 h-a >hl/t && cat hl/t >hl/b.yaml && rm hl/t
done
run cr-lint "$NOW" hl/c.yaml hl
is "$rc" 0 "named first and then walked: one input, no duplicate-id"
run cr-wip --to csv "$NOW" ./hl hl/c.yaml
is "$(rows)" 2 "walked first and then named: one input"
run cr-lint "$NOW" hl ./hl/d.yaml
is "$rc" 0 "one link, walked and then named: one input, no duplicate-id"
run cr-wip --to csv "$NOW" hl/d.yaml hl
is "$(rows)" 2 "named and then walked: one input"

# ---------------------------------------------- only regular files
mkdir fifo
report q-1 q-a >fifo/a.yaml
mkfifo fifo/b.yaml
timed cr-wip --to csv "$NOW" fifo
is "$rc" 0 "a FIFO in a walked folder: cr-wip ends"
is "$(rows)" 1 "the regular file is read"
like "$err" "fifo/b.yaml: note: not a regular file; skipped" "the FIFO is named and skipped"
timed cr-lint "$NOW" fifo
is "$rc" 0 "cr-lint does not wait on the FIFO either"

# a report replaced by a FIFO after the walk saw it, before it is read
# (tests/inject swaps it in just before the open): the tool ends, the
# FIFO named and never waited on
mkdir race
report r r-a >race/a.yaml
report z z-a >race/z.yaml
if [ -z "${CR_INJECT_SO:-}" ] || [ ! -f "$CR_INJECT_SO" ] || [ -n "$CR_WRAP" ]; then
	skip "error injection (no CR_INJECT_SO, or under valgrind)"
else
	_w=$CR_WRAP
	CR_WRAP="env CR_INJECT=fifo:race/z.yaml LD_PRELOAD=$CR_INJECT_SO ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 timeout 20"
	run cr-wip --to csv "$NOW" race
	CR_WRAP=$_w
	is "$rc" 2 "a report turned FIFO between walk and read: cr-wip ends (exit 2)"
	is "$err" "cr-wip: race/z.yaml: replaced since the folder was read (not a regular file); skipped" \
		"the FIFO is named, never waited on"
	like "$out" "r-a" "the other report is read"
	ok "$([ -p race/z.yaml ] && echo 0 || echo 1)" "(the swap happened)"
fi

# a file system whose reads stop short of the end (some FUSE ones): a
# file is read to its end however few bytes each read gives, the same
# report as from one read
mkdir short
report s-1 s-a >short/a.yaml
printf '%s\n' '---' 'client: Trà Lá Xanh' 'date: 2026-11-20' 'author: An' \
	'---' '# Notes' 'Chúng tôi đã thống nhất kế hoạch.' >short/b.md
if [ -z "${CR_INJECT_SO:-}" ] || [ ! -f "$CR_INJECT_SO" ] || [ -n "$CR_WRAP" ]; then
	skip "error injection (no CR_INJECT_SO, or under valgrind)"
	skip "error injection (no CR_INJECT_SO, or under valgrind)"
else
	run cr-lint "$NOW" --format json short
	whole_out=$out whole_rc=$rc
	run cr-render --to json short/b.md
	whole_render=$out
	_w=$CR_WRAP
	CR_WRAP="env CR_INJECT=read:short LD_PRELOAD=$CR_INJECT_SO ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 timeout 20"
	run cr-lint "$NOW" --format json short
	is "$rc:$out" "$whole_rc:$whole_out" "reads of 7 bytes: cr-lint finds the same"
	run cr-render --to json short/b.md
	CR_WRAP=$_w
	is "$out" "$whole_render" "reads of 7 bytes: cr-render reads the whole report"
fi

# ------------------------------------------ walk order: byte order
mkdir -p ord/a
report ord-x x-1 | sed 's/^previous:.*//' >ord/a/x.yaml
report ord-ab ab-1 >ord/a-b.yaml
printf 'previous: nowhere\n' >>ord/a/x.yaml
printf 'previous: nowhere\n' >>ord/a-b.yaml
run cr-lint "$NOW" ord
is "$(printf '%s\n' "$err" | cut -d: -f1 | tr '\n' ' ')" "ord/a-b.yaml ord/a/x.yaml " \
	"a-b.yaml before a/x.yaml: the byte order of the full path"

# ------------------------------------- a README.md is not a report
mkdir readme
report m-1 m-a >readme/r.yaml
printf '# About these reports\n\nOne file a contact.\n' >readme/README.md
run cr-lint "$NOW" readme
is "$rc" 0 "cr-lint: a Markdown file with no front matter is not walked"
is "$err" "" "and not complained about"
run cr-wip --to csv "$NOW" readme
is "$rc" 0 "cr-wip skips it too"
is "$(rows)" 1 "cr-wip: one report"
run cr-lint "$NOW" readme/README.md
is "$rc" 1 "named on the command line, it is checked"
like "$err" "readme/README.md:1:1: error:" "with its findings"
printf -- '---\ntitle: x\n---\n# Notes\n' >readme/notes.md
run cr-lint "$NOW" readme
is "$rc" 1 "a Markdown file with front matter is walked"

# --------------------------------- ignore: shared by cr-lint and cr-wip
mkdir -p ign/drafts
report i-1 i-a >ign/keep.yaml
report i-2 i-b >ign/drafts/draft.yaml
report i-3 i-c >ign/old.yaml
printf 'ignore: ["drafts/**", "old.yaml"]\n' >ign/.cr-lint.yaml
(cd ign && run cr-wip --to csv "$NOW" . && printf '%s\n' "$out" >"$T/o")
is "$(sed 1d o | cut -d, -f3 | tr '\n' ' ')" "i-a " "cr-wip honours ignore: of .cr-lint.yaml"
sed -i 's/^title: .*/title: TODO/' ign/drafts/draft.yaml ign/old.yaml
(cd ign && run cr-lint "$NOW" . && echo "$rc" >"$T/rc")
is "$(cat rc)" 0 "cr-lint skips the same files"
# an ignored file is not read, yet still an input: not written over
cp ign/old.yaml old.orig
(cd ign && run cr-wip --to csv -o old.yaml "$NOW" . && echo "$rc" >"$T/rc")
is "$(cat rc)" 2 "cr-wip -o an ignored file of the walk: refused"
ok "$(cmp -s ign/old.yaml old.orig && echo 0 || echo 1)" "which stays whole"
done_testing
