#!/bin/sh
# Days overdue are calendar days of the report's zone (SPEC 2.1, 8): the
# report's offset, or the TZ zone for a report without one, across DST in
# both directions, and cr-lint and cr-wip give the same count.
. "${CR_SRC:-.}/tests/cli/lib.sh"
cd "$T" || exit 1

# report DATE DUE: a report of DATE with one open action due DUE
report() {
	cat <<Y
title: Days overdue
client: ACME
type: meeting
date: $1
author: Linh Tran
issued: $1
attendees:
  - Linh Tran
agreements:
  - The plan goes ahead.
actions:
  - id: a-1
    what: Send the plan
    who: Linh Tran
    due: $2
Y
}

# days ZONE NOW FILE WANT NAME: cr-lint's "(N days ago)" and cr-wip's Days
# overdue both WANT, with TZ=ZONE and --now NOW
days() {
	zone=$1 now=$2 f=$3 want=$4 name=$5
	TZ=$zone "$CR_BIN/cr-lint" --now "$now" "$f" 2>e
	lint=$(sed -n 's/.*(\(-*[0-9]*\) days* ago).*/\1/p' e)
	wip=$(TZ=$zone "$CR_BIN/cr-wip" --to csv --now "$now" "$f" | sed -n 2p | cut -d, -f8)
	# the documents say it too: "N days overdue" in the txt rendering
	rend=$(TZ=$zone "$CR_BIN/cr-render" --to txt --now "$now" "$f" |
		sed -n 's/.*— \(-*[0-9]*\) days* overdue.*/\1/p')
	is "$lint" "$want" "$name: cr-lint counts $want"
	is "$wip" "$want" "$name: cr-wip counts $want"
	is "$rend" "$want" "$name: cr-render counts $want"
}

if [ ! -f /usr/share/zoneinfo/America/New_York ]; then
	skip "no tzdata"
	done_testing
	exit
fi

# America/New_York, no offset in the report: DST starts 2026-03-08 02:00
report "2026-03-01 10:00" 2026-03-07 >spring.yaml
days America/New_York 2026-03-09T00:30 spring.yaml 2 "spring forward"
days America/New_York 2026-03-08T23:59 spring.yaml 1 "spring forward, the day of"
# and ends 2026-11-01 02:00
report "2026-10-20 10:00" 2026-10-31 >autumn.yaml
days America/New_York 2026-11-01T23:30 autumn.yaml 1 "fall back"
days America/New_York 2026-11-02T00:30 autumn.yaml 2 "fall back, next day"

# Asia/Kathmandu (+05:45), no offset in the report; --now in UTC
report "2026-11-20 10:00" 2026-11-24 >ktm.yaml
days Asia/Kathmandu 2026-11-24T18:20Z ktm.yaml 1 "Kathmandu, --now in UTC"
days Asia/Kathmandu 2026-11-25T00:10 ktm.yaml 1 "Kathmandu, --now local"
days UTC 2026-11-26T01:00+05:45 ktm.yaml 1 "TZ=UTC: the calendar is TZ's, not the offset of --now"

# Pacific/Kiritimati (+14): the report's own offset rules, whatever TZ
# and whatever the offset of --now
report "2026-11-20 10:00 +14:00" 2026-11-24 >kir.yaml
days Pacific/Kiritimati 2026-11-24T10:30Z kir.yaml 1 "Kiritimati, --now in UTC"
days America/New_York 2026-11-24T10:30Z kir.yaml 1 "Kiritimati report read in New York"
days UTC 2026-11-26T09:59:59Z kir.yaml 2 "Kiritimati, two days on"
done_testing
