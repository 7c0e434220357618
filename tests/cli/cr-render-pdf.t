#!/bin/sh
# cr-render --to pdf, read back with poppler's pdftotext and pdfinfo:
# the text in four languages, the localised footer, metadata, pages, rows
# never split across pages, reproducible bytes, audiences.
. "${CR_SRC:-.}/tests/cli/lib.sh"

D=$CR_SRC/tests/data/pdf

if [ ! -x "$CR_BIN/cr-render" ] || ! command -v pdftotext >/dev/null ||
	! command -v pdfinfo >/dev/null; then
	skip "cr-render or poppler-utils (pdftotext, pdfinfo) not there"
	done_testing
	exit 0
fi

# text FILE.pdf [FIRST LAST]: the text of the pages as laid out (the two
# columns of facts side by side), lines joined by spaces, blanks
# collapsed.
text() {
	if [ $# -gt 1 ]; then
		pdftotext -layout -enc UTF-8 -f "$2" -l "$3" "$1" - 2>/dev/null
	else
		pdftotext -layout -enc UTF-8 "$1" - 2>/dev/null
	fi | tr '\n\f' '  ' | tr -s ' '
}

info() { # info FILE.pdf KEY
	pdfinfo -isodates "$1" 2>/dev/null | sed -n "s/^$2: *//p"
}

# --------------------------------------------------------- four languages

run cr-render --to pdf -o "$T/en.pdf" "$D/en.yaml"
is "$rc" 0 "en: exit 0"
is "$err" "" "en: nothing on stderr"
t=$(text "$T/en.pdf")
like "$t" "Contact report Summer launch kick-off" "en: title block"
like "$t" "Client ACME Beverages" "en: header field"
like "$t" "Issued 21 November 2026, 09:30 (UTC+07:00)" "en: issued, long date"
is "$(printf '%s\n' "$t" | grep -o "Confidentiality" | wc -l)" 1 \
	"en: one confidentiality statement (the footer), not also a header field"
like "$t" "TVC budget reduced to 1.2 bn VND; the client wants more digital." \
	"en: discussion, emphasis marks gone"
like "$t" "Next contact 27 November 2026" "en: next contact among the facts"
unlike "$t" "pitch for the Tet" "en: the client copy has no internal notes"
n=$(info "$T/en.pdf" Pages)
like "$t" "Confidentiality: Client Page 1 of $n" "en: footer, page 1"
like "$t" "Page $n of $n" "en: footer, last page"
is "$(info "$T/en.pdf" 'Page size')" "595.276 x 841.89 pts (A4)" "en: A4"
is "$(info "$T/en.pdf" Title)" "Summer launch kick-off" "metadata: title"
is "$(info "$T/en.pdf" Author)" "Linh Tran" "metadata: author"
is "$(info "$T/en.pdf" Subject)" "ACME Beverages" "metadata: subject"
is "$(info "$T/en.pdf" Keywords)" "launch, media" "metadata: keywords (tags)"
is "$(info "$T/en.pdf" Creator)" "crtools 0.1.0" "metadata: creator"
is "$(info "$T/en.pdf" CreationDate)" "2026-11-21T09:30:00+07" \
	"metadata: creation date from issued"
is "$(info "$T/en.pdf" ModDate)" "2026-11-21T09:30:00+07" \
	"metadata: modification date from issued"

# the language and the outline: the catalogue written again by an
# incremental update, which the last xref section must point to exactly
is "$($PYTHON - "$T/en.pdf" <<'PY'
import re, sys
d = open(sys.argv[1], "rb").read()
start = int(re.findall(rb"startxref\s+(\d+)", d)[-1])
assert d[start:start + 4] == b"xref", "startxref does not point to an xref"
first, count = map(int, re.match(rb"xref\s+(\d+) (\d+)", d[start:]).groups())
off = int(d[start:].split(b"\n")[2][:10])
obj = d[off:d.index(b"endobj", off)]
assert obj.startswith(b"%d 0 obj" % first), "the xref entry is not the object"
root = int(re.findall(rb"/Root (\d+) 0 R", d[start:])[0])
assert root == first, "the trailer's /Root is not the object written again"
print(re.search(rb"/Lang \(([^)]*)\)", obj).group(1).decode(),
      b"/DisplayDocTitle true" in obj, b"/Outlines" in obj)
PY
)" "en True True" "metadata: /Lang (en) in the catalogue, title shown, outline kept"
is "$(grep -a -o '/Title ([A-Za-z -]*)' "$T/en.pdf" | LC_ALL=C sort -u | tr '\n' ',')" \
	"/Title (Absent),/Title (Actions),/Title (Agenda),/Title (Agreements),/Title (Attendees),/Title (Discussion),/Title (Distribution),/Title (Summer launch kick-off)," \
	"metadata: the outline holds the title and every section"
