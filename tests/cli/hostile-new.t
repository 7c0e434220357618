#!/bin/sh
# cr-new, attacked: two same-day reports of one client never share an id
# (the target folder's reports are read, their ids as well as their file
# names), and an action whose status is not one of the four is carried
# with a warning, never dropped.
. "${CR_SRC:-.}/tests/cli/lib.sh"
cd "$T" || exit 1
NEW="--client Acme --author A --date 2026-11-21"

# shellcheck disable=SC2086
run cr-new $NEW -o r1.yaml
is "$rc" 0 "the first report"
# shellcheck disable=SC2086
run cr-new $NEW -o r2.yaml
# shellcheck disable=SC2086
run cr-new $NEW -o r3.md
is "$(grep -h '^id:' r1.yaml r2.yaml r3.md | tr '\n' ' ')" \
	"id: acme-2026-11-21 id: acme-2026-11-21-2 id: acme-2026-11-21-3 " \
	"same client, same day, other file names: the ids differ"
is "$(sed -n 's/^- id: //p' r2.yaml | head -1)" "acme-2026-11-21-2-1" \
	"and so do the action ids"
# shellcheck disable=SC2086
run cr-new $NEW --force -o r2.yaml
is "$(sed -n 's/^id: //p' r2.yaml)" "acme-2026-11-21-2" \
	"--force over a file: its own old id is free again"
run cr-wip --to csv --now 2026-11-21T12:00 r1.yaml r2.yaml
is "$(printf '%s\n' "$out" | sed 1d | grep -c .)" 2 "the WIP shows both tasks"

# --from: unknown statuses carried, with a warning at the status
sed -e 's/    due: 2026-11-25/    due: 2026-11-25\n    status: Open/' \
	"$CR_SRC/tests/data/lint/good.yaml" >prev.yaml
sed -i 's/^next_contact.*//' prev.yaml
cat >>prev.yaml <<'Y'
  - id: acme-8
    what: Other
    who: Linh Tran
    due: 2026-11-26
    status: in progress
Y
run cr-new --from prev.yaml --author A --date 2026-11-27
is "$rc" 0 "cr-new --from with unknown statuses: exit 0"
like "$out" "- id: acme-7" "status: Open is carried"
like "$out" "  status: Open" "as written"
like "$out" "- id: acme-8" "status: in progress is carried"
like "$err" "prev.yaml:20:13: warning: action 'acme-7' has the status 'Open', not open, done, blocked or dropped; carried as written: correct it [bad-value]" \
	"each is named at its status"
like "$err" "prev.yaml:26:13: warning: action 'acme-8' has the status 'in progress'" "both"
done_testing
