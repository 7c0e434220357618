#!/bin/sh
# cr-new: golden skeletons in both forms and four languages; --from over
# every example thread carries exactly the open and blocked actions; a
# skeleton with its TODOs replaced passes cr-lint; collisions and
# overwriting.
. "${CR_SRC:-.}/tests/cli/lib.sh"
cd "$CR_SRC" || exit 1
G=$CR_SRC/tests/golden/new
NOW=2026-11-27T10:00:00+07:00
export CR_AUTHOR=

# --------------------------------------------------------- golden skeletons
skeleton() { # lang client author attendee
	run cr-new --now $NOW --lang "$1" --client "$2" --author "$3" \
		--attendee "$4" --type meeting --title "$5" --to "$6"
}
for form in yaml md; do
	skeleton en "ACME Beverages" "Linh Tran" \
		"Nguyen Van An (Brand Manager, ACME Beverages) <an@acme.example>" \
		"Creative review" $form
	printf '%s\n' "$out" >"$T/en.$form"
	same_file "$T/en.$form" "$G/en.$form" "en skeleton, $form"
	skeleton vi "Công ty Sữa Việt" "Nguyễn Thị Lan" \
		"Lê Minh Tuấn (Trưởng nhãn hàng, Công ty Sữa Việt)" \
		"Họp nhận brief" $form
	printf '%s\n' "$out" >"$T/vi.$form"
	same_file "$T/vi.$form" "$G/vi.$form" "vi skeleton, $form"
	skeleton zh "华夏茶饮" "王磊" "陈晓明 (品牌经理, 华夏茶饮)" "创意方案评审" $form
	printf '%s\n' "$out" >"$T/zh.$form"
	same_file "$T/zh.$form" "$G/zh.$form" "zh skeleton, $form"
	skeleton ru "Северный банк" "Анна Ковалева" \
		"Сергей Иванов (Бренд-менеджер, Северный банк)" \
		"Установочная встреча" $form
	printf '%s\n' "$out" >"$T/ru.$form"
	same_file "$T/ru.$form" "$G/ru.$form" "ru skeleton, $form"
done
like "$(cat "$G/vi.md")" "## Thành phần tham dự" "vi: Markdown sections in Vietnamese"
like "$(cat "$G/ru.md")" "| № | Что | Кто | Срок | Статус |" "ru: the actions table in Russian"
like "$(cat "$G/vi.yaml")" "id: cong-ty-sua-viet-2026-11-27" "vi: the id drops the diacritics"
like "$(cat "$G/ru.yaml")" "id: severnyy-bank-2026-11-27" "ru: the id is transliterated"
like "$(cat "$G/zh.yaml")" "id: 华夏茶饮-2026-11-27" "zh: the id keeps the characters"

# A skeleton is what cr-lint says must be filled in, and nothing else.
for l in en vi zh ru; do
	for form in yaml md; do
		run cr-lint --now $NOW "$G/$l.$form"
		n=$(printf '%s\n' "$err" | grep -c '\[placeholder\]$')
		other=$(printf '%s\n' "$err" | grep -v '\[placeholder\]$' | grep -c .)
		is "$rc/$n/$other" "1/5/0" "$l.$form: five placeholders, nothing else"
		# Replace every TODO by a value of its field: then it is clean.
		sed -e 's/^\(- \|1\. \)TODO$/\1Agreed to go ahead./' \
			-e 's/what: TODO/what: Send the plan/' \
			-e 's/who: TODO/who: Linh Tran/' \
			-e 's/due: TODO/due: 2026-12-01/' \
			-e 's/| TODO | TODO | TODO |/| Send the plan | Linh Tran | 2026-12-01 |/' \
			"$G/$l.$form" | sed "s/Linh Tran/$(sed -n 's/^author: //p' "$G/$l.$form")/" \
			>"$T/filled.$form"
		run cr-lint --now $NOW "$T/filled.$form"
		is "$rc:$err" "0:" "$l.$form: clean once its TODOs are replaced"
	done
