"""The demo's e-mail backend: each message on the console and as one RFC 5322 file
(``<data dir>/mail/<time>-<n>.eml``), so an editor can open what readers would receive."""

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
        super().write_message(message)
        self.directory.mkdir(parents=True, exist_ok=True)
        data = message.message().as_bytes(linesep="\r\n")
        name = f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{next(_seq):06d}.eml"
        (self.directory / name).write_bytes(data)
