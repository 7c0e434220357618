#!/bin/sh
# Threads (SPEC 2.4) through cr-lint and cr-wip: chains, forks, cycles,
# self-reference, the same ids in two threads, a thread across YAML and
# Markdown; previous-cycle, thread-mismatch and action-lost firing and
# not; overdue judged at the current state only; --pass streams. Every
# expected finding is written by hand, with its exact position.
. "${CR_SRC:-.}/tests/cli/lib.sh"
cd "$T" || exit 1
NOW="--now 2026-11-22T12:00:00+07:00"

# mk FILE ID CLIENT DAY PREVIOUS [ACTION ...]: a report dated 2026-11-DAY
# whose `previous:` value is always at line 8, column 11 ("-" writes an
# x- key there instead), `actions:` at line 11 with its list starting at
# 12:3, and ACTION k ("ID:DUE-DAY:STATUS") at line 11+k with its due at
# column 48 for a one-character id.
mk() {
	{
		printf 'id: %s\ntitle: Weekly call\nclient: %s\n' "$2" "$3"
		printf 'type: call\ndate: 2026-11-%s 10:00 +07:00\n' "$4"
		printf 'author: Linh Tran\nissued: 2026-11-%s 12:00 +07:00\n' "$4"
		if [ "$5" = - ]; then
			printf 'x-first: yes\n'
		else
			printf 'previous: %s\n' "$5"
		fi
		printf 'attendees: [Linh Tran]\nagreements: [Agreed.]\nactions:\n'
		shift 5
		for a in "$@"; do
			printf '  - {id: %s, what: Task %s, who: Linh Tran, due: 2026-11-%s, status: %s}\n' \
				"${a%%:*}" "${a%%:*}" "$(echo "$a" | cut -d: -f2)" "${a##*:}"
		done
	} >"$1"
}

# The findings without their messages: FILE:LINE:COL: SEVERITY [RULE].
findings() {
	printf '%s\n' "$err" | sed -n 's/^\([^ ]*:[0-9]*:[0-9]*: [a-z]*\): .* \[\([a-z-]*\)\]$/\1 [\2]/p'
}

# ----------------------------------------------------- a chain of five
# 1 is raised, carried three times while overdue, and closed; 2 is
# dropped from c3 without a word; 3 is overdue at its current state; 4
# is due before its contact and overdue, both said.
mk c1.yaml c1 ACME 01 - 1:03:open 2:30:open
mk c2.yaml c2 ACME 02 c1 1:03:open 2:30:open
mk c3.yaml c3 ACME 03 c2 1:03:open
mk c4.yaml c4 ACME 04 c3 1:03:open 3:10:open
mk c5.yaml c5 ACME 05 c4 1:03:done 3:10:open 4:04:open
run cr-lint $NOW c1.yaml c2.yaml c3.yaml c4.yaml c5.yaml
is "$(findings)" "c3.yaml:12:3: warning [action-lost]
c5.yaml:13:48: warning [action-overdue]
c5.yaml:14:48: warning [action-due-before-contact]
c5.yaml:14:48: warning [action-overdue]" "chain of five: the lost action and the current overdue ones only"
is "$rc" 0 "chain of five: warnings only"
like "$err" "c3.yaml:12:3: warning: action '2' of the previous report (c2.yaml:13) is open and missing here; carry it over with its id, or close it with 'status: done' or 'dropped' [action-lost]" \
	"action-lost names the action and where the previous report lists it"
# given in any order, the same findings
run cr-lint $NOW c5.yaml c3.yaml c1.yaml c4.yaml c2.yaml
is "$(findings | sort)" "c3.yaml:12:3: warning [action-lost]
c5.yaml:13:48: warning [action-overdue]
c5.yaml:14:48: warning [action-due-before-contact]
c5.yaml:14:48: warning [action-overdue]" "chain of five in another order: the same"
# an older report alone is its own thread: its open actions are current
run cr-lint $NOW c1.yaml
is "$(findings)" "c1.yaml:12:48: warning [action-overdue]" "c1 alone: 1 is overdue there"
run cr-lint $NOW c4.yaml
is "$(findings)" "c4.yaml:8:11: warning [missing-previous]
c4.yaml:12:48: warning [action-due-before-contact]
c4.yaml:12:48: warning [action-overdue]
c4.yaml:13:48: warning [action-overdue]" "c4 alone: its own thread"
run cr-lint $NOW c4.yaml c5.yaml
is "$(findings)" "c4.yaml:8:11: warning [missing-previous]
c5.yaml:13:48: warning [action-overdue]
c5.yaml:14:48: warning [action-due-before-contact]
c5.yaml:14:48: warning [action-overdue]" "c4 with c5: c4 is history"

