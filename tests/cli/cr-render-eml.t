#!/bin/sh
# cr-render --to eml, read back with Python's email package (policy
# default, tests/cli/eml-parse.py): headers decoded to the original
# Unicode, addresses, body, attachment; header injection; the sender rule.
. "${CR_SRC:-.}/tests/cli/lib.sh"

D=$CR_SRC/tests/data/pdf
P="$PYTHON $CR_SRC/tests/cli/eml-parse.py"

if [ ! -x "$CR_BIN/cr-render" ] || ! "$PYTHON" -c 'import email.policy' 2>/dev/null; then
	skip "cr-render or python3 not there"
	done_testing
	exit 0
fi

# part FILE WHAT: one part of the message (see eml-parse.py)
part() {
	$P "$1" "$2"
}

# ------------------------------------------------------------ languages

run cr-render --to eml -o "$T/vi.eml" "$D/vi.yaml"
is "$rc" 0 "vi: exit 0"
is "$err" "cr-render: $D/vi.yaml: warning: Lê Minh Quân is left out of the message: no e-mail address" \
	"vi: the attendee without an address named in a warning"
is "$(part "$T/vi.eml" header:subject)" \
	"Biên bản ghi nhận: Họp triển khai chiến dịch Tết 2027 (3 tháng 12 năm 2026)" \
	"vi: subject decoded back to the original"
is "$(part "$T/vi.eml" from)" "Trần Thu Linh <linh@sunrise.example>" \
	"vi: From the author, address found among the attendees"
is "$(part "$T/vi.eml" to)" "Trần Thu Linh <linh@sunrise.example>
Nguyễn Văn An <an@hoabinh.example>" "vi: To the attendees with an address"
is "$(part "$T/vi.eml" cc)" "Phạm Thị Hương <huong@hoabinh.example>" \
	"vi: Cc the distribution"
is "$(part "$T/vi.eml" header:date)" "Thu, 03 Dec 2026 17:30:00 +0700" \
	"vi: Date from issued"
is "$(part "$T/vi.eml" header:message-id)" \
	"<crtools.hoabinh-2026-12-03.20261203T103000Z.f70a8cfb@sunrise.example>" \
	"vi: Message-ID from id and date"
is "$(part "$T/vi.eml" names | tr '\n' ' ')" \
	"Date From Subject To Cc Message-Id MIME-Version Content-Type " \
	"vi: the headers, no other"
raw=$(part "$T/vi.eml" raw-headers)
like "$raw" "Subject: =?UTF-8?B?" "vi: RFC 2047 on the wire"
unlike "$raw" "Trần" "vi: no raw UTF-8 in the headers"
body=$(part "$T/vi.eml" body 2>"$T/ct")
is "$(cat "$T/ct")" "text/plain; charset=utf-8" "vi: body is text/plain UTF-8"
run cr-render --to txt "$D/vi.yaml"
if [ "$rc" = 0 ]; then
	is "$body" "$out" "vi: the body is the txt rendering"
else
	like "$body" "Khách hàng duyệt hướng sáng tạo B." "vi: the body text"
fi
like "$body" "Khách hàng duyệt hướng sáng tạo B." "vi: the body text"
unlike "$body" "pitching cho mùa hè" "vi: no internal notes in the client's mail"
is "$(part "$T/vi.eml" attachments)" \
	"hoabinh-2026-12-03.pdf	application/pdf	%PDF-" \
	"vi: the PDF attached, named after the id"
part "$T/vi.eml" save-attachment >"$T/att.pdf"
run cr-render --to pdf -o "$T/vi.pdf" "$D/vi.yaml"
same_file "$T/att.pdf" "$T/vi.pdf" "vi: the attachment is the pdf rendering"

run cr-render --to eml -o "$T/zh.eml" "$D/zh.yaml"
is "$rc" 0 "zh: exit 0"
is "$(part "$T/zh.eml" header:subject)" \
	"客户联络报告：春节营销活动启动会（2026年11月18日）" "zh: subject"
is "$(part "$T/zh.eml" from)" "王丽 <wangli@sunrise.example>" "zh: From"
is "$(part "$T/zh.eml" to)" "王丽 <wangli@sunrise.example>
张伟 <zhangwei@huaxing.example>" "zh: To (李娜 has no address)"
is "$(part "$T/zh.eml" cc)" "" "zh: no distribution, no Cc"
like "$(part "$T/zh.eml" body 2>/dev/null)" "客户确认采用创意方案B。" "zh: body"

run cr-render --to eml -o "$T/ru.eml" "$D/ru.yaml"
is "$rc" 0 "ru: exit 0"
is "$(part "$T/ru.eml" header:subject)" \
	"Контакт-репорт: Запуск летней кампании (24 ноября 2026 г.)" "ru: subject"
is "$(part "$T/ru.eml" from)" "Анна Смирнова <anna@voskhod.example>" "ru: From"
is "$(part "$T/ru.eml" cc)" "Ольга Кузнецова <olga@severny.example>" "ru: Cc"
is "$(part "$T/ru.eml" header:date)" "Tue, 24 Nov 2026 16:00:00 +0300" "ru: Date"

run cr-render --to eml --lang en -o "$T/ru-en.eml" "$D/ru.yaml"
is "$(part "$T/ru-en.eml" header:subject)" \
	"Contact report: Запуск летней кампании (24 November 2026)" \
	"--lang en: English subject template and date"

# --------------------------------------------------------- reproducible

run cr-render --to eml -o "$T/vi2.eml" "$D/vi.yaml"
same_file "$T/vi2.eml" "$T/vi.eml" "the same input gives the same bytes"

