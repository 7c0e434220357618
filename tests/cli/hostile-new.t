#!/bin/sh
# cr-new, attacked: two same-day reports of one client never share an id
# (with -o the id is the file name; a report of another name in the
# folder that already holds that id makes it refuse), and an action whose
# status is not one of the four is carried with a warning, never dropped.
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
	"id: r1 id: r2 id: r3 " \
	"same client, same day, other file names: the ids are the names"
run cr-wip --to csv --now 2026-11-21T12:00 r1.yaml r2.yaml
is "$(printf '%s\n' "$out" | sed 1d | grep -c .)" 2 "the WIP shows both tasks"
# a report of another name that holds the id the new name would give
sed 's/^id: .*/id: acme-2026-11-21/' r1.yaml >old.yaml
# shellcheck disable=SC2086
run cr-new $NEW -o acme-2026-11-21.yaml
is "$rc" 2 "the id of another report in the folder: refused"
is "$err" "cr-new: acme-2026-11-21.yaml: the id 'acme-2026-11-21' is already that of ./old.yaml; two reports would share it: choose another file name" \
	"and the other report named"
ok "$([ ! -e acme-2026-11-21.yaml ] && echo 0 || echo 1)" "nothing written"
# shellcheck disable=SC2086
run cr-new $NEW --force -o r2.yaml
is "$rc" 0 "--force over a file: its own old id is no collision"

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
