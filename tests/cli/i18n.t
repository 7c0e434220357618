#!/bin/sh
# Messages in the user's language (SPEC 3): under LANGUAGE=vi, zh_CN and ru
# cr-lint's findings are translated and keep the line's shape, the
# position, the English severity and the rule id; --help and the tools'
# errors are translated; every message of the sources has a translation in
# every catalogue.
. "${CR_SRC:-.}/tests/cli/lib.sh"
cd "$CR_SRC" || exit 1
NOW="--now 2026-11-27T10:00:00+07:00"
LOC=$CR_SRC/build/locale

for l in vi zh_CN ru; do
	ok "$([ -f "$LOC/$l/LC_MESSAGES/crtools.mo" ] && echo 0 || echo 1)" \
		"$l: the catalogue is built (build/locale)"
done

# A report with findings of many rules, and a broken one
cat >"$T/r.yaml" <<'EOF'
title: Họp nhận brief
client: Công ty Sữa Việt
type: meting
date: 2026-11-20 14:00 +07:00
author: Trần Thu Linh
attendees:
  - Nguyễn Thị Lan
discusion:
  - Anh ấy thô lỗ với nhóm
actions:
  - what: Gửi báo giá
    who: Lê Minh Tuấn
    due: sớm
  - what: Gửi kế hoạch
    who: Nguyễn Thị Lan
    due: 2026-11-21
EOF
printf 'title: [unclosed\n' >"$T/broken.yaml"
IN="$T/r.yaml $T/broken.yaml examples/vi examples/ru"

run cr-lint $NOW $IN
en=$err
en_rc=$rc
printf '%s\n' "$en" >"$T/en.txt"
n=$(wc -l <"$T/en.txt")
ok "$([ "$n" -ge 10 ] && echo 0 || echo 1)" "English: $n findings to compare"

# script LANG: a character class of the language's own letters
script() {
	case $1 in
	vi) echo '[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]' ;;
	zh_CN) echo '[一-鿿]' ;;
	ru) echo '[а-яё]' ;;
	esac
}

for l in vi zh_CN ru; do
	LANGUAGE=$l CR_LOCALEDIR=$LOC run cr-lint $NOW $IN
	is "$rc" "$en_rc" "$l: the same exit status"
	printf '%s\n' "$err" >"$T/$l.txt"
	"$PYTHON" - "$T/en.txt" "$T/$l.txt" "$(script $l)" >"$T/cmp" <<'PY'
import re, sys
shape = re.compile(r'^(.*?:\d+:\d+: (?:error|warning|note): )(.*) (\[[a-z-]+\])$')
en = open(sys.argv[1], encoding='utf-8').read().splitlines()
tr = open(sys.argv[2], encoding='utf-8').read().splitlines()
letters = re.compile(sys.argv[3])
bad = []
if len(en) != len(tr):
    bad.append('%d lines, English %d' % (len(tr), len(en)))
for a, b in zip(en, tr):
    ma, mb = shape.match(a), shape.match(b)
    if not ma or not mb:
        bad.append('shape: ' + b)
        continue
    if ma.group(1) != mb.group(1) or ma.group(3) != mb.group(3):
        bad.append('prefix or rule: ' + b)
    if mb.group(2) == ma.group(2):
        bad.append('untranslated: ' + b)
    # the text of the message without the quoted values
    own = re.sub(r"'[^']*'", '', mb.group(2))
    if not letters.search(own.lower()):
        bad.append('not in the language: ' + b)
print('\n'.join(bad) if bad else 'ok')
PY
	is "$(cat "$T/cmp")" ok "$l: every finding translated, same FILE:LINE:COL: SEVERITY: ... [rule]"
done
like "$(cat "$T/vi.txt")" "warning: khóa 'discusion' không có trong báo cáo; có phải ý bạn là 'discussion'? [unknown-field]" \
	"vi: unknown-field in Vietnamese"
like "$(cat "$T/zh_CN.txt")" "error: type 的值 'meting' 不在" "zh_CN: bad-value in Chinese"
like "$(cat "$T/ru.txt")" "error: срок 'sớm' — не дата" "ru: action-vague-due in Russian"

# JSON output: the same messages, the keys in English
LANGUAGE=vi CR_LOCALEDIR=$LOC run cr-lint $NOW --format json "$T/r.yaml"
like "$out" '"severity": "error", "rule": "bad-value", "message": "giá trị' "vi json: keys and severities English, the message Vietnamese"

# --help and the tools' own errors
LANGUAGE=vi CR_LOCALEDIR=$LOC run cr-wip --help
like "$out" "Tổng hợp các đầu việc của contact report" "vi: cr-wip --help"
like "$out" "--owner NAME" "vi: option names stay"
LANGUAGE=zh_CN CR_LOCALEDIR=$LOC run cr-render --help
like "$out" "转换并呈现客户联络报告" "zh_CN: cr-render --help"
LANGUAGE=ru CR_LOCALEDIR=$LOC run cr-lint --format xml
like "$err" "cr-lint: --format принимает значение gnu, json, sarif или github, а не 'xml'" "ru: a usage error"
is "$rc" 2 "ru: exit status 2 all the same"
LANGUAGE=ru CR_LOCALEDIR=$LOC run cr-lint "$T/missing.yaml"
unlike "$err" "?" "ru: the C library's message in UTF-8, not '?'"

# no catalogue for the language: English
LANGUAGE=fr CR_LOCALEDIR=$LOC run cr-lint $NOW $IN
is "$err" "$en" "fr (no catalogue): English"

# found from the program's own folder (bin/../build/locale), no variable
if [ -d "$CR_BIN/../build/locale" ]; then
	LANGUAGE=vi run cr-lint $NOW "$T/r.yaml"
	like "$err" "có phải ý bạn là 'discussion'?" "catalogue found beside the program"
else
	skip "$CR_BIN is not the build tree's bin/"
fi

# every message of the sources is in the template, translated everywhere
if command -v xgettext >/dev/null && command -v msgfmt >/dev/null; then
	make -s pot POT_OUT="$T/now.pot" >/dev/null 2>&1
	ids() { msgcat --no-wrap --sort-output "$1" | grep '^msgid ' | sort; }
	ids "$T/now.pot" >"$T/ids.now"
	ids po/crtools.pot >"$T/ids.pot"
	same_file "$T/ids.pot" "$T/ids.now" "po/crtools.pot holds every message of the sources (make pot)"
	total=$(grep -c '^msgid ' "$T/ids.pot")
	for l in vi zh_CN ru; do
		ids "po/$l.po" >"$T/ids.$l"
		same_file "$T/ids.$l" "$T/ids.pot" "$l: the catalogue has the template's messages"
		stats=$(msgfmt -c --statistics -o /dev/null "po/$l.po" 2>&1)
		is "$stats" "$((total - 1)) translated messages." "$l: every message translated ($stats)"
	done
else
	skip "gettext tools absent"
fi

done_testing