done

# ------------------------------------------------------------ --from
# For every thread, the last report: the actions carried are exactly the
# open and blocked ones, with id, owner, due and status unchanged.
for last in examples/en/acme-2026-11-20.yaml examples/vi/suaviet-2026-11-18.yaml \
	examples/zh/huaxia-2026-11-19.md examples/ru/sever-2026-11-18.yaml \
	examples/fundraising/hoang-2026-11-17.yaml; do
	run cr-render --to json "$last"
	printf '%s\n' "$out" | $PYTHON -c '
import json, sys
r = json.load(sys.stdin)
for a in r["actions"]:
    if a["status"] in ("open", "blocked"):
        print(a["id"], a["who"], a["due"], a["status"])' >"$T/want"
	run cr-new --from "$last" --now $NOW --author X --type call --title T
	is "$rc" 0 "$last: cr-new --from"
	printf '%s\n' "$out" >"$T/new.yaml"
	run cr-render --to json "$T/new.yaml"
	printf '%s\n' "$out" | $PYTHON -c '
import json, sys
r = json.load(sys.stdin)
for a in r["actions"]:
    if a["what"] != "TODO":
        print(a["id"], a["who"], a["due"], a["status"])' >"$T/got"
	same_file "$T/got" "$T/want" "$last: exactly the open and blocked actions"
	printf '%s\n' "$out" | $PYTHON -c '
