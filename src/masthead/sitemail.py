"""Mail the site sends in its own name: a sender with the publication's name and a Message-ID
with the site's domain, for every account, billing and opt-in message (newsletter issues
build their own, ``newsletters/mail/message.py``)::

    >>> site_sender()                      # MASTHEAD_SITE_NAME, MASTHEAD_FROM_EMAIL
    'The Meridian Ledger <newsroom@masthead.local>'
    >>> site_message_id()                  # the host of MASTHEAD_SITE_URL
    '<173....@127.0.0.1>'
    >>> send_site_mail("Welcome", "Hello.", ["ann@example.org"])

Without them a message went out from a bare address, with Django's ``@<this machine's name>``
Message-ID (``@localhost`` on most hosts), both of which spam filters score against.
"""

from email.utils import formataddr, parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, make_msgid


def site_domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def site_sender(address: str = "") -> str:
    """``address`` (default ``DEFAULT_FROM_EMAIL``) with the site's name, unless it has a name."""
    name, addr = parseaddr(address or settings.DEFAULT_FROM_EMAIL)
    return formataddr((name or settings.WAGTAIL_SITE_NAME, addr))


def site_message_id() -> str:
    return make_msgid(domain=site_domain())


def site_headers(headers: dict | None = None) -> dict:
    """``headers`` with a Message-ID of the site's domain (unless they carry one)."""
    return {"Message-ID": site_message_id(), **(headers or {})}


def send_site_mail(subject: str, body: str, to: list[str], html: str = "") -> int:
    message = EmailMultiAlternatives(subject, body, site_sender(), to, headers=site_headers())
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()
