#!/bin/sh
# Text is NFC once read (SPEC 2.1): every example converted to NFD at run
# time (as macOS and Unikey's "Unicode to hop" write Vietnamese) gives the
# same JSON, the same findings at the same display columns, the same WIP
# and the same e-mail recipients; NFC and NFD spellings of one name are one
# person; word lists find NFD words; case folding is Unicode's; widths of
# emoji and CJK hold in the txt table.
. "${CR_SRC:-.}/tests/cli/lib.sh"
cd "$CR_SRC" || exit 1
NOW="--now 2026-11-27T10:00:00+07:00"

# nfd SRC DST: the file (or tree) in NFD, hidden files included
nfd() {
	"$PYTHON" - "$1" "$2" <<'PY'
import os, shutil, sys, unicodedata
src, dst = sys.argv[1], sys.argv[2]
def conv(a, b):
    try:
        with open(a, encoding='utf-8') as f:
            t = f.read()
    except UnicodeDecodeError:  # a logo, not text: copied as it is
        shutil.copyfile(a, b)
        return
    with open(b, 'w', encoding='utf-8') as f:
        f.write(unicodedata.normalize('NFD', t))
if os.path.isdir(src):
    for root, dirs, files in os.walk(src):
        out = os.path.join(dst, os.path.relpath(root, src))
        os.makedirs(out, exist_ok=True)
        for n in files:
            conv(os.path.join(root, n), os.path.join(out, n))
else:
    conv(src, dst)
PY
}

# rows: the number of rows of the last cr-wip --to json
rows() {
	"$PYTHON" -c 'import json,sys; print(len(json.load(sys.stdin)))' <"$T/.out"
}

