#!/bin/sh
# cr-render for people: html and txt of every example in its own language
# and the three others; the client's copy never holds a word of an
# internal note; hostile text comes out inert; refusals and errors.
. "${CR_SRC:-.}/tests/cli/lib.sh"
cd "$CR_SRC" || exit 1
NOW=2026-11-22T12:00:00+07:00

# ------------------------------------------- every example, every language
for f in examples/*/*.yaml examples/*/*.md; do
	aud=client
	grep -q '^confidentiality: *\(internal\|confidential\)' "$f" &&
		aud=internal
	for fmt in html txt; do
		for l in en vi zh ru; do
			run cr-render --to $fmt --lang $l --audience $aud \
				--now $NOW "$f"
			[ "$rc" = 0 ] && [ -n "$out" ] && [ -z "$err" ] ||
				break
		done
		is "$rc/$err" "0/" "$f: $fmt in all four languages"
	done
	run cr-render --to html --audience $aud --now $NOW "$f"
	printf '%s\n' "$out" >"$T/page.html"
	is "$($PYTHON "$CR_SRC/tests/cli/html-check.py" "$T/page.html")" "" \
		"$f: html is well formed"
done

# Labels follow the report's language, or --lang.
run cr-render --to txt --now $NOW examples/vi/suaviet-2026-11-18.yaml
like "$out" "Các bước tiếp theo" "vi: the actions heading in Vietnamese"
like "$out" "18 tháng 11 năm 2026" "vi: the date written long"
run cr-render --to html --lang ru --now $NOW examples/vi/suaviet-2026-11-18.yaml
like "$out" "Следующие шаги" "--lang ru on a Vietnamese report"
like "$out" '<html lang="ru"' "the page's language follows --lang"

# txt: no line wider than 72 columns (CJK counts two).
for f in examples/zh/huaxia-2026-11-19.md examples/vi/suaviet-2026-11-10.md \
	examples/ru/sever-2026-11-11.md examples/en/acme-2026-11-20.yaml; do
	run cr-render --to txt --now $NOW "$f"
	w=$(printf '%s\n' "$out" | $PYTHON -c '
import sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else
               0 if unicodedata.combining(c) else 1 for c in s)
print(max(width(l.rstrip("\n")) for l in sys.stdin))')
	ok "$([ "$w" -le 72 ] && echo 0 || echo 1)" "$f: txt at most 72 columns ($w)"
done

# Overdue rows are marked against --now.
run cr-render --to html --now 2026-11-26T09:00:00+07:00 examples/en/acme-2026-11-20.yaml
like "$out" '<tr class="open overdue">' "an overdue action is marked"
run cr-render --to html --now 2026-11-21T09:00:00+07:00 examples/en/acme-2026-11-20.yaml
unlike "$out" ' overdue">' "nothing overdue the day after the meeting"

# ------------------------------------------ the client copy and internal
# Every word of every internal note that appears nowhere else in the
# report must be absent from the client's html and txt.
for f in examples/*/*.yaml examples/*/*.md; do
	run cr-render --to json "$f"
	printf '%s\n' "$out" >"$T/r.json"
	$PYTHON - "$T/r.json" >"$T/words" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
notes = r.pop("internal", [])
rest = json.dumps(r, ensure_ascii=False).lower()
for n in notes:
    for w in re.findall(r"\w{4,}", n.lower()):
        if w not in rest:
            print(w)
PY
	[ -s "$T/words" ] || continue
	for fmt in html txt; do
		run cr-render --to $fmt --audience internal --now $NOW "$f"
		lower=$(printf '%s' "$out" | $PYTHON -c 'import sys; print(sys.stdin.read().lower())')
		like "$lower" "$(head -1 "$T/words")" "$f: $fmt internal copy has the notes"
		run cr-render --to $fmt --audience client --now $NOW "$f"
		[ "$rc" = 1 ] && continue # an internal report has no client copy
		lower=$(printf '%s' "$out" | $PYTHON -c 'import sys; print(sys.stdin.read().lower())')
		leaked=$(while read -r w; do
			case "$lower" in *"$w"*) echo "$w" ;; esac
		done <"$T/words")
		is "$leaked" "" "$f: $fmt client copy has no word of the internal notes"
	done
done

# Refusals: internal and confidential reports have no client copy.
run cr-render --to html examples/ru/sever-2026-11-18.yaml
is "$rc" 1 "client copy of an internal report: exit 1"
like "$err" "confidentiality: internal" "the message names the reason"
is "$out" "" "nothing written"
sed 's/^confidentiality: internal/confidentiality: confidential/' \
	examples/ru/sever-2026-11-18.yaml >"$T/conf.yaml"
