#!/bin/sh
# Every example as the PDF an agency sends, with the examples' house style
# (examples/.cr-render.yaml, examples/zh/.cr-render.yaml): one A4 page in
# each of the four languages (pdfinfo), every font embedded (pdffonts), a
# link annotation for each link of the source (Markdown links and the
# participants' addresses), and the text (pdftotext -layout) equal to the
# golden tests/golden/pdf/NAME.txt. The goldens are found by glob: each
# names an example, and each example has one (CR_UPDATE_GOLDEN=1 writes
# them).
. "${CR_SRC:-.}/tests/cli/lib.sh"
NOW=2026-11-22T12:00:00+07:00
G=$CR_SRC/tests/golden/pdf

if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null ||
	! command -v pdffonts >/dev/null; then
	skip "poppler-utils (pdftotext, pdfinfo, pdffonts) not there"
	done_testing
	exit 0
fi
mkdir -p "$G"

# links FILE.json: the URLs a reader must be able to click, sorted.
links() {
	$PYTHON - "$1" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
urls = []
for k in ("attendees", "absent", "distribution"):
    urls += ["mailto:" + p["email"] for p in r.get(k, []) if p.get("email")]
texts = []
for k in ("agenda", "discussion", "agreements"):
    texts += r.get(k, [])
for a in r.get("actions", []):
    texts += [a.get("what", ""), a.get("note", "")]
for t in texts:
    urls += re.findall(r"\]\((https?://[^)\s]+)\)", t or "")
    urls += re.findall(r"<(https?://[^>\s]+)>", t or "")
for u in sorted(urls):
    print(u)
PY
}

# annots FILE.pdf: the URIs of the link annotations, sorted.
annots() {
	$PYTHON - "$1" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
for u in sorted(m.decode("latin-1") for m in re.findall(rb"/URI \(([^)]*)\)", data)):
    print(u)
PY
}

n=0
for f in "$CR_SRC"/examples/*/*.yaml "$CR_SRC"/examples/*/*.md; do
	name=$(basename "${f%.*}")
	dir=$(dirname "$f")
	aud=client
	grep -q '^confidentiality: *\(internal\|confidential\)' "$f" &&
		aud=internal
	for l in en vi zh ru; do
		(cd "$dir" && run cr-render --to pdf --lang $l --audience $aud \
			--now $NOW -o "$T/$name.$l.pdf" "$f" && echo "$rc" >"$T/rc")
		pages=$(pdfinfo "$T/$name.$l.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
		is "$(cat "$T/rc"):$pages" "0:1" "$name in $l: one page"
	done
	p=$T/$name.pdf
	(cd "$dir" && "$CR_BIN/cr-render" --to pdf --audience $aud --now $NOW \
		-o "$p" "$f")
	fonts=$(pdffonts "$p" 2>/dev/null | tail -n +3)
	ok "$([ -n "$fonts" ] && ! printf '%s\n' "$fonts" |
		awk '{ if ($(NF-4) != "yes") bad = 1 } END { exit !bad }'; echo $?)" \
		"$name: every font embedded"
	"$CR_BIN/cr-render" --to json "$f" >"$T/r.json"
	is "$(annots "$p")" "$(links "$T/r.json")" "$name: a link annotation for each link"
	pdftotext -layout -enc UTF-8 "$p" "$T/$name.txt"
	[ -f "$G/$name.txt" ] || [ "${CR_UPDATE_GOLDEN:-}" = 1 ] ||
		_diag "no golden $G/$name.txt (CR_UPDATE_GOLDEN=1 writes it)"
	same_file "$T/$name.txt" "$G/$name.txt" "$name: the text is the golden's"
	# a planned contact (its date after the examples' clock) is sent as
	# its agenda first: that PDF has a golden of its own
	if [ "$(sed -n 's/^date: *//p' "$f" | cut -c1-10)" \> \
		"$(echo $NOW | cut -c1-10)" ]; then
		(cd "$dir" && "$CR_BIN/cr-render" --agenda --to pdf \
			--audience $aud --now $NOW -o "$T/$name.agenda.pdf" "$f")
		pdftotext -layout -enc UTF-8 "$T/$name.agenda.pdf" \
			"$T/$name.agenda.txt"
		same_file "$T/$name.agenda.txt" "$G/$name.agenda.txt" \
			"$name: the agenda's text is the golden's"
	fi
	n=$((n + 1))
done

# every golden names an example: none is left behind by a renamed one
for g in "$G"/*.txt; do
	name=$(basename "$g" .txt)
	name=${name%.agenda}
	set -- "$CR_SRC"/examples/*/"$name".yaml "$CR_SRC"/examples/*/"$name".md
	found=0
	for e in "$@"; do [ -f "$e" ] && found=1; done
	is "$found" 1 "golden $name.txt: its example exists"
done
ok "$([ "$n" -gt 0 ]; echo $?)" "examples found ($n)"

done_testing
