"""A real SMTP server (aiosmtpd) in a thread of the test process, recording what it accepts.

``answers`` maps an address to an SMTP reply (e.g. ``"451 4.3.0 try later"``) that the
server gives instead of accepting a message for it, a given number of times.
"""

import email
import email.policy
import threading
from collections import Counter
from contextlib import contextmanager

from aiosmtpd.controller import Controller

from tests.support.live import free_port


class Sink:
    def __init__(self):
        self.lock = threading.Lock()
        self.messages: list = []
        self.answers: dict[str, list[str]] = {}
        self.raw: list[tuple[str, bytes]] = []

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            for rcpt in envelope.rcpt_tos:
                queued = self.answers.get(rcpt.lower())
                if queued:
                    return queued.pop(0)
            parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
            for rcpt in envelope.rcpt_tos:
                self.messages.append((rcpt.lower(), parsed))
                self.raw.append((rcpt.lower(), envelope.original_content or envelope.content))
        return "250 OK"

    def per_address(self) -> Counter:
        with self.lock:
            return Counter(rcpt for rcpt, _ in self.messages)

    def ids_per_address(self) -> dict[str, set]:
        with self.lock:
            found: dict[str, set] = {}
            for rcpt, msg in self.messages:
                found.setdefault(rcpt, set()).add(msg["Message-ID"])
            return found

    def raw_to(self, address: str) -> list[bytes]:
        with self.lock:
            return [raw for rcpt, raw in self.raw if rcpt == address.lower()]

    def to(self, address: str):
        with self.lock:
            return [m for rcpt, m in self.messages if rcpt == address.lower()]


@contextmanager
def smtp_sink():
    sink = Sink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        sink.port = port
        yield sink
    finally:
        controller.stop()
