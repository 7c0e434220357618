#!/bin/sh
# scripts/cr-send: lint, record `issued` when the message was accepted,
# put the file back byte for byte when it was not. SENDMAIL is a fake that
# records its input (or fails).
. "${CR_SRC:-.}/tests/cli/lib.sh"

SEND=$CR_SRC/scripts/cr-send
# cr-send takes the tools from beside itself, else from PATH
PATH=$CR_BIN:$PATH
export PATH

cat >"$T/ok-sendmail" <<'SH'
#!/bin/sh
[ "$1" = -t ] || exit 64
cat >"$SENT"
SH
cat >"$T/bad-sendmail" <<'SH'
#!/bin/sh
cat >/dev/null
echo "sendmail: no route to host" >&2
exit 75
SH
chmod +x "$T/ok-sendmail" "$T/bad-sendmail"
SENT=$T/sent.eml
export SENT

mkdir "$T/r"
cat >"$T/r/acme-2026-11-20.yaml" <<'EOF2'
id: acme-2026-11-20
title: Summer launch kick-off
client: ACME Beverages
type: meeting
date: 2026-11-20 14:00 +07:00
author: Linh Tran
attendees:
  - Linh Tran (Account Executive, Sunrise Agency) <linh@sunrise.example>
  - Nguyen Van An (Brand Manager, ACME Beverages) <an@acme.example>
agreements:
  - Client approves creative route B.
actions:
  - id: acme-7
    what: Send the revised media plan
    who: Linh Tran
    due: 2026-11-25
EOF2
R=$T/r/acme-2026-11-20.yaml
cp "$R" "$T/before.yaml"
NOW="2026-11-20 18:30 +07:00"

# a message that is not accepted: the file stays as it was
out=$(SENDMAIL=$T/bad-sendmail "$SEND" --now "$NOW" "$R" 2>&1)
is "$?" 1 "a failed sendmail: exit 1"
like "$out" "not sent; the file is as it was" "said so"
cmp -s "$R" "$T/before.yaml"
ok $? "the file is byte-identical to before"

# accepted: one line added after date:, every other byte kept
rm -f "$SENT"
out=$(SENDMAIL=$T/ok-sendmail "$SEND" --now "$NOW" "$R" 2>&1)
is "$?" 0 "sent: exit 0"
like "$out" "sent; issued: $NOW" "says what it recorded"
sed "/^date: /a issued: $NOW" "$T/before.yaml" >"$T/want.yaml"
cmp -s "$R" "$T/want.yaml"
ok $? "issued inserted after date, nothing else changed"
[ -s "$SENT" ]
ok $? "sendmail got the message"
"$PYTHON" - "$SENT" >"$T/hdr" <<'PY'
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
print(m["To"])
print(m["Subject"])
print(",".join(p.get_content_type() for p in m.walk()))
PY
like "$(cat "$T/hdr")" "an@acme.example" "To: the attendees"
like "$(cat "$T/hdr")" "application/pdf" "the PDF attached"
run cr-lint --now 2026-11-22T10:00:00+07:00 "$R"
unlike "$err" "not-issued" "the next day, not-issued no longer fires"

# sent again: issued is there, nothing changes
cp "$R" "$T/sent-once.yaml"
SENDMAIL=$T/ok-sendmail "$SEND" --now "2026-11-21 09:00 +07:00" "$R" 2>/dev/null
is "$?" 0 "sending again"
cmp -s "$R" "$T/sent-once.yaml"
ok $? "an issued report is not edited again"

# a report with lint errors is neither edited nor sent
sed 's/^title: .*/title: TODO/; /^issued:/d' "$T/before.yaml" >"$T/r/bad.yaml"
cp "$T/r/bad.yaml" "$T/bad-before.yaml"
rm -f "$SENT"
out=$(SENDMAIL=$T/ok-sendmail "$SEND" --now "$NOW" "$T/r/bad.yaml" 2>&1)
is "$?" 1 "lint errors: exit 1"
like "$out" "placeholder" "the lint error is shown"
[ ! -e "$SENT" ]
ok $? "nothing was sent"
cmp -s "$T/r/bad.yaml" "$T/bad-before.yaml"
ok $? "the file is unchanged"

# Markdown with CRLF line ends: the line goes into the front matter, CRLF
"$CR_BIN/cr-render" --to md "$T/before.yaml" | sed 's/$/\r/' >"$T/r/m.md"
sed -i 's/^id: acme-2026-11-20/id: m/' "$T/r/m.md"
cp "$T/r/m.md" "$T/m-before.md"
SENDMAIL=$T/ok-sendmail "$SEND" --now "$NOW" "$T/r/m.md" 2>/dev/null
is "$?" 0 "a Markdown report sent"
awk -v n="issued: $NOW" '{ print } /^date: / { print n "\r" }' "$T/m-before.md" >"$T/m-want.md"
cmp -s "$T/r/m.md" "$T/m-want.md"
ok $? "issued in its front matter, with the file's CRLF"

# --agenda: the planned contact's invitation; nothing is written
cp "$CR_SRC/examples/zh/huaxia-2026-11-26.yaml" "$T/r/plan.yaml"
sed -i 's/^id: .*/id: plan/' "$T/r/plan.yaml"
cp "$T/r/plan.yaml" "$T/plan-before.yaml"
rm -f "$SENT"
SENDMAIL=$T/ok-sendmail "$SEND" --agenda --now "2026-11-25 09:00 +08:00" "$T/r/plan.yaml" 2>/dev/null
is "$?" 0 "--agenda: sent"
cmp -s "$T/r/plan.yaml" "$T/plan-before.yaml"
ok $? "--agenda sets nothing in the file"
"$PYTHON" - "$SENT" >"$T/subj" <<'PY'
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
print(m["Subject"])
PY
like "$(cat "$T/subj")" "议程" "the agenda's subject, in the report's language"

# usage
"$SEND" >/dev/null 2>&1
is "$?" 2 "no report: usage error"
"$SEND" --bogus x >/dev/null 2>&1
is "$?" 2 "unknown option: usage error"

done_testing