run cr-wip $NOW --status all --to tsv c1.yaml c2.yaml c3.yaml c4.yaml c5.yaml
is "$(printf '%s\n' "$out" | cut -f3,7,9-12)" "ID	Status	Raised	Updated	Count	Report
1	done	2026-11-01	2026-11-05	5	c5
4	open	2026-11-05	2026-11-05	1	c5
3	open	2026-11-04	2026-11-05	2	c5
2	open	2026-11-01	2026-11-02	2	c2" \
	"chain of five in the WIP: 2 stays open at its last occurrence"

# ----------------------------------------------------------- a fork
# Two reports name the same previous: each is checked against it.
mk p.yaml p ACME 01 - 1:30:open 2:30:blocked 3:30:open
mk fa.yaml fa ACME 02 p 1:30:open 2:30:blocked 3:30:dropped
mk fb.yaml fb ACME 03 p 1:30:done
run cr-lint $NOW p.yaml fa.yaml fb.yaml
is "$(findings)" "fb.yaml:12:3: warning [action-lost]
fb.yaml:12:3: warning [action-lost]" "fork: fb loses 2 and 3; fa carries or closes all"
like "$err" "fb.yaml:12:3: warning: action '2' of the previous report (p.yaml:13) is blocked and missing here" \
	"a blocked action is lost too"
run cr-wip $NOW --status all --to tsv p.yaml fa.yaml fb.yaml
is "$(printf '%s\n' "$out" | cut -f3,7,11,12)" "ID	Status	Count	Report
1	done	3	fb
2	blocked	2	fa
3	dropped	2	fa" "fork: one thread; the latest report listing each action wins"

# ------------------------------------------------------------- cycles
mk x.yaml x ACME 01 y 1:30:open
mk y.yaml y ACME 02 x 1:30:open
run cr-lint $NOW x.yaml y.yaml
is "$rc" 1 "cycle of two: an error"
is "$(findings)" "x.yaml:8:11: error [previous-cycle]
y.yaml:8:11: error [previous-cycle]" "cycle of two: both reports, at previous"
like "$err" "x.yaml:8:11: error: following 'previous' from here comes back to this report (x -> y -> x)" \
	"cycle of two: the way round"
run cr-wip $NOW --to tsv x.yaml y.yaml
is "$(printf '%s\n' "$out" | cut -f3,11,12)" "ID	Count	Report
1	2	y" "cycle of two: every report still read, one thread"

mk u.yaml u ACME 01 w 1:30:open
mk v.yaml v ACME 02 u 1:30:open
mk w.yaml w ACME 03 v 1:30:open
mk tail.yaml tail ACME 04 u 1:30:open
run cr-lint $NOW u.yaml v.yaml w.yaml tail.yaml
is "$(findings)" "u.yaml:8:11: error [previous-cycle]
v.yaml:8:11: error [previous-cycle]
w.yaml:8:11: error [previous-cycle]" "cycle of three; a report leading into it is not on it"
like "$err" "v.yaml:8:11: error: following 'previous' from here comes back to this report (v -> u -> w -> v)" \
	"cycle of three: the way round"

mk s.yaml s ACME 01 s 1:30:open
run cr-lint $NOW s.yaml
is "$rc:$(findings)" "1:s.yaml:8:11: error [previous-cycle]" "self-reference: a cycle of one"
like "$err" "previous 's' names this report itself" "self-reference: said so"

# no cycle in a chain (c1..c5 above gave none): the rule stays quiet
run cr-lint $NOW c1.yaml c2.yaml
is "$(findings)" "c2.yaml:12:48: warning [action-overdue]" \
	"a chain of two: no cycle, nothing lost; 1 overdue at c2 only"

