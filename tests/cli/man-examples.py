"""man-examples.py OUTDIR FILE...: extract the example commands of man
pages (*.1, *.5) and of Markdown files (README.md), so that the manual's
examples run as tests (jq's tests/man.test idea; tests/cli/man-examples.t
runs them).

The rule, for man pages (mdoc source):
  - only the EXAMPLES section counts;
  - in a `.Dl` line or a `.Bd -literal` ... `.Ed` block, a line starting
    with `$ ` is a command; the lines after it that continue it (the line
    before ends in `\\e`, `&&`, `||` or `|`) belong to it; other lines
    (a configuration file, a crontab line) are not commands;
  - roff escapes are undone (\\e \\- \\& \\(aq \\(dq \\(lq \\(rq \\[uXXXX]);
  - a comment `.\\" needs: REASON` before the `.Dl` or `.Bd` skips the
    block's commands with that reason; `.\\" exit: N` says the commands
    exit N (else 0 is expected);
  - each command must also appear, as written, in the page rendered by
    mandoc (so that what a reader copies is what is run: mdoc would for
    instance glue a trailing "." to the word before it).
For Markdown: every line of a ```sh block that is not blank and not a
comment is a command, continued as above (with `\\` for `\\e`); a comment
line `# needs: REASON` or `# exit: N` applies to the next command.

Writes OUTDIR/NNN.sh (the command) and prints one manifest line a command:
NNN|FILE:LINE|EXPECTED-EXIT|SKIP-REASON|RENDERED (1 when
the command is in the rendered page or the file is Markdown, else 0)."""
import os
import re
import subprocess
import sys

ESCAPES = [("\\e", "\\"), ("\\-", "-"), ("\\&", ""), ("\\(aq", "'"),
           ("\\(dq", '"'), ("\\(lq", '"'), ("\\(rq", '"'), ("\\ ", " ")]


def unroff(s):
    s = re.sub(r"\\\[u([0-9A-Fa-f]{4,6})\]", lambda m: chr(int(m.group(1), 16)), s)
    for a, b in ESCAPES:
        s = s.replace(a, b)
    return s


def continues(line):
    t = line.rstrip()
    return t.endswith("\\") or t.endswith("&&") or t.endswith("||") or t.endswith("|")


def join(lines):
    """Joins a command's lines as sh reads them: backslash-newline goes."""
    out = ""
    for ln in lines:
        t = ln.rstrip()
        out += t[:-1] + " " if t.endswith("\\") else t + "\n"
    return out.rstrip("\n").rstrip()


def rendered(path):
    try:
        txt = subprocess.run(["mandoc", "-T", "utf8", "-O", "width=250", path],
                             capture_output=True, check=True).stdout.decode()
    except (OSError, subprocess.CalledProcessError):
        return None
    txt = re.sub(".\b", "", txt)
    return " ".join(txt.split())


def commands_of_block(lines, first):
    """lines: the literal lines of a block, unescaped; first: the source
    line of the first one. Yields (line, [command lines])."""
    i = 0
    while i < len(lines):
        if not lines[i].startswith("$ "):
            i += 1
            continue
        start, cmd = first + i, [lines[i][2:]]
        while continues(cmd[-1]) and i + 1 < len(lines):
            i += 1
            cmd.append(lines[i])
        i += 1
        yield start, cmd


def from_man(path):
    src = open(path, encoding="utf-8").read().split("\n")
    out, in_ex, notes, i = [], False, {}, 0
    while i < len(src):
        ln = src[i]
        if ln.startswith(".Sh "):
            in_ex = ln.strip() == ".Sh EXAMPLES"
        m = re.match(r'^\.\\"\s*(needs|exit):\s*(.*)$', ln)
        if in_ex and m:
            notes[m.group(1)] = m.group(2).strip()
        elif in_ex and ln.startswith(".Dl "):
            for n, cmd in commands_of_block([unroff(ln[4:])], i + 1):
                out.append((n, cmd, dict(notes)))
            notes = {}
        elif in_ex and ln.startswith(".Bd ") and "-literal" in ln:
            j = i + 1
            while j < len(src) and not src[j].startswith(".Ed"):
                j += 1
            block = [unroff(x) for x in src[i + 1:j]]
            for n, cmd in commands_of_block(block, i + 2):
                out.append((n, cmd, dict(notes)))
            notes, i = {}, j
        elif in_ex and ln.startswith(".") and not ln.startswith('.\\"'):
            notes = {} if ln.startswith((".Pp", ".Sh", ".Ss")) else notes
        i += 1
    return out


def from_markdown(path):
    src = open(path, encoding="utf-8").read().split("\n")
    out, in_sh, notes, i = [], False, {}, 0
    while i < len(src):
        ln = src[i]
        if ln.startswith("```"):
            in_sh = not in_sh and ln.strip() in ("```sh", "```shell", "```console")
            notes = {}
        elif in_sh:
            m = re.match(r"^\s*#\s*(needs|exit):\s*(.*)$", ln)
            if m:
                notes[m.group(1)] = m.group(2).strip()
            elif ln.strip() and not ln.lstrip().startswith("#"):
                start, cmd = i + 1, [ln]
                while continues(cmd[-1]) and i + 1 < len(src):
                    i += 1
                    cmd.append(src[i])
                out.append((start, cmd, notes))
                notes = {}
        i += 1
    return out


def main():
    outdir, files = sys.argv[1], sys.argv[2:]
    os.makedirs(outdir, exist_ok=True)
    k = 0
    for path in files:
        md = path.endswith(".md")
        found = from_markdown(path) if md else from_man(path)
        page = None if md else rendered(path)
        for line, cmd, notes in found:
            k += 1
            text = join(cmd)
            with open(os.path.join(outdir, "%03d.sh" % k), "w", encoding="utf-8") as f:
                f.write(text + "\n")
            ok = 1
            if not md:
                shown = " ".join(("$ " + "\n".join(cmd)).split())
                ok = 1 if page is not None and shown in page else 0
            print("%03d|%s:%d|%s|%s|%d" % (
                k, os.path.basename(path), line, notes.get("exit", "0"),
                notes.get("needs", ""), ok))


main()