import json, sys
r = json.load(sys.stdin)
print(r["previous"], r["client"], len(r["attendees"]), r["language"],
      r["agreements"], r["discussion"])' >"$T/thread"
	run cr-render --to json "$last"
	want=$(printf '%s\n' "$out" | $PYTHON -c '
import json, sys
r = json.load(sys.stdin)
print(r["id"], r["client"], len(r["attendees"]) + 1, r["language"],
      ["TODO"], ["TODO"])')
	is "$(cat "$T/thread")" "$want" "$last: thread fields taken, agreements anew"
done
run cr-new --from examples/en/acme-2026-11-20.yaml --now $NOW --author "Linh Tran"
printf '%s\n' "$out" >"$T/acme.yaml"
ids=$(sed -n 's/^- id: //p' "$T/acme.yaml" | tr '\n' ' ')
is "$ids" "acme-3 acme-5 acme-6 acme-7 acme-8 " \
	"en: acme-3, acme-5 (blocked), acme-6, acme-7 carried; acme-4 (done) not; the new one continues the numbering"
like "$(cat "$T/acme.yaml")" "due: 2026-11-26T17:00:00+07:00" \
	"a due date-time keeps its offset"
run cr-new --from examples/en/acme-2026-11-13.md --now $NOW --author "Linh Tran" --to md
like "$out" "| acme-5 | Confirm the legal review slot for the packaging claims | ACME Beverages | 2026-11-24 | open |" \
	"--from a Markdown report, to Markdown"
run cr-new --from "$T/missing.yaml"
is "$rc" 2 "--from a missing file: exit 2"
printf 'title: [broken\n' >"$T/broken.yaml"
run cr-new --from "$T/broken.yaml"
is "$rc" 1 "--from a broken report: exit 1"
like "$err" "$T/broken.yaml:2:1: error:" "its diagnostic"

# ------------------------------------------------- -o, collisions, --force
mkdir "$T/r"
run cr-new --now $NOW --client "ACME Beverages" --author A -o "$T/r/a.yaml"
is "$rc:$(sed -n 's/^id: //p' "$T/r/a.yaml")" "0:a" "-o writes the file; the id is its name"
run cr-new --now $NOW --client "ACME Beverages" --author A -o "$T/r/acme-2026-12-01.md"
is "$rc:$(sed -n 's/^id: //p' "$T/r/acme-2026-12-01.md")" "0:acme-2026-12-01" \
	"-o x.md: the id is the name without its extension"
run cr-new --from examples/en/acme-2026-11-20.yaml --now $NOW --author "Linh Tran" \
	-o "$T/r/acme-2026-11-27.yaml"
is "$(sed -n 's/^id: //p' "$T/r/acme-2026-11-27.yaml")" "acme-2026-11-27" \
	"--from with -o: the id is still the file name"

# New actions continue the thread's numbering, over the whole chain of
# previous reports found beside PREVIOUS: x-5, closed in the first
# report and gone from the second, is never given again.
mkdir "$T/num"
cat >"$T/num/n1.yaml" <<EOF
id: n1
title: T
client: C
type: call
date: 2026-11-20
author: A
attendees: [A]
agreements: [x]
actions:
  - {id: x-1, what: a, who: A, due: 2026-11-30}
  - {id: x-5, what: b, who: A, due: 2026-11-21, status: done}
EOF
sed 's/^id: n1/id: n2\nprevious: n1/; /x-5/d' "$T/num/n1.yaml" >"$T/num/n2.yaml"
run cr-new --from "$T/num/n2.yaml" --now $NOW --author A
is "$(printf '%s\n' "$out" | sed -n 's/^- id: //p' | tr '\n' ' ')" "x-1 x-6 " \
	"numbered after the highest id of the chain"
sed -i 's/^previous: n1/previous: n9/' "$T/num/n2.yaml"
run cr-new --from "$T/num/n2.yaml" --now $NOW --author A
is "$(printf '%s\n' "$out" | sed -n 's/^- id: //p' | tr '\n' ' ')" "x-1 x-2 " \
	"the chain ends where a previous report is not found"
sed -i 's/^previous: n9/previous: n2/' "$T/num/n2.yaml"
run cr-new --from "$T/num/n2.yaml" --now $NOW --author A
is "$rc:$(printf '%s\n' "$out" | sed -n 's/^- id: //p' | tr '\n' ' ')" "0:x-1 x-2 " \
	"a report naming itself ends the chain"
sed 's/x-1/1/; s/x-5/2/' "$T/num/n1.yaml" >"$T/num/plain.yaml"
run cr-new --from "$T/num/plain.yaml" --now $NOW --author A
is "$(printf '%s\n' "$out" | sed -n 's/^- id: //p' | tr '\n' ' ')" "'1' '3' " \
	"plain numbers continue too"
cp "$T/r/a.yaml" "$T/r/a.orig"
run cr-new --now $NOW --client Other --author A -o "$T/r/a.yaml"
is "$rc" 2 "an existing file is not replaced"
like "$err" "exists; use --force" "the message says how"
same_file "$T/r/a.yaml" "$T/r/a.orig" "the file is untouched"
chmod 640 "$T/r/a.yaml"
run cr-new --now $NOW --client Other --author A --force -o "$T/r/a.yaml"
is "$rc:$(sed -n 's/^client: //p' "$T/r/a.yaml")" "0:Other" "--force replaces it"
is "$(stat -c %a "$T/r/a.yaml")" 640 "with its permissions kept"
is "$(ls -a "$T/r" | grep -c '^\.a\.yaml\.')" 0 "no temporary file left"
run cr-new --now $NOW --client X --author A -o "$T/r/x.md"
like "$(cat "$T/r/x.md")" "## Attendees" "-o x.md writes Markdown"

# ------------------------------------------------------------ options
run cr-new --type party
is "$rc" 2 "--type outside the enum: exit 2"
run cr-new --date tomorrow
is "$rc" 2 "--date not a date: exit 2"
run cr-new --lang de
is "$rc" 2 "--lang unknown: exit 2"
CR_AUTHOR="Env Author" run cr-new --now $NOW --client X
like "$out" "author: Env Author" "the author from CR_AUTHOR"
run cr-new --help
like "$out" "cr-new(1)" "--help points to the man page"
done_testing