nfd examples "$T/nfd"
changed=$(cd examples && for f in */*; do cmp -s "$f" "$T/nfd/$f" || echo "$f"; done | wc -l)
ok "$([ "$changed" -ge 4 ] && echo 0 || echo 1)" "the NFD copies differ from the originals ($changed files)"
for f in vi/suaviet-2026-11-10.md vi/suaviet-2026-11-18.yaml ru/sever-2026-11-11.md ru/sever-2026-11-18.yaml; do
	ok "$(cmp -s "examples/$f" "$T/nfd/$f" && echo 1 || echo 0)" "$f: the NFD copy is another byte string"
done

# ------------------------------------------- per file: json, lint, eml
for f in examples/*/*.yaml examples/*/*.md; do
	rel=${f#examples/}
	run cr-render --to json "$f"
	printf '%s\n' "$out" >"$T/a.json"
	run cr-render --to json "$T/nfd/$rel"
	is "$rc" 0 "$rel (NFD): render exit 0"
	printf '%s\n' "$out" >"$T/b.json"
	same_file "$T/b.json" "$T/a.json" "$rel (NFD): byte-identical --to json"

	run cr-lint $NOW "$f"
	a_rc=$rc
	a=$(printf '%s\n' "$err" | sed "s|^examples/||")
	run cr-lint $NOW "$T/nfd/$rel"
	b=$(printf '%s\n' "$err" | sed "s|^$T/nfd/||")
	is "$rc" "$a_rc" "$rel (NFD): lint exit status"
	is "$b" "$a" "$rel (NFD): the same findings at the same positions"
done

if [ -x "$CR_BIN/cr-render-full" ]; then
	for f in examples/vi/suaviet-2026-11-18.yaml examples/vi/suaviet-2026-11-10.md \
		examples/ru/sever-2026-11-18.yaml; do
		rel=${f#examples/}
		run cr-render --to eml --audience internal --from-address agency@sunrise.example -o "$T/a.eml" "$f"
		run cr-render --to eml --audience internal --from-address agency@sunrise.example -o "$T/b.eml" "$T/nfd/$rel"
		is "$rc" 0 "$rel (NFD): eml exit 0"
		for h in to cc from; do
			a=$("$PYTHON" tests/cli/eml-parse.py "$T/a.eml" $h)
			b=$("$PYTHON" tests/cli/eml-parse.py "$T/b.eml" $h)
			is "$b" "$a" "$rel (NFD): the same $h"
		done
		ok "$([ -n "$("$PYTHON" tests/cli/eml-parse.py "$T/b.eml" to)" ] && echo 0 || echo 1)" \
			"$rel (NFD): the message has recipients"
	done
else
	skip "cr-render-full not built: no eml"
fi

# ------------------------------------------------ trees: lint and wip
for d in en vi zh ru fundraising; do
	run cr-lint $NOW "examples/$d"
	a=$(printf '%s\n' "$err" | sed "s|examples/||g")
	run cr-lint $NOW "$T/nfd/$d"
	b=$(printf '%s\n' "$err" | sed "s|$T/nfd/||g")
	is "$b" "$a" "$d/ (NFD): lint of the thread, the same findings"
	for to in txt json; do
		# the File column aside (its width follows the path)
		run cr-wip $NOW --status all --to $to "examples/$d"
		a=$(printf '%s\n' "$out" | sed -E "s|examples/||g; s/ +[^ ]+\$//")
		run cr-wip $NOW --status all --to $to "$T/nfd/$d"
		b=$(printf '%s\n' "$out" | sed -E "s|$T/nfd/||g; s/ +[^ ]+\$//")
		is "$b" "$a" "$d/ (NFD): the same WIP rows ($to)"
	done
done
run cr-wip $NOW --status all --to json "$T/nfd/vi"
is "$(rows)" \
	"$(bin/cr-wip $NOW --status all --to json examples/vi | "$PYTHON" -c 'import json,sys; print(len(json.load(sys.stdin)))')" \
	"vi/ (NFD): every row is there"

# ----------------------------------- one person in NFC and NFD spellings
an_nfc="Nguyễn Thị Lan"
an_nfd=$("$PYTHON" -c 'import sys,unicodedata; print(unicodedata.normalize("NFD", sys.argv[1]))' "$an_nfc")
isnt "$an_nfd" "$an_nfc" "the two spellings differ in bytes"
cat >"$T/mixed.yaml" <<EOF
title: Họp nhận brief
client: Công ty Sữa Việt
type: meeting
date: 2026-11-20 14:00 +07:00
issued: 2026-11-20 18:00 +07:00
author: $an_nfd
attendees:
  - $an_nfc (Trưởng nhóm khách hàng, Sao Mai)
agreements:
  - Thống nhất lịch
actions:
  - id: m-1
    what: Gửi kế hoạch truyền thông
    who: $an_nfd
    due: 2026-12-01
  - id: m-2
    what: Gửi báo giá
    who: $an_nfc
    due: 2026-12-02
next_contact: 2026-12-03
EOF
run cr-lint $NOW "$T/mixed.yaml"
unlike "$err" "action-unknown-owner" "NFD owner of an NFC attendee: known"
unlike "$err" "author-not-attendee" "NFD author of an NFC attendee: an attendee"
run cr-wip $NOW --to json --owner "$an_nfd" "$T/mixed.yaml"
is "$(rows)" 2 \
	"--owner in NFD finds both actions"
run cr-wip $NOW --to json --owner "NGUYỄN THỊ LAN" "$T/mixed.yaml"
is "$(rows)" 2 \
	"--owner in upper case finds both actions"
if "$PYTHON" -c 'import openpyxl' 2>/dev/null; then
	run cr-wip $NOW --to xlsx -o "$T/m.xlsx" "$T/mixed.yaml"
	is "$("$PYTHON" -c 'import openpyxl,sys; print(sum(1 for r in openpyxl.load_workbook(sys.argv[1])["Owners"].iter_rows(min_row=2, values_only=True) if r[0] != "Total"))' "$T/m.xlsx")" 1 \
		"Owners sheet: one owner for both spellings"
else
	skip "openpyxl absent: no Owners sheet check"
fi

# --------------------------------------------- word lists on NFD words
cat >"$T/words.yaml" <<EOF
title: Họp
client: Sữa Việt
type: meeting
date: 2026-11-20 14:00 +07:00
issued: 2026-11-20 18:00 +07:00
author: Lan
attendees: [Lan]
discussion:
  - Anh ấy thô lỗ với nhóm
agreements: [ok]
actions:
  - what: Gửi báo giá
    who: Lan
    due: sớm
next_contact: 2026-12-03
EOF
nfd "$T/words.yaml" "$T/words-nfd.yaml"
run cr-lint $NOW "$T/words.yaml"
a=$(printf '%s\n' "$err" | sed "s|^$T/||")
run cr-lint $NOW "$T/words-nfd.yaml"
b=$(printf '%s\n' "$err" | sed "s|^$T/||; s|words-nfd|words|")
like "$err" "words-nfd.yaml:14:10: error: due 'sớm' is not a date" "NFD 'sớm': action-vague-due"
like "$err" "[action-vague-due]" "NFD 'sớm': the vague-due rule"
unlike "$err" "[bad-date]" "NFD 'sớm': not bad-date"
like "$err" "'thô lỗ' in discussion" "NFD 'thô lỗ': emotional-language"
# NFC changed the value: the finding points at the value's start
like "$err" "words-nfd.yaml:9:5: warning: 'thô lỗ'" "NFD value: position of the value"
like "$a" "words.yaml:9:12: warning: 'thô lỗ'" "NFC value: position of the word"

# ------------------------------------------------------- cr-new in NFD
run cr-new --now 2026-11-27T10:00:00+07:00 --client "$(printf 'Co\314\202ng ty Su\314\233\314\203a Vie\314\243\314\202t')" \
	--author A --to yaml
like "$out" "id: cong-ty-sua-viet-2026-11-27" "cr-new: NFD client gives the NFC id"
like "$out" "client: Công ty Sữa Việt" "cr-new: the client written in NFC"

# ---------------------------------------------- Unicode case folding
# small CLIENT: a report's fields before its actions
small() {
	printf 'title: T\nclient: %s\ntype: call\ndate: 2026-11-20 14:00 +07:00\n' "$1"
	printf 'author: A\nattendees: [A]\nagreements: [ok]\nactions:\n'
}
{ small "Ёлка Đức Ưng"; cat <<'EOF'
  - what: x
    who: ĐỨC
    due: 2026-12-01
EOF
} >"$T/fold.yaml"
for c in "ЁЛКА ĐỨC ƯNG" "ёлка đức ưng"; do
	run cr-wip $NOW --to json --client "$c" "$T/fold.yaml"
	is "$(rows)" 1 \
		"--client '$c' folds Ё/ё, Đ/đ, Ư/ư"
done
run cr-wip $NOW --to json --owner "đức" "$T/fold.yaml"
is "$(rows)" 1 "--owner đức finds ĐỨC"
# Ӂ/ӂ are one letter, ӂ/Ӄ are not (the old table's wrong fold)
sed 's/who: ĐỨC/who: Ӂ/' "$T/fold.yaml" >"$T/fold2.yaml"
run cr-wip $NOW --to json --owner "ӂ" "$T/fold2.yaml"
is "$(rows)" 1 "--owner ӂ finds Ӂ"
run cr-wip $NOW --to json --owner "Ӄ" "$T/fold2.yaml"
is "$(rows)" 0 "--owner Ӄ does not find Ӂ"

# --------------------------------------- widths of emoji and CJK in txt
{ small 华夏茶饮; cat <<'EOF'
  - id: w-1
    what: "Launch 🚀 now"
    who: 王磊
    due: 2026-12-01
  - id: w-2
    what: "Rain plan ☔"
    who: A
    due: 2026-12-02
  - id: w-3
    what: "Thành phần"
    who: Đức
    due: 2026-12-03
EOF
} >"$T/wide.yaml"
mkdir "$T/w"
nfd "$T/wide.yaml" "$T/w/wide.yaml"
for f in wide w/wide; do
	(cd "$(dirname "$T/$f")" && $CR_WRAP "$CR_BIN/cr-wip" $NOW wide.yaml >wide.txt)
	cols=$("$PYTHON" - "$T/$f.txt" <<'PY'
import sys, unicodedata
def width(s):
    w = 0
    for c in s:
        if unicodedata.combining(c):
            continue
        w += 2 if unicodedata.east_asian_width(c) in 'WF' else 1
    return w
lines = open(sys.argv[1], encoding='utf-8').read().splitlines()
starts = set()
for l in lines[2:]:
    i = l.index('2026-12-0')
    starts.add(width(l[:i]))
print(len(lines) - 2, len(starts))
PY
)
	is "$cols" "3 1" "$f: the Due column starts at one display column in every row"
done
same_file "$T/w/wide.txt" "$T/wide.txt" "wide (NFD): the same txt table"

done_testing
