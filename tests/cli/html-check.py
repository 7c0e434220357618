"""html-check.py FILE: parse an HTML5 page with Python's html.parser and
print every structural problem (nothing when the page is well formed):
unclosed or stray end tags, duplicate attributes, a missing doctype,
character references that do not resolve, and any external resource."""
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


class Check(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.stack, self.problems, self.doctype = [], [], False

    def say(self, what):
        self.problems.append("%d:%d: %s" % (self.getpos()[0],
                                            self.getpos()[1] + 1, what))

    def handle_decl(self, decl):
        self.doctype = decl.lower() == "doctype html"

    def handle_starttag(self, tag, attrs):
        names = [k for k, _ in attrs]
        if len(names) != len(set(names)):
            self.say("duplicate attribute in <%s>" % tag)
        for k, v in attrs:
            if k in ("src", "href") and tag in ("link", "script", "img",
                                                "iframe", "object"):
                self.say("external resource %s=%s" % (k, v))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.say("</%s> does not close <%s>" % (
                tag, self.stack[-1] if self.stack else "nothing"))
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def handle_entityref(self, name):
        import html.entities
        if name not in html.entities.name2codepoint:
            self.say("unknown entity &%s;" % name)


p = Check()
p.feed(open(sys.argv[1], encoding="utf-8").read())
p.close()
if not p.doctype:
    p.problems.append("no <!DOCTYPE html>")
for t in p.stack:
    p.problems.append("<%s> never closed" % t)
print("\n".join(p.problems))
