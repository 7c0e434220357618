#!/bin/sh
# Hostile targets for -o (SPEC 3: nothing lost): devices, FIFOs,
# /dev/stdout, symbolic and hard links, a file the user may not write, the
# input arriving on standard input, a full disk, and the workbook to
# standard output leaving no file in $TMPDIR. Cases that need root (mknod,
# mount, another user) skip when not permitted.
. "${CR_SRC:-.}/tests/cli/lib.sh"
R=$CR_SRC/tests/data/lint/good.yaml
NOW=--now=2026-11-22T10:00+07:00
cd "$T" || exit 1
cp "$R" in.yaml
leftovers() { ls -A "$1" | grep -v '^\.\(out\|err\)$' | grep -c '^\.'; }

# ----------------------------------------------------- a device node
if mknod null c 1 3 2>/dev/null; then
	run cr-wip --to csv "$NOW" -o null in.yaml
	is "$rc" 0 "-o a device: written into"
	is "$(stat -c %F null)" "character special file" "the device stays a device"
	is "$(leftovers .)" 0 "no temporary file beside it"
	rm -f null
else
	skip "mknod not permitted"
fi

# --------------------------------------------------------- /dev/stdout
for tool in "cr-wip --to csv $NOW" "cr-render --to yaml" ; do
	# shellcheck disable=SC2086
	run $tool -o /dev/stdout in.yaml
	is "$rc" 0 "${tool%% *} -o /dev/stdout: exit 0"
	like "$out" "acme-7" "${tool%% *} -o /dev/stdout: printed"
