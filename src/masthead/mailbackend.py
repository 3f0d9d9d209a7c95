"""The demo's e-mail backend: each message written as one RFC 5322 file
(``<data dir>/mail/<time>-<n>.eml``), so an editor can open what readers would receive, and one
line on the console saying who it is for, its subject and the file::

    e-mail to reader@example.com: Confirm your newsletter sign-up (.masthead/mail/20261206-...eml)

(The whole MIME message of every e-mail on the console drowned the server's log.)"""

import itertools
import os
import time

from django.conf import settings
from django.core.mail.backends.console import EmailBackend as ConsoleBackend

_seq = itertools.count(1)


class DemoEmailBackend(ConsoleBackend):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.directory = settings.DATA_DIR / "mail"

    def write_message(self, message):
        self.directory.mkdir(parents=True, exist_ok=True)
        data = message.message().as_bytes(linesep="\r\n")
        name = f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{next(_seq):06d}.eml"
        path = self.directory / name
        path.write_bytes(data)
        to = ", ".join(message.recipients())
        subject = " ".join(str(message.subject).split())
        self.stream.write(f"e-mail to {to}: {subject} ({path})\n")
