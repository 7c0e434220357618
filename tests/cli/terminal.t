#!/bin/sh
# Terminal safety (SPEC 3): ESC sequences, U+202E, U+2066 and embedded
# line ends in a title, an owner and an action reach neither the
# diagnostics (plain and coloured) nor cr-wip's txt table raw; a value
# with a line end never splits a diagnostic line.
. "${CR_SRC:-.}/tests/cli/lib.sh"
cd "$CR_SRC" || exit 1
NOW="--now 2026-11-27T10:00:00+07:00"

# libyaml reads \e, \a, \n and \uXXXX in double-quoted scalars
cat >"$T/r.yaml" <<'EOF'
title: "Launch \e[31mRED\e[0m\nr.yaml:1:1: error: forged [syntax]"
client: ACME
type: meeting
date: 2026-11-20 14:00 +07:00
author: Linh Tran
attendees:
  - Linh Tran
agreements:
  - ok
actions:
  - id: "a\e]0;pwned\a-1"
    what: "Send \u2066plan\u2069, I\nthink\nr.yaml:1:1: error: forged [syntax]"
    who: "Mallory \u202eevil\e[2J\nr.yaml:2:2: error: forged [syntax]"
    due: 2026-11-10
EOF

# raw: the bytes of a C0/C1 control (tab and LF aside) or a bidi override
raw_controls() { # file -> count of offending characters
	"$PYTHON" - "$1" <<'PY'
import re, sys
t = open(sys.argv[1], encoding='utf-8', errors='replace').read()
bad = re.findall('[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]', t)
print(len(bad))
PY
}

run cr-lint $NOW "$T/r.yaml"
is "$rc" 0 "lint: warnings only"
printf '%s\n' "$err" >"$T/err"
is "$(raw_controls "$T/err")" 0 "diagnostics: no raw control or bidi character"
like "$err" "owner 'Mallory \\u202eevil\\x1b[2J\\nr.yaml:2:2: error: forged [syntax]'" \
	"owner: U+202E, ESC and the line end escaped"
like "$err" "action 'a\\x1b]0;pwned\\x07-1' is due" "action id: ESC and BEL escaped"
like "$err" "'I\\nthink' in " "action: the line end inside a finding escaped"
# one line per diagnostic, each of the documented shape
n=$(printf '%s\n' "$err" | wc -l)
shape=$(printf '%s\n' "$err" |
	grep -c '^[^:]*r\.yaml:[0-9]*:[0-9]*: \(error\|warning\|note\): .* \[[a-z-]*\]$')
is "$shape" "$n" "every line of stderr is one diagnostic ($n)"
unlike "$err" "
r.yaml:" "no forged diagnostic line"
unlike "$err" "RED" "the title is never quoted raw"

# a file name with ESC in it (from a directory walk) is escaped too
mkdir "$T/d"
esc=$(printf '\033')
cp "$T/r.yaml" "$T/d/x${esc}[31m.yaml"
run cr-lint $NOW "$T/d"
printf '%s\n' "$err" >"$T/err"
is "$(raw_controls "$T/err")" 0 "file name: no raw ESC"
like "$err" "x\\x1b[31m.yaml:13:10: warning:" "file name: ESC written \\x1b"

# coloured diagnostics (on a terminal): only the colour sequences are raw
"$PYTHON" - "$CR_BIN/cr-lint" "$T/r.yaml" >"$T/tty" <<'PY'
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], '--now', '2026-11-27T10:00:00+07:00', sys.argv[2]])
data = b''
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
os.waitpid(pid, 0)
sys.stdout.write(data.decode('utf-8', 'replace').replace('\r\n', '\n'))
PY
colour=$(sed 's/\x1b\[[0-9;]*m//g' "$T/tty")
printf '%s\n' "$colour" >"$T/tty2"
like "$(cat "$T/tty")" "$(printf '\033[1;35mwarning:')" "tty: coloured"
is "$(raw_controls "$T/tty2")" 0 "tty: nothing raw but the colours"
like "$colour" "owner 'Mallory \\u202eevil\\x1b[2J\\nr.yaml:2:2" "tty: owner escaped"

# cr-wip's txt table: one row, one line; escapes instead of controls
run cr-wip $NOW "$T/r.yaml"
is "$rc" 0 "wip: exit 0"
printf '%s\n' "$out" >"$T/out"
is "$(raw_controls "$T/out")" 0 "wip txt: no raw control or bidi character"
is "$(printf '%s\n' "$out" | wc -l)" 3 "wip txt: heading, rule, one row"
like "$out" "Send \\u2066plan\\u2069, I think r.yaml:1:1: error: forged [syntax]" \
	"wip txt: U+2066/U+2069 escaped, the line end a space"
like "$out" "Mallory \\u202eevil\\x1b[2J r.yaml:2:2" "wip txt: owner escaped"
like "$out" "a\\x1b]0;pwned\\x07-1" "wip txt: id escaped"
# the other formats carry the text itself (their readers are not
# terminals): JSON keeps it exactly
run cr-wip $NOW --to json "$T/r.yaml"
is "$("$PYTHON" -c 'import json,sys; print(ascii(json.load(sys.stdin)[0]["who"]))' <"$T/.out")" \
	"'Mallory \\u202eevil\\x1b[2J\\nr.yaml:2:2: error: forged [syntax]'" \
	"wip json: the owner as written"

done_testing
