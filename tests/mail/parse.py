#!/usr/bin/python3
# parse.py - reads one delivered message (tests/mail/mailbox.py's FILE.eml) with Python's
# email package under its strict policy, which raises on any defect, and prints it as JSON for
# the node tests: every header as it was written (raw) and decoded, the body's text, its
# charset and transfer encoding, the longest line in bytes, and the defects found.
#
#   /usr/bin/python3 tests/mail/parse.py FILE.eml
#
# Exits 1, printing {"error": …}, when the strict policy refuses the message.
import email
import email.policy
import json
import sys


def main():
    raw = open(sys.argv[1], "rb").read()
    out = {"raw_headers": [], "headers": [], "defects": []}
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.strict)
        for name, value in msg.raw_items():
            out["raw_headers"].append([name, value])
        for name in msg.keys():
            # Parsing each header under the strict policy raises on a defect.
            out["headers"].append([name, str(msg[name])])
        out["defects"] = [str(d) for d in msg.defects]
        for name in msg.keys():
            out["defects"] += [str(d) for d in msg[name].defects]
        out["content_type"] = msg.get_content_type()
        out["charset"] = msg.get_content_charset()
        out["transfer_encoding"] = msg["Content-Transfer-Encoding"]
        # SMTP carries lines ending CRLF; the text as written has LF.
        out["body"] = msg.get_content().replace("\r\n", "\n")
        out["to_addresses"] = [a.addr_spec for a in msg["To"].addresses] if msg["To"] else []
        out["max_line_bytes"] = max(len(line) for line in raw.split(b"\n"))
        out["header_bytes"] = raw.split(b"\n\n", 1)[0].decode("ascii", "replace")
    except Exception as e:  # the strict policy's MessageDefect, or a header that will not parse
        print(json.dumps({"error": "%s: %s" % (type(e).__name__, e)}))
        sys.exit(1)
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
