#!/bin/sh
# YAML features and stdin sniffing, attacked: merge keys (<<) give the
# merged keys as if written, at the alias; an alias's findings point at
# the alias; tags outside the core schema are named; a raw control byte
# gives one error, not a spurious "empty" first; a stream whose next
# document opens with a comment stays YAML; a guess is said.
. "${CR_SRC:-.}/tests/cli/lib.sh"
GOOD=$CR_SRC/tests/data/lint/good.yaml
NOW=--now=2026-11-22T10:00+07:00
cd "$T" || exit 1

head() { # the report's fields, without actions
	cat <<'Y'
title: Merge keys
client: ACME
type: meeting
date: 2026-11-20 14:00 +07:00
author: Linh Tran
issued: 2026-11-20 15:00 +07:00
attendees:
  - Linh Tran
agreements:
  - ok
Y
}

# ---------------------------------------------------------- merge keys
{ head; cat <<'Y'; } >merge.yaml
x-defaults: &d
  who: Linh Tran
  due: 2026-11-27
actions:
  - <<: *d
    id: m-1
    what: First
  - <<: [*d, {note: merged}]
    id: m-2
    what: Second
    who: ACME
Y
run cr-lint "$NOW" merge.yaml
is "$rc" 0 "merge keys: no finding"
is "$err" "" "no unknown '<<', no missing owner or due"
run cr-wip --to csv "$NOW" merge.yaml
is "$(printf '%s\n' "$out" | sed 1d | cut -d, -f3,5,6 | tr '\n' ' ')" \
	"m-1,Linh Tran,2026-11-27 m-2,ACME,2026-11-27 " \
	"the merged keys are read as written; the map's own key wins"
run cr-render --to yaml merge.yaml
like "$out" "  note: merged" "of a list of maps, each is merged"
{ head; cat <<'Y'; } >badmerge.yaml
actions:
  - <<: 5
    id: b-1
    what: x
    who: Linh Tran
    due: 2026-11-27
Y
run cr-lint "$NOW" badmerge.yaml
is "$rc" 1 "a merge key with a number: an error"
is "$err" "badmerge.yaml:12:5: error: the merge key '<<' takes a map or a list of maps (an alias such as *defaults) [bad-value]" \
	"bad-value at the <<"

# --------------------------------------------- an alias, at the alias
{ head; cat <<'Y'; } >alias.yaml
x-a: &a
  what: Send it
  who: Linh Tran
  due: 2026-11-27
  wha: typo
actions:
  - *a
Y
run cr-lint "$NOW" alias.yaml
is "$err" "alias.yaml:17:5: warning: unknown action key 'wha'; did you mean 'what'? [unknown-field]" \
	"a finding inside an alias is reported at the alias"

# ---------------------------------------------------------------- tags
{ head; cat <<'Y'; } >tags.yaml
actions:
  - id: t-1
    what: !!binary aGVsbG8=
    who: !x Linh Tran
    due: !!str 2026-11-27
Y
run cr-lint "$NOW" tags.yaml
like "$err" "tags.yaml:13:11: warning: the tag '!!binary' is not one of YAML's core schema" "!!binary named at its position"
like "$err" "tags.yaml:14:10: warning: the tag '!x' is not one of YAML's core schema" "!x named at its position"
unlike "$err" "'!!str'" "a core tag says nothing"

# ------------------------------------------- a raw control byte
printf 'title: a\001b\nclient: x\n' >ctl.yaml
run cr-lint ctl.yaml
is "$err" "ctl.yaml:1:9: error: control characters are not allowed [syntax]" \
	"one error for a control byte, no 'it is empty' before it"

# ----------------------------------------------------- stdin sniffing
{ cat "$GOOD"; printf -- '---\n# the second report\n'; sed -e 's/^id: .*/id: second/' -e 's/acme-7/acme-8/' "$GOOD"; } >stream.yaml
STDIN=stream.yaml run cr-wip --to csv "$NOW"
is "$rc" 0 "a stream whose next document opens with a comment: exit 0"
is "$(printf '%s\n' "$out" | sed 1d | cut -d, -f3 | tr '\n' ' ')" "acme-7 acme-8 " \
	"both reports read (YAML, not Markdown)"
STDIN=$CR_SRC/examples/en/acme-2026-11-13.md run cr-wip --to csv "$NOW"
is "$rc" 0 "a Markdown report on stdin is still Markdown"
is "$err" "" "with no doubt said"
printf -- '---\ntitle: x\n---\n# Kick-off\n\nNote: prose that looks like a key.\nAnd prose that does not.\n' >mixed.md
STDIN=mixed.md run cr-lint "$NOW"
like "$err" "<stdin>:1:1: note: read as Markdown, a guess" "an unsure guess is said"
done_testing
