"""``MASTHEAD_EMAIL_URL`` turned into Django's mail settings (read by settings.py only): the
site's outgoing mail, for accounts, billing, newsletters and comments alike, so it lives with
the site, not with any app (standard library only).

* unset: the demo backend — every message on the console and one ``.eml`` file per message
  under ``<data dir>/mail/``;
* ``smtp://user:password@host:port`` — SMTP, STARTTLS when the server offers it is not
  assumed: use ``smtp+tls://`` (STARTTLS, port 587 by default) or ``smtps://`` (TLS from the
  first byte, port 465 by default); user and password are percent-decoded;
* ``anymail://<provider>`` — any provider django-anymail supports (``mailgun``, ``postmark``,
  ``amazon_ses``, ``sendgrid``, ``brevo``, ...), configured by ``MASTHEAD_ANYMAIL`` (JSON);
* ``console://`` — the console only.

A bad value raises ``ValueError`` with a message; settings.py names the variable.
"""

import re
from urllib.parse import parse_qs, unquote, urlsplit

DEMO_BACKEND = "masthead.mailbackend.DemoEmailBackend"
_PROVIDER = re.compile(r"[a-z][a-z0-9_]{1,40}")


def email_settings(url: str) -> dict:
    if not url:
        return {"EMAIL_BACKEND": DEMO_BACKEND}
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if scheme == "anymail":
        provider = parts.netloc or parts.path.strip("/")
        if not _PROVIDER.fullmatch(provider):
            raise ValueError("anymail://<provider>, e.g. anymail://postmark")
        return {"EMAIL_BACKEND": f"anymail.backends.{provider}.EmailBackend"}
    if scheme not in {"smtp", "smtps", "smtp+tls"}:
        raise ValueError("use smtp://, smtp+tls://, smtps://, anymail://<provider> or console://")
    if not parts.hostname:
        raise ValueError("the URL names no host")
    try:
        port = parts.port
    except ValueError as exc:
        raise ValueError("the port is not a number") from exc
    query = parse_qs(parts.query)
    timeout = float(query.get("timeout", ["30"])[0])
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port or {"smtp": 25, "smtps": 465, "smtp+tls": 587}[scheme],
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": scheme == "smtps",
        "EMAIL_USE_TLS": scheme == "smtp+tls",
        "EMAIL_TIMEOUT": timeout,
    }
