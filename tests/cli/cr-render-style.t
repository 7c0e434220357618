#!/bin/sh
# The house style (.cr-render.yaml, SPEC 7): found in the current folder
# or the nearest parent, or given with --config; the agency's name and
# logo in html and pdf and the e-mail signature, the reply line of the
# client's copy (reply-hours, 0 leaves it out), and every problem of the
# file an error with its position.
. "${CR_SRC:-.}/tests/cli/lib.sh"
NOW=2026-11-22T12:00:00+07:00
EX=$CR_SRC/examples
R=$EX/en/acme-2026-11-20.yaml

pdftext() { # FILE.pdf: the text, blanks collapsed
	pdftotext -layout -enc UTF-8 "$1" - 2>/dev/null | tr '\n\f' '  ' | tr -s ' '
}
have_pdf=0
command -v pdftotext >/dev/null && command -v pdfimages >/dev/null &&
	command -v pdftoppm >/dev/null && have_pdf=1

# ------------------------------------------------------- without a style

mkdir "$T/plain"
cd "$T/plain" || exit 1
run cr-render --to html --now $NOW "$R"
unlike "$out" 'class="brand"' "no style: no agency block in html"
unlike "$out" 'class="reply"' "no style: no reply line in html"
run cr-render --to txt --now $NOW "$R"
unlike "$out" "Please confirm" "no style: no reply line in txt"
unlike "$out" "-- " "no style: no signature in txt"

# ----------------------------------------- the examples' style, from below

cd "$EX/en" || exit 1
run cr-render --to html --now $NOW acme-2026-11-20.yaml
is "$rc" 0 "examples/en: html, exit 0"
like "$out" '<span class="agency">Sunrise Agency</span>' "the agency's name (found in the parent folder)"
like "$out" '<img alt="" src="data:image/svg+xml;base64,' "the SVG logo inline"
like "$out" '<p class="reply">Please confirm this report, or send your corrections, within 48 hours.</p>' \
	"the reply line, 48 hours by default"
run cr-render --to txt --now $NOW acme-2026-11-20.yaml
like "$out" "Please confirm this report, or send your corrections, within 48 hours.

-- 
Linh Tran
Sunrise Agency" "txt: the reply line, then the signature"
run cr-render --to html --audience internal --now $NOW acme-2026-11-20.yaml
unlike "$out" 'class="reply"' "the internal copy asks nobody to confirm"

if [ $have_pdf = 1 ]; then
	run cr-render --to pdf --now $NOW -o "$T/en.pdf" acme-2026-11-20.yaml
	t=$(pdftext "$T/en.pdf")
	like "$t" "Contact report Sunrise Agency Storyboard review" "pdf: the agency's name in the header"
	like "$t" "Please confirm this report, or send your corrections, within 48 hours." \
		"pdf: the reply line on the client's copy"
	# the SVG logo is drawn as vectors: its orange at the top left
	pdftoppm -r 20 -f 1 -l 1 "$T/en.pdf" "$T/en"
	is "$($PYTHON - "$T/en-1.ppm" <<'PY'
import sys
d = open(sys.argv[1], "rb").read()
parts = d.split(b"\n", 3)
w, h = map(int, parts[1].split())
px = parts[3]
orange = 0
for y in range(int(h * 0.03), int(h * 0.08)):
    for x in range(int(w * 0.06), int(w * 0.16)):
        r, g, b = px[3 * (y * w + x):3 * (y * w + x) + 3]
        orange += r > 200 and 60 < g < 200 and b < 90
print("orange" if orange else "none")
PY
)" orange "pdf: the SVG logo drawn in the header"
	run cr-render --to pdf --audience internal --now $NOW -o "$T/int.pdf" acme-2026-11-20.yaml
	unlike "$(pdftext "$T/int.pdf")" "Please confirm" "pdf: no reply line on the internal copy"
else
	skip "poppler-utils not there"
fi

