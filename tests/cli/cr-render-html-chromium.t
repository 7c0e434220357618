#!/bin/sh
# The HTML page in a real browser (headless Chromium): every example in
# the four languages, and a long report, at 1200 and at 390 px (a phone).
# One page holds them all as srcdoc iframes of that width; a script
# writes, for each, document.documentElement.scrollWidth and the short
# labels that wrap (table headings, status words, due dates, names,
# header labels: CJK must not break inside a word) or a table wider than
# its column, and --dump-dom reads it back. Asserted: no horizontal
# scrolling (scrollWidth <= the width), no short label on two lines, every
# table within the text column. Each language's longest example is
# also screenshotted at both widths (kept in $CR_SHOTS when set).
. "${CR_SRC:-.}/tests/cli/lib.sh"
NOW=2026-11-22T12:00:00+07:00
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}

if [ -z "$CHROMIUM" ] || [ ! -x "$CHROMIUM" ]; then
	skip "chromium not there (scripts/install-deps --check installs it)"
	done_testing
	exit 0
fi

# chrome ARGS...: one headless run in a fresh profile, nothing fetched.
chrome() {
	rm -rf "$T/profile"
	mkdir "$T/profile"
	"$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$T/profile" --hide-scrollbars "$@" 2>/dev/null
}

mkdir "$T/pages"
for f in "$CR_SRC"/examples/*/*.yaml "$CR_SRC"/examples/*/*.md; do
	name=$(basename "${f%.*}")
	aud=client
	grep -q '^confidentiality: *\(internal\|confidential\)' "$f" &&
		aud=internal
	for l in en vi zh ru; do
		(cd "$(dirname "$f")" && "$CR_BIN/cr-render" --to html --lang $l \
			--audience $aud --now $NOW -o "$T/pages/$name.$l.html" "$f")
	done
done
# a long report: many actions, long words and a long link in the cells
{
	sed -n '1,/^agreements:/p' "$CR_SRC/tests/data/pdf/en.yaml"
	echo "  - Client approves creative route B."
	echo "actions:"
	i=1
	while [ $i -le 40 ]; do
		echo "  - what: BEGIN$i prepare the regional media plan for https://acme.example/campaigns/summer-2027/regional-plans/northern-provinces-$i END$i"
		echo "    who: Linh Tran"
		echo "    due: 2026-12-$(printf %02d $((i % 28 + 1)))"
		echo "    note: Supercalifragilisticexpialidociousandthensomemoreletterswithoutanyplacetobreakthemnumber$i"
		i=$((i + 1))
	done
} >"$T/long.yaml"
"$CR_BIN/cr-render" --to html --now $NOW -o "$T/pages/long.en.html" "$T/long.yaml"
n=$(ls "$T/pages" | wc -l)
# four languages of every example, and the long report
want=$(( $(find "$CR_SRC/examples" -name '*.yaml' ! -name '.*' -o -name '*.md' ! -name '.*' | wc -l) * 4 + 1 ))
ok "$([ "$n" -eq "$want" ]; echo $?)" "$want pages rendered ($n)"

# measure WIDTH: "NAME SCROLLWIDTH WRAPPED-LABELS" for every page
measure() {
	$PYTHON - "$T/pages" "$1" >"$T/all.$1.html" <<'PY'
import html, os, sys
d, w = sys.argv[1], sys.argv[2]
print("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>")
for n in sorted(os.listdir(d)):
    src = open(os.path.join(d, n), encoding="utf-8").read()
    print("<iframe data-name='%s' width='%s' height='900' style='border:0;display:block' srcdoc=\"%s\"></iframe>"
          % (n, w, html.escape(src, quote=True)))
print("""<pre id='out'></pre><script>
window.addEventListener('load', function () {
  var out = [];
  document.querySelectorAll('iframe').forEach(function (f) {
    var doc = f.contentDocument, bad = [];
    doc.querySelectorAll('th, .word, .flag, dl.meta dt, .persons .name').forEach(function (e) {
      if (e.getClientRects().length === 0) return;
      var r = doc.createRange(); r.selectNodeContents(e);
      var tops = {};
      Array.prototype.forEach.call(r.getClientRects(), function (c) { if (c.width > 0) tops[Math.round(c.top)] = 1; });
      if (Object.keys(tops).length > 1) bad.push(e.textContent.replace(/\\s+/g, '_'));
    });
    doc.querySelectorAll('table').forEach(function (t) {
      if (t.getBoundingClientRect().right > t.parentNode.getBoundingClientRect().right + 1) bad.push('table-wider-than-its-column');
    });
    out.push(f.dataset.name + ' ' + doc.documentElement.scrollWidth + ' ' + (bad.join(',') || '-'));
  });
  document.getElementById('out').textContent = out.join('\\n');
});
</script></body></html>""")
PY
	chrome --virtual-time-budget=10000 --window-size="$(($1 + 40)),1000" \
		--dump-dom "file://$T/all.$1.html" >"$T/dom.$1"
	$PYTHON -c '
import html, re, sys
m = re.search(r"<pre id=\"out\">(.*?)</pre>", open(sys.argv[1], encoding="utf-8").read(), re.S)
print(html.unescape(m.group(1)) if m else "")' "$T/dom.$1"
}

