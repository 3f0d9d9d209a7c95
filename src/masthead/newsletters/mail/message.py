"""One newsletter message: headers per RFC 2369/2919/8058, HTML and plain-text parts, and an
optional DKIM signature that covers the List-Unsubscribe headers.

The Message-ID is derived from the delivery row (``<issue.delivery.hash@domain>``), so a
message that has to be sent again after a crash carries the same Message-ID: receiving
systems treat the two copies as one message.
"""

import hashlib
from email.utils import formatdate, parseaddr
from functools import cache
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from .fast import PreparedMessage, encode_address, encode_header

SIGNED_HEADERS = [
    b"from", b"to", b"subject", b"date", b"message-id", b"list-id",
    b"list-unsubscribe", b"list-unsubscribe-post", b"mime-version", b"content-type",
]  # fmt: skip


def _domain(address: str) -> str:
    return parseaddr(address)[1].rpartition("@")[2] or urlsplit(settings.SITE_URL).hostname


@cache
def _dkim_key() -> bytes | None:
    if not settings.DKIM_KEY_FILE:
        return None
    with open(settings.DKIM_KEY_FILE, "rb") as fh:
        return fh.read()


def _dkim_signer(from_email: str):
    key = _dkim_key()
    if key is None:
        return None
    # Imported here, not at the top: dkim and dnspython hold about 7 MB, and every server
    # process loads this module (through the admin's hooks) but only a sender signs.
    import dkim

    domain = (settings.DKIM_DOMAIN or _domain(from_email)).encode()
    selector = settings.DKIM_SELECTOR.encode()

    def sign(data: bytes) -> bytes:
        present = {
            line.split(b":", 1)[0].lower() for line in data.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
        }
        headers = [h for h in SIGNED_HEADERS if h in present]
        return dkim.sign(data, selector, domain, key, include_headers=headers, linesep=b"\r\n")

    return sign


class NewsletterMessage(EmailMultiAlternatives):
    """An ``EmailMultiAlternatives`` (what ESP backends through anymail read) whose
    ``message()`` — what SMTP, console and file backends serialize — is a ``PreparedMessage``:
    the same RFC 5322 bytes without the ``email`` package's costly generator, DKIM-signed when
    a key is configured (an ESP signs with its own key)."""

    def message(self, *args, **kwargs):
        headers = [
            ("From", encode_address(self.from_email)),
            ("To", ", ".join(encode_address(a) for a in self.to)),
            ("Subject", encode_header(self.subject)),
        ]
        if self.reply_to:
            headers.append(("Reply-To", ", ".join(encode_address(a) for a in self.reply_to)))
        headers += [(k, v) for k, v in self.extra_headers.items()]
        html = next(content for content, mimetype in self.alternatives if mimetype == "text/html")
        return PreparedMessage(headers, self.body, html, _dkim_signer(self.from_email))


def message_id(issue_id: int, delivery_id: int, from_email: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{issue_id}:{delivery_id}".encode())
    return f"<nl.{issue_id}.{delivery_id}.{digest.hexdigest()[:12]}@{_domain(from_email)}>"


def build_message(issue, to: str, html: str, text: str, unsub_url: str, msg_id: str):
    newsletter = issue.newsletter
    sender = newsletter.from_email
    mailto = f"mailto:{parseaddr(sender)[1]}?subject=unsubscribe%20{newsletter.slug}"
    site_host = urlsplit(settings.SITE_URL).hostname
    headers = {
        "Message-ID": msg_id,
        "Date": formatdate(localtime=False),
        "List-Id": f"{newsletter.name.replace('<', '').replace('>', '')} "
        f"<{newsletter.slug}.{site_host}>",
        "List-Unsubscribe": f"<{unsub_url}>, <{mailto}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "X-Masthead-Issue": str(issue.pk),
    }
    message = NewsletterMessage(
        subject=issue.subject,
        body=text,
        from_email=sender,
        to=[to],
        reply_to=[newsletter.reply_to] if newsletter.reply_to else None,
        headers=headers,
    )
    message.attach_alternative(html, "text/html")
    return message