is "$(pdfinfo "$T/en.pdf" 2>&1 >/dev/null)" "" "poppler reads the updated file without a complaint"

run cr-render --to pdf -o "$T/vi.pdf" "$D/vi.yaml"
is "$rc" 0 "vi: exit 0"
t=$(text "$T/vi.pdf")
is "$(info "$T/vi.pdf" Pages)" 1 "vi: one page"
like "$t" "Họp triển khai chiến dịch Tết 2027" "vi: title with diacritics"
like "$t" "Khách hàng Công ty TNHH Nước giải khát Hòa Bình" "vi: client"
like "$t" "Ngày 3 tháng 12 năm 2026, 09:00 (UTC+07:00)" "vi: long date"
like "$t" "Thành phần tham dự" "vi: attendees label"
like "$t" "Nguyễn Văn An (Giám đốc nhãn hàng, Công ty Hòa Bình) an@hoabinh.example" \
	"vi: an attendee on one line"
like "$t" "Nội dung thảo luận" "vi: discussion label"
like "$t" "Khách hàng đề nghị giảm ngân sách TVC xuống còn 1,2 tỷ đồng" \
	"vi: discussion text"
like "$t" "Các bước tiếp theo" "vi: actions label"
like "$t" "Trạng thái Ghi chú" "vi: the note column"
like "$t" "Chờ phòng tài" "vi: action note"
like "$t" "Lần liên hệ tiếp theo 10 tháng 12 năm 2026" "vi: next contact"
like "$t" "Mức độ bảo mật: Dành cho khách hàng Trang 1/1" "vi: footer"
is "$(info "$T/vi.pdf" Title)" "Họp triển khai chiến dịch Tết 2027" \
	"vi: metadata title in Unicode"
is "$(info "$T/vi.pdf" Author)" "Trần Thu Linh" "vi: metadata author"

run cr-render --to pdf -o "$T/zh.pdf" "$D/zh.yaml"
is "$rc" 0 "zh: exit 0"
t=$(text "$T/zh.pdf")
like "$t" "客户联络报告 春节营销活动启动会" "zh: title block"
like "$t" "客户 华星饮料有限公司" "zh: client"
like "$t" "日期 2026年11月18日 10:00（UTC+08:00）" "zh: long date"
like "$t" "与会者" "zh: attendees label"
like "$t" "讨论" "zh: discussion label"
like "$t" "主视觉需在十二月中旬前定稿。" "zh: discussion text"
like "$t" "下一步行动" "zh: actions label"
like "$t" "提交修改后的媒介投放计划 王丽" "zh: action row"
like "$t" "第 1 页，共 1 页" "zh: footer page label"
is "$(info "$T/zh.pdf" Title)" "春节营销活动启动会" "zh: metadata title"
# the Chinese glyphs come from a CJK font found through fontconfig
like "$(pdffonts "$T/zh.pdf" 2>/dev/null)" "NotoSansCJKsc-Regular" "zh: Noto Sans CJK embedded"

run cr-render --to pdf -o "$T/ru.pdf" "$D/ru.yaml"
is "$rc" 0 "ru: exit 0"
t=$(text "$T/ru.pdf")
like "$t" "Контакт-репорт Запуск летней кампании" "ru: title block"
like "$t" "Клиент ООО «Северный напиток»" "ru: client"
like "$t" "Дата 24 ноября 2026 г., 11:00 (UTC+03:00)" "ru: long date"
like "$t" "Участники" "ru: attendees label"
like "$t" "Клиент предложил сократить бюджет на телевизионную рекламу до 12 млн рублей." \
	"ru: discussion text"
like "$t" "Следующие шаги" "ru: actions label"
like "$t" "Выполнено" "ru: status word"
like "$t" "Конфиденциальность: Для клиента Страница 1 из 1" "ru: footer"

# --lang overrides the report's language for the labels
run cr-render --to pdf --lang ru -o "$T/en-ru.pdf" "$D/vi.yaml"
t=$(text "$T/en-ru.pdf")
like "$t" "Страница 1 из 1" "--lang ru: Russian footer"
like "$t" "Участники" "--lang ru: Russian section labels"
like "$t" "Họp triển khai chiến dịch Tết 2027" "--lang ru: text as written"

# ------------------------------------------------------------- audiences

run cr-render --to pdf --audience internal -o "$T/int.pdf" "$D/en.yaml"
is "$rc" 0 "internal: exit 0"
t=$(text "$T/int.pdf")
like "$t" "Internal — not for the client" "internal: the copy is marked"
like "$t" "Internal • The client hinted at a pitch for the Tet campaign." \
	"internal: the notes, last"