done
run cr-new --client X --author A -o /dev/stdout
is "$rc" 0 "cr-new -o /dev/stdout: not 'exists; use --force'"
like "$out" "client: X" "cr-new -o /dev/stdout: printed"
run cr-wip --to csv "$NOW" -o /dev/stdout in.yaml
run cr-wip --to csv "$NOW" -o /dev/stdout in.yaml
[ -L /dev/stdout ] && ok 0 "/dev/stdout is still a link" ||
	ok 1 "/dev/stdout is still a link"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	chmod 755 "$T"
	out=$(setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$CR_BIN/cr-wip" --to csv "$NOW" -o /dev/stdout in.yaml 2>&1)
	like "$out" "acme-7" "as another user, -o /dev/stdout prints too"
	unlike "$out" "cannot create a file beside it" "and no talk of a file beside it"
else
	skip "not root: no other user to try -o /dev/stdout as"
fi

# --------------------------------------------------------------- FIFO
mkfifo ff
cat ff >got &
run cr-wip --to csv "$NOW" -o ff in.yaml
wait
is "$rc" 0 "-o a FIFO: exit 0"
is "$(stat -c %F ff)" "fifo" "the FIFO stays a FIFO"
like "$(cat got)" "acme-7" "its reader got the WIP"

# ------------------------------------------------------ symbolic links
printf 'old\n' >target.csv
ln -s target.csv link.csv
run cr-wip --to csv "$NOW" -o link.csv in.yaml
is "$rc" 0 "-o a symbolic link: exit 0"
ok "$([ -L link.csv ] && echo 0 || echo 1)" "the link stays a link"
like "$(cat target.csv)" "acme-7" "its target has the new content"
ln -s sub/../fresh.csv dangling.csv
mkdir sub
run cr-wip --to csv "$NOW" -o dangling.csv in.yaml
is "$rc" 0 "-o a dangling link: exit 0"
like "$(cat fresh.csv 2>/dev/null)" "acme-7" "the file it names is created"
is "$(leftovers .)" 0 "no temporary file left"

# ---------------------------------------------------------- hard links
printf 'old\n' >h1.csv
ln h1.csv h2.csv
run cr-wip --to csv "$NOW" -o h1.csv in.yaml
is "$rc" 2 "-o a file with two hard links: refused"
like "$err" "h1.csv: has 2 hard links; replacing it would split them" "and says why"
is "$(cat h2.csv)" "old" "the links are not split"

# --------------------------------------------- mode, owner, read-only
printf 'old\n' >mode.csv
chmod 604 mode.csv
if [ "$(id -u)" = 0 ]; then
	chown 65534:65534 mode.csv
fi
run cr-wip --to csv "$NOW" -o mode.csv in.yaml
is "$(stat -c %a mode.csv)" 604 "the mode is kept"
if [ "$(id -u)" = 0 ]; then
	is "$(stat -c %u:%g mode.csv)" 65534:65534 "as root, the owner is kept"
else
	skip "not root: owner"
fi
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	mkdir shared
	chmod 1777 shared
	printf 'old\n' >shared/ro.csv
	chmod 444 shared/ro.csv
	setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$CR_BIN/cr-wip" --to csv "$NOW" -o shared/ro.csv in.yaml \
		>/dev/null 2>"$T/e"
	is "$?" 2 "another user's read-only file: refused"
	like "$(cat e)" "shared/ro.csv: Permission denied" "and said"
	is "$(cat shared/ro.csv):$(stat -c %u shared/ro.csv)" "old:0" \
		"the file is whole and still root's"
else
	skip "not root: no other user"
fi

# ------------------------------------------------ input on stdin = -o
cp in.yaml keep.yaml
STDIN=in.yaml run cr-wip --to md -o in.yaml -
is "$rc" 2 "cr-wip -o FILE - < FILE: refused"
like "$err" "in.yaml: is also an input" "and says why"
same_file in.yaml keep.yaml "the input is whole"
STDIN=in.yaml run cr-render -o in.yaml
is "$rc" 2 "cr-render -o FILE < FILE: refused"
same_file in.yaml keep.yaml "the input is whole"
cp in.yaml app.yaml
"$CR_BIN/cr-render" --to yaml app.yaml >>app.yaml 2>e
is "$?" 2 "standard output appended to the input: refused"
same_file app.yaml keep.yaml "and the input is whole"

# ---------------------------------------------------- messages
run cr-wip -o "" in.yaml
is "$rc" 2 "-o '': exit 2"
is "$err" "cr-wip: the output file name is empty" "-o '': said so"
for tool in "cr-wip --to csv $NOW in.yaml" "cr-render --to yaml in.yaml" \
	"cr-new --client X --author A" "cr-wip --help" "cr-lint --version"; do
	# shellcheck disable=SC2086
	"$CR_BIN"/$tool >/dev/full 2>e
	is "$?" 2 "${tool%% *} ${tool#* } > /dev/full: exit 2"
	like "$(cat e)" "standard output: No space left on device" \
		"${tool%% *} ${tool#* } > /dev/full: the cause is named"
done

# ------------------------------------------------ a full disk (tmpfs)
mkdir full
if mount -t tmpfs -o size=8k tmpfs full 2>/dev/null; then
	i=0
	while [ $i -lt 6 ]; do
		sed -e "s/^id: .*/id: r$i/" -e "s/id: acme-7/id: r$i-a/" \
			"$R" >big$i.yaml
		i=$((i + 1))
	done
	run cr-wip --to xlsx "$NOW" -o full/w.xlsx big*.yaml \
		"$CR_SRC/examples"
	is "$rc" 2 "a full disk: exit 2"
	is "$err" "cr-wip: full/w.xlsx: No space left on device" \
		"one message naming the output and the cause, no library lines"
	is "$(ls -A full | wc -l)" 0 "nothing left on the full disk"
	umount full
else
	skip "mount not permitted: no small tmpfs"
fi

# --------------------------- the workbook to stdout: no file in TMPDIR
mkdir tmp
TMPDIR=$T/tmp "$CR_BIN/cr-wip" --to xlsx "$NOW" "$CR_SRC/examples" 2>e |
	head -c 10 >head.bin
is "$(head -c 2 head.bin)" "PK" "the workbook reaches the pipe"
is "$(ls -A tmp | wc -l)" 0 "cut off by head: nothing left in TMPDIR"
TMPDIR=$T/tmp "$CR_BIN/cr-wip" --to xlsx "$NOW" "$CR_SRC/examples" >w.xlsx
is "$?" 0 "to a file: exit 0"
is "$(ls -A tmp | wc -l)" 0 "nothing left in TMPDIR"
done_testing
