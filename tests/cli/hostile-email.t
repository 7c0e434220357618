#!/bin/sh
# cr-lint checks every person's e-mail address with GMime's strict parser:
# `bad-value` at the person for what is not exactly one address
# ("bob at x.example", "a@b@c", two addresses in one); a quoted local part
# is an address (RFC 5322).
. "${CR_SRC:-.}/tests/cli/lib.sh"
cd "$T" || exit 1
cat >em.yaml <<'Y'
title: Mail
client: ACME
type: meeting
date: 2026-11-20 14:00 +07:00
author: Linh Tran
issued: 2026-11-20 15:00 +07:00
attendees:
  - Linh Tran <linh@sunrise.example>
  - Bob <bob at x.example>
  - Fay <"fay"@x.example>
  - name: Eve
    email: a@b@c
absent:
  - Ann <ann>
distribution:
  - Kim <kim@x.example, lee@y.example>
agreements:
  - ok
actions:
  - what: x
    who: Linh Tran
    due: 2026-11-27
Y
run cr-lint --now 2026-11-22 em.yaml
is "$rc" 1 "bad addresses: exit 1"
is "$err" "em.yaml:9:5: error: 'bob at x.example' is not an e-mail address; write one address such as name@example.com [bad-value]
em.yaml:12:12: error: 'a@b@c' is not an e-mail address; write one address such as name@example.com [bad-value]
em.yaml:14:5: error: 'ann' is not an e-mail address; write one address such as name@example.com [bad-value]
em.yaml:16:5: error: 'kim@x.example, lee@y.example' is not an e-mail address; write one address such as name@example.com [bad-value]" \
	"each bad address named at its person; good and quoted ones pass"
run cr-lint --now 2026-11-22 --format json em.yaml
like "$out" '"rule": "bad-value"' "in JSON too"
printf 'rules:\n  bad-value: warning\n' >cfg.yaml
run cr-lint --config cfg.yaml --now 2026-11-22 em.yaml
is "$rc" 0 "regraded by the configuration like any bad-value"
done_testing
