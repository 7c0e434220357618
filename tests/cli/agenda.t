#!/bin/sh
# Before and after the meeting (SPEC 2.1, 5, 7): a planned contact made
# by `cr-new --date <tomorrow> --agenda ... --from <last report>` passes
# cr-lint at once, renders as the agenda in html, txt, pdf and eml (the
# e-mail read back with Python's email package, its PDF through
# pdftotext), and once completed after the meeting lints and renders as
# the report. The agenda never shows discussion, agreements, internal
# notes or confirmations. Confirmations survive md <-> yaml <-> json.
. "${CR_SRC:-.}/tests/cli/lib.sh"
P="$PYTHON $CR_SRC/tests/cli/eml-parse.py"
EX=$CR_SRC/examples

if [ ! -x "$CR_BIN/cr-render" ] || ! "$PYTHON" -c 'import email.policy' 2>/dev/null; then
	skip "cr-render or python3 not there"
	done_testing
	exit 0
fi

# The thread to continue, copied: cr-new reads the chain beside it.
mkdir "$T/thread"
cp "$EX"/en/*.yaml "$EX"/en/*.md "$T/thread/"
cd "$T/thread" || exit 1
TOMORROW=$(date -d tomorrow +%Y-%m-%d)
AFTER=$(date -d '2 days' +%Y-%m-%dT12:00:00+07:00)

# ------------------------------------------------- the planned contact

CR_AUTHOR="Linh Tran" run cr-new --from acme-2026-11-21.md \
	--date "$TOMORROW 14:00 +07:00" --title "Shoot preparation" \
	--type meeting --location "ACME HQ, room 4" \
	--agenda "Storyboard, scene by scene" \
	--agenda "Outdoor split between *HCMC* and Hanoi" \
	--agenda "The production house" -o planned.yaml
is "$rc:$err" "0:" "cr-new --date tomorrow: a planned contact"
is "$(sed -n '/^agenda:/,/^[a-z]/p' planned.yaml)" "agenda:
- Storyboard, scene by scene
- Outdoor split between *HCMC* and Hanoi
- The production house
actions:" "the topics in the order given"
is "$(grep -c 'TODO' planned.yaml)" 0 "no placeholder anywhere"
is "$(grep -c '^discussion:\|^agreements:' planned.yaml)" 0 \
	"no discussion nor agreements yet"
is "$(sed -n 's/^stage: //p' planned.yaml)" production \
	"the stage carried from the previous report"
is "$(grep -c '^  status: \(open\|blocked\)' planned.yaml)" \
	"$(grep -c '| \(open\|blocked\) |' acme-2026-11-21.md)" \
	"every open and blocked action carried, and no new one"

run cr-lint planned.yaml acme-2026-11-21.md acme-2026-11-20.yaml \
	acme-2026-11-13.md acme-2026-11-06.yaml
is "$rc" 0 "the planned contact passes cr-lint at once"
is "$(printf '%s\n' "$err" | grep '^planned.yaml:' |
	grep -c 'no-agreements\|no-actions\|not-issued\|author-not-attendee\|no-agenda\|placeholder\|error:')" \
	0 "none of the rules an agenda is exempt from, and no error"

# --stage overrides the carried stage; a stage of neither list is refused
CR_AUTHOR="Linh Tran" run cr-new --from acme-2026-11-21.md \
	--date "$TOMORROW 14:00 +07:00" --stage quotation
is "$(printf '%s\n' "$out" | sed -n 's/^stage: //p')" quotation "--stage wins"
run cr-new --stage later
is "$rc" 2 "--stage outside both lists: usage error"
like "$err" "--stage 'later': use brief, debrief" "--stage: the stages named"
# without --agenda, one TODO topic to fill
CR_AUTHOR="Linh Tran" run cr-new --from acme-2026-11-21.md \
	--date "$TOMORROW 14:00 +07:00" --title T --type call
is "$(printf '%s\n' "$out" | sed -n '/^agenda:/,/^[a-z]/p' | sed -n 2p)" \
	"- TODO" "no --agenda: one TODO topic"

# ------------------------------------------------------ the agenda, txt

run cr-render --agenda --to txt planned.yaml
is "$rc" 0 "agenda txt: exit 0"
is "$(printf '%s\n' "$out" | sed -n 1,3p)" "Agenda
Shoot preparation
=================" "agenda txt: the kind and the title"
like "$out" "When:            $(date -d tomorrow '+%-d %B %Y'), 14:00 (UTC+07:00)" \
	"agenda txt: when, with the time zone"
like "$out" "Where:           ACME HQ, room 4" "agenda txt: where"
like "$out" "Previous report: acme-2026-11-21" "agenda txt: the previous report"
like "$out" "Invited
-------
- Linh Tran (Account Executive, Sunrise Agency) <linh@sunrise.example>" \
	"agenda txt: who is invited"
like "$out" "Topics
------
1. Storyboard, scene by scene
2. Outdoor split between HCMC and Hanoi
3. The production house" "agenda txt: the topics numbered"
like "$out" "Actions to review
-----------------
1. Confirm the legal review slot for the packaging claims
   Who:    ACME Beverages
   Due:    24 November 2026" "agenda txt: an action to review, owner and due"
for w in Discussion Agreements "Internal" Confirmations "Please confirm"; do
	unlike "$out" "$w" "agenda txt: no $w"
done

# ----------------------------------------------------- the agenda, html

run cr-render --agenda --to html planned.yaml
is "$rc" 0 "agenda html: exit 0"
printf '%s' "$out" >agenda.html
is "$($PYTHON - agenda.html <<'PY'
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.h2 = []; self.li = 0; self.inh2 = False
        self.sec = None; self.topics = []
    def handle_starttag(self, t, a):
        a = dict(a)
        if t == "section": self.sec = a.get("class")
        if t == "h2": self.inh2 = True
        if t == "li" and self.sec == "agenda": self.topics.append("")
    def handle_endtag(self, t):
        if t == "h2": self.inh2 = False
    def handle_data(self, d):
        if self.inh2: self.h2.append(d)
        elif self.sec == "agenda" and self.topics: self.topics[-1] += d
p = P(); p.feed(open(sys.argv[1]).read())
print("|".join(p.h2)); print("|".join(t.strip() for t in p.topics))
PY
)" "Invited|Topics|Actions to review
Storyboard, scene by scene|Outdoor split between HCMC and Hanoi|The production house" \
	"agenda html: the three sections, the topics in order (an HTML parser)"
like "$out" '<ol>' "agenda html: the topics numbered"
unlike "$out" 'class="discussion"' "agenda html: no discussion"

# ------------------------------------------------ the agenda, pdf and eml

if command -v pdftotext >/dev/null; then
	run cr-render --agenda --to pdf -o agenda.pdf planned.yaml
	is "$rc" 0 "agenda pdf: exit 0"
	pdftotext -enc UTF-8 agenda.pdf agenda.txt
	like "$(cat agenda.txt)" "The production house" "agenda pdf: a topic"
	like "$(cat agenda.txt)" "Actions to review" "agenda pdf: the review"
	unlike "$(cat agenda.txt)" "Discussion" "agenda pdf: no discussion"

	run cr-render --agenda --to eml -o agenda.eml planned.yaml
	is "$rc" 0 "agenda eml: exit 0"
	is "$($P agenda.eml header:subject)" \
		"Agenda: Shoot preparation — $(date -d tomorrow '+%-d %B %Y'), 14:00 (UTC+07:00)" \
		"agenda eml: the subject, decoded"
	is "$($P agenda.eml to)" "Linh Tran <linh@sunrise.example>
Nguyen Van An <an@acme.example>
Mark Evans <mark@sunrise.example>" "agenda eml: To the invited"
	$P agenda.eml body >body.txt 2>/dev/null
	cr_body=$("$CR_BIN/cr-render" --agenda --to txt planned.yaml)
	is "$(cat body.txt)" "$cr_body" "agenda eml: the body is the agenda txt"
	like "$(cat body.txt)" "2. Outdoor split between HCMC and Hanoi" \
		"agenda eml: the topics in the body"
	is "$($P agenda.eml attachments | cut -f1,2)" \
		"planned-agenda.pdf	application/pdf" "agenda eml: the agenda PDF"
	$P agenda.eml save-attachment >att.pdf
	pdftotext -enc UTF-8 att.pdf att.txt
	like "$(cat att.txt)" "Storyboard, scene by scene" \
		"agenda eml: the attached PDF is the agenda (pdftotext)"
	unlike "$(cat att.txt)" "Discussion" "agenda eml: the PDF without discussion"
	# in the report's language: the word of the subject
	sed 's/^author: .*/&\nlanguage: vi/' planned.yaml >planned-vi.yaml
	"$CR_BIN/cr-render" --agenda --to eml -o vi.eml planned-vi.yaml 2>/dev/null
	like "$($P vi.eml header:subject)" "Chương trình: Shoot preparation — " \
		"agenda eml in Vietnamese: the subject's word"
