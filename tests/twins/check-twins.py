#!/usr/bin/env python3
"""Twins: a report in YAML and the same report in Markdown must give the
same cr-lint findings at the same spots.

usage: check-twins.py CR_BIN NOW A B

A and B are twins (one YAML, one Markdown). Both are linted with
`--format json`; the findings are paired in order of (rule, message with
positions taken out). Each pair must be at the same spot: the same line
and column when both point at the document start, else the text at the
position (up to a blank, a pipe, a comma or the line end, quotes and list
markers dropped) must be the same in both files. Prints one line per
mismatch and exits 1 if there is any.
"""
import json
import re
import subprocess
import sys
import unicodedata


def lint(crbin, now, path):
    p = subprocess.run([crbin + "/cr-lint", "--now", now, "--format", "json",
                        "--config", "/dev/null", path],
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit("cr-lint %s: exit %d: %s" % (path, p.returncode, p.stderr))
    return json.loads(p.stdout)


def char_index(text, col):
    """The index of the character at display column col (SPEC 3: wide
    two columns, combining marks none, a tab to the next multiple of 8)."""
    c = 1
    for i, ch in enumerate(text):
        if c >= col and not unicodedata.combining(ch):
            return i
        if ch == "\t":
            c = ((c - 1) // 8 + 1) * 8 + 1
        elif not unicodedata.combining(ch):
            c += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return len(text)


def token(lines, line, col):
    if line < 1 or line > len(lines):
        return ""
    s = lines[line - 1][char_index(lines[line - 1], col):]
    s = s.lstrip("'\"-*# ")
    return re.split(r"[ |,:'\"]", s, maxsplit=1)[0]


def key(d):
    return (d["rule"], re.sub(r"\d+:\d+|line \d+", "L:C", d["message"]))


def main():
    crbin, now, a, b = sys.argv[1:5]
    da, db = lint(crbin, now, a), lint(crbin, now, b)
    la = open(a, encoding="utf-8").read().split("\n")
    lb = open(b, encoding="utf-8").read().split("\n")
    bad = []
    ka = sorted(da, key=lambda d: (key(d), d["line"], d["column"]))
    kb = sorted(db, key=lambda d: (key(d), d["line"], d["column"]))
    if [key(d) for d in ka] != [key(d) for d in kb]:
        bad.append("different findings:\n  %s\n  %s" % (
            "\n  ".join("%s: %s" % key(d) for d in ka),
            "\n  ".join("%s: %s" % key(d) for d in kb)))
    else:
        for x, y in zip(ka, kb):
            at_start = (x["line"], x["column"]) == (1, 1) == (y["line"], y["column"])
            tx = token(la, x["line"], x["column"])
            ty = token(lb, y["line"], y["column"])
            # dates are normalised by the converter: 2026-11-22 08:00
            # and 2026-11-22T08:00:00+07:00 are the same spot
            same = tx == ty or (min(len(tx), len(ty)) >= 10 and
                                (tx.startswith(ty) or ty.startswith(tx)))
            if not at_start and not same:
                bad.append("%s at %s:%d:%d (%r) but %s:%d:%d (%r)" % (
                    x["rule"], a, x["line"], x["column"], tx,
                    b, y["line"], y["column"], ty))
    for m in bad:
        print(m)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
