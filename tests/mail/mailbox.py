#!/usr/bin/python3
# mailbox.py - the mail server of the tests: Debian's python3-aiosmtpd on a loopback port,
# keeping each message it receives, byte for byte as it came over SMTP, as DIR/NNNNNN.eml,
# with its envelope (sender, recipients) beside it in DIR/NNNNNN.json. Nothing is parsed or
# rewritten here, so the tests see exactly what Liaison's sendmail (msmtp) delivered.
#
#   /usr/bin/python3 tests/mail/mailbox.py DIR [PORT]
#
# PORT 0 (the default) takes a free one. Once listening it writes the port to DIR/port and
# "listening on 127.0.0.1:PORT" to standard output; SIGTERM or SIGINT stops it. A file is
# complete when its .json exists: the .eml is written (and renamed into place) first.
import json
import os
import signal
import socket
import sys
import threading

from aiosmtpd.controller import Controller


class Keep:
    def __init__(self, folder):
        self.folder = folder
        self.lock = threading.Lock()

    def _next(self):
        with self.lock:
            n = len([f for f in os.listdir(self.folder) if f.endswith(".eml")]) + 1
            return "%06d" % n

    async def handle_DATA(self, server, session, envelope):
        name = self._next()
        path = os.path.join(self.folder, name)
        with open(path + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(path + ".eml.tmp", path + ".eml")
        with open(path + ".json.tmp", "w") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}, f)
        os.rename(path + ".json.tmp", path + ".json")
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    folder = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    os.makedirs(folder, exist_ok=True)
    port = port or free_port()
    # decode_data False: the message's bytes as sent, never re-encoded.
    controller = Controller(Keep(folder), hostname="127.0.0.1", port=port, decode_data=False)
    controller.start()
    with open(os.path.join(folder, "port"), "w") as f:
        f.write(str(port))
    print("listening on 127.0.0.1:%d" % port, flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