else
	skip "pdftotext not there"
fi

# --agenda converts nothing
run cr-render --agenda --to yaml planned.yaml
is "$rc" 2 "--agenda with a conversion: usage error"

# ------------------------------------------ after the meeting: the report

sed -e '/^agenda:/i\
discussion:\
- ACME keeps the storyboard with scene 4 changed.\
agreements:\
- The shoot is booked for the week of 7 December.' planned.yaml >done.yaml
run cr-lint --now "$AFTER" done.yaml acme-2026-11-21.md
is "$(printf '%s\n' "$err" | grep -c 'error:')" 0 \
	"completed after the meeting: no error"
run cr-render --to txt done.yaml
is "$(printf '%s\n' "$out" | sed -n 1p)" "Contact report" \
	"completed: renders as the report"
like "$out" "Discussion
----------
- ACME keeps the storyboard with scene 4 changed." "completed: its discussion"

# ------------------------------------- confirmations in every round trip

V=$EX/vi/suaviet-2026-11-18.yaml
"$CR_BIN/cr-render" --to yaml "$V" >c.yaml 2>/dev/null
"$CR_BIN/cr-render" --to md c.yaml >c.md 2>/dev/null
"$CR_BIN/cr-render" --to yaml c.md >c2.yaml 2>/dev/null
same_file c2.yaml c.yaml "confirmations: yaml -> md -> yaml is the same"
"$CR_BIN/cr-render" --to md c2.yaml >c2.md 2>/dev/null
same_file c2.md c.md "confirmations: md -> yaml -> md is the same"
conf() {
	"$CR_BIN/cr-render" --to json "$1" 2>/dev/null | $PYTHON -c '
import json, sys
for c in json.load(sys.stdin)["confirmations"]:
    print(c["name"], c["at"], c.get("note", "-"), sep=" | ")'
}
want="Võ Thanh Hà | 2026-11-19T10:05:00+07:00 | -
Lê Minh Tuấn | 2026-11-19T14:20:00+07:00 | ghi rõ phần sampling là 0,8 tỷ đồng"
is "$(conf "$V")" "$want" "confirmations: json of the example"
is "$(conf c.md)" "$want" "confirmations: json of the md"
is "$(conf c2.yaml)" "$want" "confirmations: json of the yaml again"

done_testing