# the nearest style wins: examples/zh has its own, with a PNG logo
cd "$EX/zh" || exit 1
run cr-render --to html --now $NOW huaxia-2026-11-19.md
like "$out" '<span class="agency">星河广告</span>' "examples/zh: its own agency"
like "$out" 'src="data:image/png;base64,iVBORw0KGgo' "examples/zh: the PNG logo inline"
like "$out" '请在 48 小时内确认本报告，或提出修改意见。' "the reply line in the report's language"
if [ $have_pdf = 1 ]; then
	run cr-render --to pdf --now $NOW -o "$T/zh.pdf" huaxia-2026-11-19.md
	is "$(pdfimages -list "$T/zh.pdf" 2>/dev/null | awk '$3 == "image"' | wc -l | tr -d ' ')" 1 \
		"pdf: the PNG logo embedded as an image"
	like "$(pdftext "$T/zh.pdf")" "星河广告" "pdf: the Chinese agency name"
else
	skip "poppler-utils not there"
fi

# ------------------------------------------------------------- --config

cd "$T/plain" || exit 1
printf 'agency: ACME Partners\nreply-hours: 0\n' >"$T/zero.yaml"
run cr-render --to html --config "$T/zero.yaml" --now $NOW "$R"
like "$out" '<span class="agency">ACME Partners</span>' "--config: its agency"
unlike "$out" 'class="reply"' "reply-hours: 0: no reply line in html"
unlike "$out" '<img' "no logo: no image"
run cr-render --to txt --config "$T/zero.yaml" --now $NOW "$R"
unlike "$out" "Please confirm" "reply-hours: 0: no reply line in txt"
if [ $have_pdf = 1 ]; then
	run cr-render --to pdf --config "$T/zero.yaml" --now $NOW -o "$T/zero.pdf" "$R"
	unlike "$(pdftext "$T/zero.pdf")" "Please confirm" "reply-hours: 0: no reply line in pdf"
else
	skip "poppler-utils not there"
fi
printf 'reply-hours: 24\n' >"$T/day.yaml"
run cr-render --to txt --lang ru --config "$T/day.yaml" --now $NOW "$R"
like "$out" "Просим подтвердить отчет или прислать исправления в течение 24 ч." \
	"reply-hours: 24, in Russian"
unlike "$out" "-- " "no agency: no signature"
# a conversion takes no house style
run cr-render --to yaml --config "$T/nowhere.yaml" "$R"
is "$rc" 0 "--to yaml: the house style is not read"

# ------------------------------------------------------------- problems

run cr-render --to html --config "$T/nowhere.yaml" "$R"
is "$rc" 2 "--config missing: exit 2"
like "$err" "nowhere.yaml" "--config missing: named"
printf 'agnecy: X\nreply-hours: soon\nlogo: [a]\n' >"$T/bad.yaml"
run cr-render --to html --config "$T/bad.yaml" "$R"
is "$rc" 2 "a bad house style: exit 2"
is "$err" "$T/bad.yaml:1:1: error: unknown key 'agnecy' in the house style; did you mean 'agency'? [unknown-field]
$T/bad.yaml:2:14: error: 'reply-hours' is a whole number of hours from 0 (no reply line) to 8760 [bad-value]
$T/bad.yaml:3:7: error: 'logo' is one line of text [bad-value]
cr-render: $T/bad.yaml: fix the house style first" "every problem, with its position"
is "$out" "" "a bad house style: nothing rendered"
printf 'logo: missing.png\n' >"$T/nologo.yaml"
run cr-render --to html --config "$T/nologo.yaml" "$R"
is "$rc" 2 "logo missing: exit 2"
like "$err" "$T/missing.png" "logo missing: the path beside the style"
printf 'not an image\n' >"$T/logo.gif"
printf 'logo: logo.gif\n' >"$T/gif.yaml"
run cr-render --to html --config "$T/gif.yaml" "$R"
is "$rc" 2 "logo neither PNG nor SVG: exit 2"
like "$err" "is neither a PNG nor an SVG file" "logo neither PNG nor SVG: says so"

done_testing
