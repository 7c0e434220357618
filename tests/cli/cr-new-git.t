#!/bin/sh
# cr-new takes the author from `git config user.name` and, with it, the
# address from `git config user.email` (SPEC 5, 7): the author is added
# to the attendees with that address, so that the report can be sent
# (cr-render --to eml) without --from-address.
. "${CR_SRC:-.}/tests/cli/lib.sh"
NOW=2026-11-20T14:00:00+07:00
unset CR_AUTHOR

if ! command -v git >/dev/null; then
	skip "git not there"
	done_testing
	exit 0
fi
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
git init -q "$T/repo"
git -C "$T/repo" config user.name "Mai Pham"
git -C "$T/repo" config user.email mai@sunrise.example
cd "$T/repo" || exit 1

run cr-new --now $NOW --client ACME --type call --title Kick-off \
	--attendee "An (Brand Manager, ACME) <an@acme.example>" -o r.yaml
is "$rc" 0 "cr-new in a git work tree: exit 0"
like "$(cat r.yaml)" "author: Mai Pham" "the author from git config user.name"
like "$(cat r.yaml)" "attendees:
- Mai Pham <mai@sunrise.example>
- An (Brand Manager, ACME) <an@acme.example>" \
	"the author first among the attendees, with git's user.email"
run cr-render --to eml --now $NOW -o r.eml r.yaml
is "$rc" 0 "the skeleton can be sent: no 'no address for the author'"
like "$(cat r.eml)" "From: Mai Pham <mai@sunrise.example>" "From the author's git address"

# a user.email that is not a plain address is not taken
git config user.email "Mai at Sunrise"
run cr-new --now $NOW --client ACME --type call --title T
like "$out" "attendees:
- Mai Pham
" "no plain address in git: the author without one"

# --author: git is not asked, not even for the address
run cr-new --now $NOW --client ACME --type call --title T --author "Linh Tran"
unlike "$out" "sunrise.example" "--author: no address from git"

done_testing