run cr-render --to txt "$T/conf.yaml"
is "$rc" 1 "client copy of a confidential report: exit 1"
run cr-render --to txt --audience internal "$T/conf.yaml"
is "$rc" 0 "the internal copy of a confidential report"
like "$out" "Для внутреннего пользования" "the internal copy is marked, in Russian"

# ----------------------------------------------------------- injection
run cr-render --to html --now $NOW tests/data/render/inject.yaml
is "$rc" 0 "hostile report renders"
printf '%s\n' "$out" >"$T/inject.html"
is "$($PYTHON "$CR_SRC/tests/cli/html-check.py" "$T/inject.html")" "" \
	"hostile page is well formed"
$PYTHON - "$T/inject.html" >"$T/inject.out" <<'PY'
import sys
from html.parser import HTMLParser
bad = []
class P(HTMLParser):
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "img", "object", "embed", "div"):
            bad.append("element " + tag)
        for k, v in attrs:
            if k.startswith("on"):
                bad.append("attribute " + k)
            if k in ("href", "src") and v is not None and \
               not v.lower().startswith(("http://", "https://", "mailto:")):
                bad.append("%s=%s" % (k, v))
P().feed(open(sys.argv[1], encoding="utf-8").read())
print("\n".join(bad))
PY
is "$(cat "$T/inject.out")" "" "no script, iframe, img, handler or unsafe link"
like "$out" "&lt;script&gt;alert(6)&lt;/script&gt;" "raw HTML is shown as text"
like "$out" 'href="https://example.com/?a=1&amp;b=&quot;2&quot;"' "a safe link is kept, escaped"
run cr-render --to txt --now $NOW tests/data/render/inject.yaml
is "$rc" 0 "hostile report as text"
like "$out" '<script>alert("title")</script>' "text shows the title as written"

# ---------------------------------------------------- conversions
for f in examples/*/*.yaml examples/*/*.md; do
	run cr-render --to yaml "$f"
	printf '%s\n' "$out" >"$T/a.yaml"
	STDIN=$T/a.yaml run cr-render --to md
	printf '%s\n' "$out" >"$T/a.md"
	STDIN=$T/a.md run cr-render --to yaml
	printf '%s\n' "$out" >"$T/b.yaml"
	same_file "$T/b.yaml" "$T/a.yaml" "$f: yaml -> md -> yaml is the same"
	STDIN=$T/a.md run cr-render --to md
	printf '%s\n' "$out" >"$T/b.md"
	same_file "$T/b.md" "$T/a.md" "$f: canonical md is a fixed point"
done
run cr-render --to json examples/en/acme-2026-11-20.yaml examples/vi/suaviet-2026-11-18.yaml
printf '%s\n' "$out" | $PYTHON -c 'import json,sys; d=json.load(sys.stdin); print(len(d), d[1]["language"], d[0]["attendees"][0]["org"])' >"$T/j"
is "$(cat "$T/j")" "2 vi Sunrise Agency" "json: an array of two, persons as maps"
run cr-render --to yaml examples/en/acme-2026-11-20.yaml examples/zh/huaxia-2026-11-19.md
is "$(printf '%s\n' "$out" | grep -c '^---$')" 2 "yaml: a stream of two documents"

# ---------------------------------------------------- errors
run cr-render --to html examples/en/acme-2026-11-20.yaml examples/en/acme-2026-11-06.yaml
is "$rc" 2 "html of two reports: usage error"
run cr-render --to docx examples/en/acme-2026-11-20.yaml
is "$rc" 2 "unknown format: exit 2"
run cr-render --lang fr examples/en/acme-2026-11-20.yaml
is "$rc" 2 "unknown language: exit 2"
run cr-render "$T/missing.yaml"
is "$rc" 2 "missing file: exit 2"
like "$err" "cr-render: $T/missing.yaml: No such file or directory" "the message names it"
printf 'title: [unclosed\n' >"$T/broken.yaml"
run cr-render --to html "$T/broken.yaml"
is "$rc" 1 "broken report: exit 1"
like "$err" "$T/broken.yaml:2:1: error:" "its diagnostic, positioned"
like "$err" "nothing rendered" "and nothing rendered"
cp examples/en/acme-2026-11-20.yaml "$T/self.yaml"
run cr-render --to yaml -o "$T/./self.yaml" "$T/self.yaml"
is "$rc" 2 "never writes over its input"
same_file "$T/self.yaml" examples/en/acme-2026-11-20.yaml "the input is untouched"
run cr-render --to txt -o "$T/r.txt" examples/en/acme-2026-11-20.yaml
is "$rc:$(head -c 14 "$T/r.txt")" "0:Contact report" "-o writes the file"
run cr-render --help
like "$out" "cr-render(1)" "--help points to the man page"
done_testing
