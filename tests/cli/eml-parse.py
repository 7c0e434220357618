#!/usr/bin/python3
"""eml-parse.py FILE WHAT - read a message with Python's email package
(policy=default: RFC 2047 words decoded, addresses parsed) and print one
part of it, for the cr-render eml tests:

  names       the header names, one per line, in order
  header:NAME the decoded value of header NAME (each, one per line)
  from|to|cc  the mailboxes, one per line, as "Display Name <addr>"
  body        the text/plain part, decoded
  attachments "filename<TAB>content-type<TAB>first 5 bytes" per attachment
  raw-headers the undecoded header block as written
"""
import sys
from email import policy
from email.parser import BytesParser


def mailboxes(msg, name):
    for h in msg.get_all(name, []):
        for a in h.addresses:
            yield f"{a.display_name} <{a.addr_spec}>"


def main():
    path, what = sys.argv[1], sys.argv[2]
    with open(path, "rb") as f:
        data = f.read()
    msg = BytesParser(policy=policy.default).parsebytes(data)
    if msg.defects:
        print("defects:", msg.defects, file=sys.stderr)
        return 1
    if what == "names":
        for k in msg.keys():
            print(k)
    elif what.startswith("header:"):
        for v in msg.get_all(what[7:], []):
            print(str(v))
    elif what in ("from", "to", "cc"):
        for m in mailboxes(msg, what):
            print(m)
    elif what == "body":
        part = msg.get_body(preferencelist=("plain",))
        sys.stdout.write(part.get_content())
        print(part.get_content_type(), part.get_content_charset(),
              sep="; charset=", file=sys.stderr)
    elif what == "attachments":
        for part in msg.iter_attachments():
            payload = part.get_content()
            print(part.get_filename(), part.get_content_type(),
                  payload[:5].decode("latin-1"), sep="\t")
    elif what == "save-attachment":
        for part in msg.iter_attachments():
            sys.stdout.buffer.write(part.get_content())
            break
    elif what == "raw-headers":
        sys.stdout.write(data.split(b"\n\n", 1)[0].decode("ascii"))
        print()
    else:
        print("unknown part", what, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