# no issued: Date (and Message-ID) from --now
sed '/^issued:/d' "$D/en.yaml" >"$T/noissued.yaml"
run cr-render --to eml --now 2026-11-21T08:00:00+07:00 -o "$T/n1.eml" "$T/noissued.yaml"
is "$(part "$T/n1.eml" header:date)" "Sat, 21 Nov 2026 08:00:00 +0700" \
	"no issued: Date from --now"
run cr-render --to eml --now 2026-11-21T08:00:00+07:00 -o "$T/n2.eml" "$T/noissued.yaml"
same_file "$T/n2.eml" "$T/n1.eml" "no issued: the same --now, the same bytes"

# ------------------------------------------------------------ injection

cat >"$T/inj.yaml" <<'EOF'
id: inj
title: "Kick-off\r\nBcc: victim@evil.example\r\n\r\nbody"
client: ACME
type: call
date: 2026-11-20 14:00 +07:00
author: "Linh\nX-Injected: 1"
issued: 2026-11-20 18:00 +07:00
attendees:
  - name: "Linh\nX-Injected: 1"
    email: linh@sunrise.example
  - name: "Evil, \"Q\" <x@y>\r\nBcc: b@evil.example"
    email: an@acme.example
  - name: Addr
    email: "c@acme.example\nBcc: d@evil.example"
agreements: [x]
actions: [{what: y, who: Linh, due: 2026-11-25}]
EOF
run cr-render --to eml -o "$T/inj.eml" "$T/inj.yaml"
is "$rc" 0 "injection: exit 0"
is "$(part "$T/inj.eml" names | tr '\n' ' ')" \
	"Date From Subject To Message-Id MIME-Version Content-Type " \
	"injection: no header of its own"
is "$(part "$T/inj.eml" header:subject)" \
	"Contact report: Kick-off  Bcc: victim@evil.example    body (20 November 2026)" \
	"injection: CR/LF in the title stay inside the Subject"
is "$(part "$T/inj.eml" from)" "Linh X-Injected: 1 <linh@sunrise.example>" \
	"injection: LF in the author's name stays inside From"
is "$(part "$T/inj.eml" to)" "Linh X-Injected: 1 <linh@sunrise.example>
Evil, \"Q\" <x@y>  Bcc: b@evil.example <an@acme.example>" \
	"injection: names quoted; an address with a line break left out"

# --------------------------------------------------------------- sender

sed 's/ <linh@sunrise.example>//' "$D/en.yaml" >"$T/noaddr.yaml"
run cr-render --to eml -o "$T/noaddr.eml" "$T/noaddr.yaml"
is "$rc" 1 "no author address: exit 1"
like "$err" "no address for the author; use --from-address" "no author address: says so"
ok "$([ ! -s "$T/noaddr.eml" ]; echo $?)" "no author address: no message"
run cr-render --to eml --from-address linh@sunrise.example -o "$T/fa.eml" "$T/noaddr.yaml"
is "$rc" 0 "--from-address: exit 0"
is "$(part "$T/fa.eml" from)" "Linh Tran <linh@sunrise.example>" "--from-address: From"
is "$(part "$T/fa.eml" to)" "Nguyen Van An <an@acme.example>" \
	"--from-address: To (the author has no address)"
run cr-render --to eml --from-address 'a@b.example, c@d.example' "$T/noaddr.yaml"
is "$rc" 1 "--from-address not a plain address: exit 1"

# ----------------------------------------------------------- recipients

# every participant left out is named: no address, or not a plain one
cat >"$T/left.yaml" <<'EOF'
id: left
title: Kick-off
client: ACME
type: call
date: 2026-11-20 14:00 +07:00
author: Linh
issued: 2026-11-20 18:00 +07:00
attendees:
  - Linh <linh@sunrise.example>
  - An
  - name: Bao
    email: "bao at acme"
distribution:
  - Chi
agreements: [x]
actions: [{what: y, who: Linh, due: 2026-11-25}]
EOF
run cr-render --to eml -o "$T/left.eml" "$T/left.yaml"
is "$rc" 0 "participants without an address: the message is still made"
is "$err" "cr-render: $T/left.yaml: warning: An is left out of the message: no e-mail address
cr-render: $T/left.yaml: warning: Bao is left out of the message: the e-mail address is not a plain one (local@domain)
cr-render: $T/left.yaml: warning: Chi is left out of the message: no e-mail address" \
	"each one left out named in a warning, attendees then distribution"
is "$(part "$T/left.eml" to)" "Linh <linh@sunrise.example>" "only the addressed in To"

# no recipient at all: refused, exit 1, nothing written
sed 's/^  - Linh <linh@sunrise.example>/  - Linh/' "$T/left.yaml" >"$T/none.yaml"
run cr-render --to eml --from-address linh@sunrise.example -o "$T/none.eml" "$T/none.yaml"
is "$rc" 1 "no recipient: exit 1"
like "$err" "no recipient: no attendee or distribution member has an e-mail address" \
	"no recipient: says why"
ok "$([ ! -e "$T/none.eml" ]; echo $?)" "no recipient: no message written"

# ------------------------------------------------------------- audience

sed 's/^issued:.*/&\nconfidentiality: internal/' "$D/en.yaml" >"$T/int.yaml"
run cr-render --to eml "$T/int.yaml"
is "$rc" 1 "internal report, client copy: exit 1"
is "$out" "" "internal report: no message"
run cr-render --to eml --audience internal -o "$T/int.eml" "$T/int.yaml"
is "$rc" 0 "internal report, --audience internal: exit 0"
like "$(part "$T/int.eml" body 2>/dev/null)" "pitch for the Tet campaign" \
	"internal copy: the internal notes are in the body"

done_testing
