#!/bin/sh
# Every example as a PDF in all four languages, read back with pdftotext:
# the title, every attendee and every action's task come through intact.
# Every example as an e-mail, read back with Python's email package: the
# right addresses and subject, the text body, the PDF attached.
. "${CR_SRC:-.}/tests/cli/lib.sh"
cd "$CR_SRC" || exit 1
NOW=2026-11-22T12:00:00+07:00

if ! command -v pdftotext >/dev/null; then
	skip "pdftotext (poppler-utils) not there"
	done_testing
	exit 0
fi

# The texts a reader must find, one per line, blanks removed: the title
# and client whole; of the names and tasks, which sit in table cells that
# pdftotext interleaves line by line with their neighbours, every word.
wanted() { # json-file audience
	$PYTHON - "$1" "$2" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
whole = [r["title"], r["client"]]
words = [p["name"] for p in r["attendees"]]
words += [a["what"] for a in r["actions"]]
if sys.argv[2] == "internal":
    words += r.get("internal", [])
for t in whole:
    print("".join(t.split()).replace("**", ""))
for t in words:
    for w in t.replace("**", "").split():
        print(w)
PY
}

for f in examples/*/*.yaml examples/*/*.md; do
	aud=client
	grep -q '^confidentiality: *\(internal\|confidential\)' "$f" &&
		aud=internal
	run cr-render --to json "$f"
	printf '%s\n' "$out" >"$T/r.json"
	wanted "$T/r.json" $aud >"$T/want"
	for l in en vi zh ru; do
		run cr-render --to pdf --lang $l --audience $aud --now $NOW \
			-o "$T/r.pdf" "$f"
		pdftotext -enc UTF-8 "$T/r.pdf" - | tr -d ' \n\f' >"$T/text"
		missing=$(while IFS= read -r w; do
			grep -qF -- "$w" "$T/text" || echo "$w"
		done <"$T/want")
		is "$rc:$missing" "0:" "$f: pdf in $l has the title, and every word of names and tasks"
	done
	# The labels are the language's: the actions heading.
	run cr-render --to pdf --lang vi --audience $aud -o "$T/vi.pdf" "$f"
	like "$(pdftotext -enc UTF-8 "$T/vi.pdf" -)" "Trang 1/" "$f: vi footer"

	run cr-render --to eml --audience $aud --now $NOW -o "$T/r.eml" "$f"
	is "$rc" 0 "$f: eml"
	tos=$($PYTHON tests/cli/eml-parse.py "$T/r.eml" to | sed 's/.*<//; s/>$//' | sort | tr '\n' ' ')
	want=$($PYTHON -c '
import json, sys
r = json.load(open(sys.argv[1]))
print(" ".join(sorted(p["email"] for p in r["attendees"] if p.get("email"))), end=" ")' "$T/r.json")
	is "$tos" "$want" "$f: To is every attendee with an address"
	subj=$($PYTHON tests/cli/eml-parse.py "$T/r.eml" header:Subject)
	title=$($PYTHON -c 'import json,sys; print(json.load(open(sys.argv[1]))["title"])' "$T/r.json")
	like "$subj" "$title" "$f: the subject holds the title, decoded"
	att=$($PYTHON tests/cli/eml-parse.py "$T/r.eml" attachments)
	id=$($PYTHON -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$T/r.json")
	is "$att" "$(printf '%s.pdf\tapplication/pdf\t%%PDF-' "$id")" "$f: the PDF attached as $id.pdf"
	run cr-render --to txt --audience $aud --now $NOW "$f"
	printf '%s\n' "$out" >"$T/txt"
	$PYTHON tests/cli/eml-parse.py "$T/r.eml" body >"$T/body" 2>"$T/ct"
	same_file "$T/body" "$T/txt" "$f: the body is the txt rendering"
	is "$(cat "$T/ct")" "text/plain; charset=utf-8" "$f: the body is text/plain UTF-8"
done
done_testing