for w in 1200 390; do
	measure $w >"$T/m.$w"
	is "$(wc -l <"$T/m.$w" | tr -d ' ')" "$want" "$w px: every page measured"
	wide=$(awk -v w=$w '$2 > w' "$T/m.$w")
	is "$wide" "" "$w px: no page scrolls sideways (scrollWidth <= $w)"
	broken=$(awk '$3 != "-"' "$T/m.$w")
	is "$broken" "" "$w px: no short label or CJK word broken over two lines, no table wider than the column"
done

# printed (Chromium's print to PDF, read back with pdftotext): every page
# carries the confidentiality statement and its number, an internal copy
# its banner at the head of every page too, and no row is split
if command -v pdftotext >/dev/null; then
	"$CR_BIN/cr-render" --to html --audience internal --now $NOW \
		-o "$T/long.int.html" "$T/long.yaml"
	for c in en int; do
		chrome --no-pdf-header-footer --print-to-pdf="$T/print.$c.pdf" \
			"file://$T/$( [ $c = en ] && echo pages/long.en.html || echo long.int.html)"
		np=$(pdfinfo "$T/print.$c.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
		ok "$([ "${np:-0}" -ge 2 ]; echo $?)" "printed $c: several pages (${np:-0})"
		bad=""
		p=1
		while [ "$p" -le "${np:-0}" ]; do
			pdftotext -enc UTF-8 -f $p -l $p "$T/print.$c.pdf" "$T/p$p.txt"
			grep -q "Page $p of $np" "$T/p$p.txt" || bad="$bad $p:number"
			if [ $c = en ]; then
				grep -q "Confidentiality: Client" "$T/p$p.txt" || bad="$bad $p:level"
			else
				[ "$(grep -c "Internal — not for the client" "$T/p$p.txt")" -ge 2 ] ||
					bad="$bad $p:banner"
			fi
			p=$((p + 1))
		done
		is "$bad" "" "printed $c: the statement and the number on every page"
		split=""
		i=1
		while [ $i -le 40 ]; do
			b=$(grep -l "BEGIN$i " "$T"/p*.txt | head -1)
			e=$(grep -l "END$i\b" "$T"/p*.txt | head -1)
			[ -n "$b" ] && [ "$b" = "$e" ] || split="$split $i"
			i=$((i + 1))
		done
		is "$split" "" "printed $c: no action row split across pages"
		rm -f "$T"/p*.txt
	done
else
	skip "pdftotext not there: the printed pages are not read"
fi

# screenshots: the longest example of each language, at both widths
for p in acme-2026-11-20.en suaviet-2026-11-10.vi huaxia-2026-11-19.zh sever-2026-11-18.ru; do
	for w in 1200 390; do
		rm -f "$T/shot.png"
		(cd "$T" && chrome --window-size=$w,1600 --screenshot="$T/shot.png" \
			"file://$T/pages/$p.html")
		size=$($PYTHON -c '
import struct, sys
b = open(sys.argv[1], "rb").read(24)
print("%dx%d" % struct.unpack(">II", b[16:24]) if b[:8] == b"\x89PNG\r\n\x1a\n" else "none")' "$T/shot.png" 2>/dev/null)
		is "$size" "${w}x1600" "$p: screenshot at $w px"
		[ -n "${CR_SHOTS:-}" ] && mkdir -p "$CR_SHOTS" &&
			cp "$T/shot.png" "$CR_SHOTS/$p.$w.png"
	done
done

done_testing
