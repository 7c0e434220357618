#!/bin/sh
# SIGKILL at a random moment of an -o write, 100 times (SPEC 3: an
# interrupted run leaves the old file whole): afterwards the target holds
# the old bytes or the new ones, whole, and no temporary file is left
# beside it. The one exception Linux forces: the unnamed (O_TMPFILE) file
# is named .NAME.PID.N for the final rename, two system calls; a kill
# between them leaves that name, of the killed process, and the next write
# of NAME must remove it.
. "${CR_SRC:-.}/tests/cli/lib.sh"
NOW=--now=2026-11-22T10:00+07:00
RUNS=${CR_KILL_RUNS:-100}
cd "$T" || exit 1

# A collection big enough that a write takes some milliseconds.
mkdir in out ref
i=0
while [ $i -lt 150 ]; do
	sed -e "s/^id: .*/id: r$i/" -e "s/id: acme-7/id: r$i-a/" \
		"$CR_SRC/tests/data/lint/good.yaml" >in/r$i.yaml
	i=$((i + 1))
done
printf 'the old file\n' >old
# how long a whole run takes (ms), so that kills land within it; the new
# files are written in ref/, beside out/, as the workbook links its
# reports relative to its own folder
ms() { date +%s%N | cut -c1-13; }
t0=$(ms)
$CR_WRAP "$CR_BIN/cr-wip" --to csv "$NOW" -o ref/new.csv in
t1=$(ms)
$CR_WRAP "$CR_BIN/cr-wip" --to xlsx "$NOW" -o ref/new.xlsx in
t2=$(ms)
span_csv=$((t1 - t0 + 1)) span_xlsx=$((t2 - t1 + 1))

bad_content=0 leftover=0 killed=0 window=0 n=0
while [ $n -lt "$RUNS" ]; do
	case $((n % 2)) in
	0) to=csv span=$span_csv ;;
	*) to=xlsx span=$span_xlsx ;;
	esac
	cp old out/w.$to
	$CR_WRAP "$CR_BIN/cr-wip" --to $to "$NOW" -o out/w.$to in 2>/dev/null &
	pid=$!
	# a random moment of the run (process start included)
	sleep "$(awk -v s="$n$$" -v span="$span" \
		'BEGIN { srand(s); printf "%.4f", rand() * span * 1.2 / 1000 }')"
	kill -9 $pid 2>/dev/null && killed=$((killed + 1))
	wait $pid 2>/dev/null
	if ! cmp -s out/w.$to old && ! cmp -s out/w.$to ref/new.$to; then
		bad_content=$((bad_content + 1))
		_diag "run $n ($to): neither the old nor the new file"
	fi
	left=$(ls -A out | grep -v "^w\.$to\$")
	if [ -n "$left" ] && [ "$left" = "$(ls -A out | grep -x "\.w\.$to\.$pid\.[0-9]*")" ]; then
		# killed between link and rename: the next write cleans up
		window=$((window + 1))
		$CR_WRAP "$CR_BIN/cr-wip" --to $to "$NOW" -o out/w.$to in
		left=$(ls -A out | grep -v "^w\.$to\$")
	fi
	if [ -n "$left" ]; then
		leftover=$((leftover + 1))
		_diag "run $n ($to): left $left"
		find out -mindepth 1 ! -name "w.$to" -delete
	fi
	rm -f out/w.$to
	n=$((n + 1))
done
is "$bad_content" 0 "$RUNS kills during -o: the target always whole (old or new)"
is "$leftover" 0 "$RUNS kills during -o: no temporary file left"
ok "$([ "$killed" -gt 0 ] && echo 0 || echo 1)" "some runs were killed in the middle ($killed of $RUNS)"
echo "# killed between link and rename (cleaned by the next write): $window"
done_testing
