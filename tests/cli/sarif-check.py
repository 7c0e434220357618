"""sarif-check.py SCHEMA RULES_H LOG: validate a SARIF log against the
SARIF 2.1.0 JSON schema, check that tool.driver.rules describes every rule
of lib/cr_rules.h (id, default level, summary) in its order, and print one
line per result: RULE LEVEL URI LINE COL MESSAGE (URI "-" when the location
has none). Problems are printed as "problem: ..." lines; exit 1 if any."""
import json
import re
import sys

import jsonschema

schema_path, rules_path, log_path = sys.argv[1:4]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
with open(log_path, encoding="utf-8") as f:
    log = json.load(f)

problems = []
validator = jsonschema.Draft4Validator(schema)
for e in sorted(validator.iter_errors(log), key=lambda e: list(e.path)):
    problems.append("schema: %s at %s" % (e.message, "/".join(map(str, e.path))))

# The rule table, read from the C source: CR_RULE(ENUM, "name", SEV, "..." "...")
src = open(rules_path, encoding="utf-8").read()
src = re.sub(r"/\*.*?\*/", "", src, flags=re.S)
want = []
for m in re.finditer(r'CR_RULE\(\s*\w+,\s*"([^"]+)",\s*(\w+),\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)', src):
    summary = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(3)))
    want.append((m.group(1), m.group(2).lower(), summary))
if not want:
    problems.append("no rule found in %s" % rules_path)

runs = log.get("runs", [])
if len(runs) != 1:
    problems.append("%d runs, want 1" % len(runs))
else:
    run = runs[0]
    rules = run["tool"]["driver"].get("rules", [])
    got = []
    for r in rules:
        dc = r.get("defaultConfiguration", {})
        level = "off" if dc.get("enabled", True) is False else dc.get("level")
        got.append((r["id"], level, r["shortDescription"]["text"]))
    if got != want:
        for g, w in zip(got + [None] * len(want), want + [None] * len(got)):
            if g != w:
                problems.append("rule: got %r, want %r" % (g, w))
    if run.get("columnKind") != "unicodeCodePoints":
        problems.append("columnKind %r" % run.get("columnKind"))
    ids = [r[0] for r in want]
    for res in run.get("results", []):
        if res.get("ruleIndex") is not None and ids[res["ruleIndex"]] != res["ruleId"]:
            problems.append("ruleIndex %d is not %s" % (res["ruleIndex"], res["ruleId"]))
        loc = res["locations"][0]["physicalLocation"]
        reg = loc.get("region", {})
        print(res["ruleId"], res["level"], loc["artifactLocation"].get("uri", "-"),
              reg.get("startLine", "-"), reg.get("startColumn", "-"),
              res["message"]["text"])
for p in problems:
    print("problem:", p)
sys.exit(1 if problems else 0)
