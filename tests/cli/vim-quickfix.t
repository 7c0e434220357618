#!/bin/sh
# Diagnostic columns are display columns (SPEC 3): vim reads cr-lint's
# output with the errorformat of cr-lint(1) and puts the cursor on the
# offending word of a Vietnamese (a tab and combining-free NFC letters
# before it) and a Chinese report (wide characters before it), YAML and
# Markdown.
. "${CR_SRC:-.}/tests/cli/lib.sh"
cd "$CR_SRC" || exit 1
NOW="--now 2026-11-27T10:00:00+07:00"

VIM=$(command -v vim || command -v vim.basic || command -v vim.tiny || true)
if [ -z "$VIM" ]; then
	skip "vim not installed (scripts/install-deps --check)"
	done_testing
	exit 0
fi

# the errorformat documented in cr-lint(1)
EFM='%f:%l:%v: %t%*[^:]: %m'
grep -F -q "$EFM" man/cr-lint.1
ok $? "cr-lint(1) gives the errorformat $EFM"

# quickfix N ERRFILE: line, virtual column and the text from the cursor
# on after vim jumps to the N-th entry
quickfix() {
	(cd "$T" && "$VIM" -es -N -u NONE -i NONE --cmd 'set encoding=utf-8' \
		-c "let &errorformat = '$EFM'" -c "cfile $2" -c "cc $1" \
		-c "call writefile([line('.') . ':' . virtcol([line('.'), col('.') - 1]) . ':' . strpart(getline('.'), col('.') - 1)], 'qf.out')" \
		-c 'qa!' </dev/null >/dev/null 2>&1)
	cat "$T/qf.out"
}

fields() { # client: the fields of a small report, up to its discussion
	printf 'title: T\nclient: %s\ntype: meeting\ndate: 2026-11-20 14:00 +07:00\n' "$1"
	printf 'issued: 2026-11-20 18:00 +07:00\nauthor: Lan\nattendees: [Lan]\n'
	printf 'next_contact: 2026-12-01\nagreements: [ok]\n'
	printf 'actions:\n  - {what: x, who: Lan, due: 2026-12-01}\n'
}

# in_text LANG CLIENT ITEM WORD COL REST: a discussion item whose WORD
# cr-lint finds at display column COL; vim's cursor lands on it, with REST
# the text from there on
in_text() {
	{
		fields "$2"
		printf 'discussion:\n  - %s\n' "$3"
	} >"$T/$1.yaml"
	(cd "$T" && "$CR_BIN/cr-lint" $NOW "$1.yaml" 2>"errs-$1")
	n=$(grep -n "$4" "$T/$1.yaml" | cut -d: -f1)
	like "$(cat "$T/errs-$1")" "$1.yaml:$n:$5: warning: '$4'" "$1: display column $5"
	got=$(quickfix 1 "errs-$1")
	is "${got%%:*}" "$n" "$1: vim on line $n"
	like ":${got#*:}" ":$(($5 - 1)):$6" "$1: vim's cursor on '$4' (virtual column $5)"
}
# Vietnamese: a tab (to column 17) and accented letters before the word
in_text vi "Sữa Việt" "$(printf 'Khách hàng\tanh ấy thô lỗ với nhóm')" "thô lỗ" 24 "thô lỗ với nhóm"
# Chinese: four wide characters before the word
in_text zh 华夏茶饮 "客户态度恶劣，拒绝签字" "态度恶劣" 9 "态度恶劣，拒绝签字"

# Chinese Markdown: an unknown owner in the actions table
cat >"$T/zh.md" <<'EOF'
---
client: 华夏茶饮
type: meeting
date: 2026-11-20 14:00 +07:00
issued: 2026-11-20 18:00 +07:00
author: 王磊
next_contact: 2026-12-01
---
# 创意方案评审

## 与会者
- 王磊

## 达成一致
1. 方案一

## 下一步行动
| 事项 | 负责人 | 期限 |
|---|---|---|
| 完成主视觉设计 | 张伟 | 2026-12-01 |
EOF
(cd "$T" && "$CR_BIN/cr-lint" $NOW zh.md 2>errs-md)
like "$(cat "$T/errs-md")" "zh.md:20:20: warning: owner '张伟'" "zh md: display column 20"
got=$(quickfix 1 errs-md)
is "${got%%:*}" 20 "zh md: vim on line 20"
like ":${got#*:}" ":19:张伟 | 2026-12-01 |" "zh md: vim's cursor on the owner (virtual column 20)"

done_testing