sed 's/^issued:.*/&\nconfidentiality: confidential/' "$D/en.yaml" >"$T/conf.yaml"
run cr-render --to pdf -o "$T/conf.pdf" "$T/conf.yaml"
is "$rc" 1 "confidential, client copy: exit 1"
like "$err" "confidential" "confidential: says why"
ok "$([ ! -s "$T/conf.pdf" ]; echo $?)" "confidential: no PDF written"
run cr-render --to pdf --audience internal -o "$T/conf.pdf" "$T/conf.yaml"
is "$rc" 0 "confidential, internal copy: exit 0"
like "$(text "$T/conf.pdf")" "Confidentiality: Confidential · Internal — not for the client" \
	"confidential: the level in the footer"

# ---------------------------------------------------------- reproducible

run cr-render --to pdf -o "$T/vi2.pdf" "$D/vi.yaml"
same_file "$T/vi2.pdf" "$T/vi.pdf" "the same input gives the same bytes"
STDIN=$D/vi.yaml run cr-render --to pdf -o "$T/vi3.pdf"
same_file "$T/vi3.pdf" "$T/vi.pdf" "the same from standard input"
run cr-render --to pdf --now 2026-12-04T08:00:00+07:00 -o "$T/vi4.pdf" "$D/vi.yaml"
is "$(info "$T/vi4.pdf" CreationDate)" "2026-12-03T17:30:00+07" \
	"the clock never reaches the metadata"

# ------------------------------------------------ a report of many pages

{
	sed -n '1,/^agreements:/p' "$D/vi.yaml"
	echo "  - Khách hàng duyệt hướng sáng tạo B."
	echo "actions:"
	i=1
	while [ $i -le 60 ]; do
		echo "  - what: BEGIN$i chuẩn bị phương án truyền thông khu vực phía Bắc cho giai đoạn hai của chiến dịch END$i"
		echo "    who: Trần Thu Linh"
		echo "    due: 2026-12-$(printf %02d $((i % 28 + 1)))"
		i=$((i + 1))
	done
} >"$T/long.yaml"
run cr-render --to pdf -o "$T/long.pdf" "$T/long.yaml"
is "$rc" 0 "60 actions: exit 0"
n=$(info "$T/long.pdf" Pages)
ok "$([ "${n:-0}" -ge 3 ]; echo $?)" "60 actions: several pages ($n)"
whole=0
p=1
while [ "$p" -le "${n:-0}" ]; do
	pt=$(text "$T/long.pdf" "$p" "$p")
	case "$pt" in
	*"Trang $p/$n"*) ;;
	*) whole=1; _diag "page $p: no footer 'Trang $p/$n'" ;;
	esac
	if [ "$p" -gt 1 ]; then
		case "$pt" in
		*"Việc cần làm"*"Trạng thái"*) ;;
		*) whole=1; _diag "page $p: the table's header row is not repeated" ;;
		esac
	fi
	printf '%s\n' "$pt" >"$T/page$p.txt"
	p=$((p + 1))
done
i=1
while [ $i -le 60 ]; do
	b=$(grep -l "BEGIN$i " "$T"/page*.txt)
	e=$(grep -l " END$i " "$T"/page*.txt)
	if [ -z "$b" ] || [ "$b" != "$e" ] || [ "$(echo "$b" | wc -l)" != 1 ]; then
		whole=1
		_diag "action $i: begins on '$b', ends on '$e'"
	fi
	i=$((i + 1))
done
is "$whole" 0 "60 actions: every row whole on one page, header rows repeated, footers"

# --------------------------------------------- the program that makes it
# cr-render runs cr-render-pdf, which links pango and cairo but not GMime
# nor librsvg (loaded only for an SVG logo): every library linked is
# loaded by every run. cr-render-full stands in when it is missing, with
# the same bytes.
if [ -x "$CR_BIN/cr-render-pdf" ] && [ -x "$CR_BIN/cr-render-full" ]; then
	is "$(ldd "$CR_BIN/cr-render-pdf" | grep -c -e gmime -e rsvg)" 0 \
		"cr-render-pdf links neither GMime nor librsvg"
	mkdir "$T/alone"
	cp "$CR_BIN/cr-render" "$CR_BIN/cr-render-full" "$T/alone/"
	"$T/alone/cr-render" --to pdf -o "$T/by-full.pdf" "$D/zh.yaml" \
		2>"$T/alone.err"
	is "$?:$(cat "$T/alone.err")" "0:" "no cr-render-pdf: cr-render-full makes the PDF"
	run cr-render --to pdf -o "$T/by-pdf.pdf" "$D/zh.yaml"
	cmp -s "$T/by-full.pdf" "$T/by-pdf.pdf"
	is "$?" 0 "cr-render-pdf and cr-render-full: the same PDF"
else
	skip "cr-render-pdf or cr-render-full not built"
fi

done_testing