# --------------------------------------------- same ids in two threads
mk k1.yaml k1 ACME 01 - 1:30:open 2:30:open
mk k2.yaml k2 ACME 08 k1 1:30:done 2:30:open
mk m1.yaml m1 "Beta Foods" 02 - 1:30:open 2:30:blocked
run cr-lint $NOW k1.yaml k2.yaml m1.yaml
is "$(findings)" "" "the same ids in two threads: no finding"
run cr-wip $NOW --to tsv k1.yaml k2.yaml m1.yaml
is "$(printf '%s\n' "$out" | cut -f1,3,7,11,12)" "Client	ID	Status	Count	Report
ACME	2	open	2	k2
Beta Foods	1	open	1	m1
Beta Foods	2	blocked	1	m1" "two clients: their actions 1 and 2 never merge (1 of ACME is done)"
run cr-wip $NOW --status all --to tsv k1.yaml m1.yaml
is "$(printf '%s\n' "$out" | sed 1d | wc -l | tr -d ' ')" 4 \
	"two clients, each with actions 1 and 2: four rows"

# ---------------------------------------------------- thread-mismatch
mk z1.yaml z1 ACME 01 - 1:30:open
mk z2.yaml z2 "Beta Foods" 02 z1 1:30:open
mk z3.yaml z3 acme 02 z1 1:30:open
run cr-lint $NOW z1.yaml z2.yaml z3.yaml
is "$(findings)" "z2.yaml:8:11: warning [thread-mismatch]" \
	"thread-mismatch: another client; the same one in another case is not"
like "$err" "previous report 'z1' is about client 'ACME', not 'Beta Foods'" \
	"thread-mismatch: both clients named"

# ------------------------------------------ a thread across YAML and Markdown
mk y1.yaml y1 ACME 01 - 1:03:open 2:30:open 3:30:open
cat >y2.md <<'EOF'
---
id: y2
client: ACME
type: meeting
date: 2026-11-08 10:00 +07:00
author: Linh Tran
issued: 2026-11-08 12:00 +07:00
previous: y1
---
# Review

## Attendees
- Linh Tran

## Agreements
- Agreed.

## Actions
| ID | What | Who | Due | Status |
|----|------|-----|-----|--------|
| 1 | Task 1 | Linh Tran | 2026-11-03 | done |
| 3 | Task 3 | Linh Tran | 2026-11-20 | open |
EOF
run cr-lint $NOW y1.yaml y2.md
is "$(findings)" "y2.md:18:1: warning [action-lost]
y2.md:22:28: warning [action-overdue]" \
	"YAML then Markdown: 2 lost at the Actions heading; 1 closed; 3 overdue at its current state"
run cr-wip $NOW --to tsv y1.yaml y2.md
is "$(printf '%s\n' "$out" | cut -f3,6,11,12)" "ID	Due	Count	Report
3	2026-11-20	2	y2
2	2026-11-30	1	y1" "YAML then Markdown in the WIP: the Markdown due wins"

# ----------------------------------------------------------- --pass
mk g1.yaml g1 ACME 01 - 1:30:open
mk g2.yaml g2 "Beta Foods" 02 - 1:30:open
sed '/^title:/d' g1.yaml | sed 's/^id: g1/id: bad/' >bad.yaml
run cr-lint $NOW --pass g1.yaml bad.yaml g2.yaml
is "$rc" 1 "--pass good/bad/good: exit 1"
{ cat g1.yaml; echo ---; cat g2.yaml; } >want.yaml
printf '%s\n' "$out" >got.yaml
same_file got.yaml want.yaml "--pass good/bad/good: both good files, one stream"
is "$(findings)" "bad.yaml:1:1: error [missing-field]" "--pass: the bad one said why"
# a file opening with --- keeps it; one without a final line end gets one
{ echo "# notes"; echo ---; cat g2.yaml; } >g3.yaml
sed -i 's/^id: g2/id: g3/' g3.yaml
printf '%s' "$(cat g1.yaml)" >g4.yaml
sed -i 's/^id: g1/id: g4/; s/^client: ACME/client: Delta/' g4.yaml
run cr-lint $NOW --pass g4.yaml g3.yaml
{ cat g4.yaml; echo; cat g3.yaml; } >want.yaml
printf '%s\n' "$out" >got.yaml
same_file got.yaml want.yaml "--pass: no second --- for a file opening with one"
cr_lint_pass_wip() {
	$CR_WRAP "$CR_BIN/cr-lint" $NOW --pass "$@" 2>/dev/null |
		$CR_WRAP "$CR_BIN/cr-wip" $NOW --to tsv - | cut -f1,3
}
is "$(cr_lint_pass_wip g1.yaml bad.yaml g2.yaml g4.yaml)" "Client	ID
ACME	1
Beta Foods	1
Delta	1" "cr-lint --pass a.yaml b.yaml ... | cr-wip -: every good file's actions"
done_testing
