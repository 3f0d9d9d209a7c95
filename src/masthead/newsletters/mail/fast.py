"""Serializing a newsletter message without the ``email`` package's generator.

Every recipient's message has the same structure; building it with ``email.mime`` costs several
milliseconds of header folding and encoding each time — more than the SMTP exchange itself.
``PreparedMessage`` writes the same RFC 5322 bytes directly: ASCII headers (the subject and
names RFC 2047-encoded once per issue), a ``multipart/alternative`` body with a plain-text and
an HTML part in quoted-printable (``binascii``, in C). Backends that serialize a message
(SMTP, console, files) call ``message().as_bytes()``; ESP backends through anymail read the
``EmailMessage`` fields instead and never see this.
"""

import binascii
import secrets
from email.header import Header
from functools import lru_cache

from django.core.mail.message import sanitize_address


@lru_cache(maxsize=256)
def encode_header(value: str) -> str:
    """An RFC 2047 encoded-word form of a header value (cached: subjects and senders repeat)."""
    try:
        value.encode("ascii")
    except UnicodeEncodeError:
        return Header(value, "utf-8").encode()
    return value if len(value) < 900 else Header(value).encode()


@lru_cache(maxsize=256)
def encode_address(address: str) -> str:
    """An address header value in ASCII (RFC 2047 names, IDNA domains), as Django does it."""
    return sanitize_address(address, "utf-8")


def _qp(text: str) -> bytes:
    # Line breaks stay CRLF; b2a_qp keeps lines under 76 characters with soft breaks.
    data = text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")
    return (
        binascii.b2a_qp(data, istext=True, header=False)
        .replace(b"\n", b"\r\n")
        .replace(b"\r\r\n", b"\r\n")
    )


def _fold(name: str, value: str) -> str:
    """One header line, folded at ", " so that no line exceeds the recommended 78 characters.
    CR and LF never reach a header (no header injection from a subject or a name)."""
    value = value.replace("\r", " ").replace("\n", " ")
    line = f"{name}: {value}"
    if len(line) <= 78 or ", " not in value:
        return line
    return f"{name}: " + ",\r\n ".join(value.split(", "))


class PreparedMessage:
    def __init__(self, headers: list[tuple[str, str]], text: str, html: str, signer=None):
        self.headers, self.text, self.html, self.signer = headers, text, html, signer

    def get_charset(self):
        return None  # ASCII throughout (the console backend asks)

    def __getitem__(self, name: str):
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def get(self, name: str, default=None):
        found = self[name]
        return default if found is None else found

    def as_bytes(self, linesep: str = "\r\n", **kwargs) -> bytes:
        boundary = "==mh" + secrets.token_hex(12)
        head = [_fold(k, v) for k, v in self.headers]
        head += [
            "MIME-Version: 1.0",
            f'Content-Type: multipart/alternative; boundary="{boundary}"',
        ]
        part = (
            'Content-Type: text/{}; charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable'
        )
        out = b"\r\n".join(
            [
                "\r\n".join(head).encode("ascii"),
                b"",
                f"--{boundary}\r\n{part.format('plain')}\r\n".encode(),
                _qp(self.text),
                f"--{boundary}\r\n{part.format('html')}\r\n".encode(),
                _qp(self.html),
                f"--{boundary}--".encode(),
                b"",
            ]
        )
        if self.signer is not None:
            out = self.signer(out) + out
        return out if linesep == "\r\n" else out.replace(b"\r\n", linesep.encode())

    def as_string(self, *args, **kwargs) -> str:
        return self.as_bytes().decode("ascii")
