"""Signed tokens in newsletter links: per-recipient unsubscribe, e-mail sign-up confirmation,
and (when tracking is on) click redirects and open pixels.

Unsubscribe tokens never expire (a List-Unsubscribe link must keep working in old mail) and
only ever manage newsletters; confirmation links confirm once, within ``OPTIN_MAX_AGE``, and can
sign a reader in only within ``OPTIN_SIGNIN_MAX_AGE`` and only in the browser that asked (the
token carries a hash of that browser's nonce cookie). A forged or damaged token is ``None``.
"""

import hashlib
import re
import secrets

from django.core import signing

OPTIN_MAX_AGE = 2 * 24 * 3600
OPTIN_SIGNIN_MAX_AGE = 30 * 60
OPTIN_COOKIE = "masthead_optin"
_SALT = "masthead.newsletters.optin"
_NONCE = re.compile(r"[A-Za-z0-9_-]{32}")
_unsubscribe = signing.Signer(salt="masthead.newsletters.unsubscribe")
_tracking = signing.Signer(salt="masthead.newsletters.tracking")
_TOKEN = re.compile(r"[0-9]{1,18}\.[0-9]{1,18}:[A-Za-z0-9_-]{20,100}")
_TRACK = re.compile(r"[0-9]{1,18}(\.[0-9]{1,4})?:[A-Za-z0-9_-]{20,100}")


def unsubscribe_token(user_id: int, newsletter_id: int) -> str:
    return _unsubscribe.sign(f"{user_id}.{newsletter_id}")


def read_unsubscribe_token(token: str) -> tuple[int, int] | None:
    """(user id, newsletter id) of a valid token, else None."""
    if not token or not _TOKEN.fullmatch(token):
        return None
    try:
        user_id, newsletter_id = _unsubscribe.unsign(token).split(".")
    except signing.BadSignature:
        return None
    return int(user_id), int(newsletter_id)


def optin_nonce(cookie: str | None) -> str:
    """The browser's opt-in nonce: its cookie's when well-formed, else a fresh one."""
    if cookie and _NONCE.fullmatch(cookie):
        return cookie
    return secrets.token_urlsafe(24)


def _nonce_hash(nonce: str) -> str:
    return hashlib.sha256(f"{_SALT}:{nonce}".encode()).hexdigest()[:32]


def optin_token(email: str, slugs: list[str], source: str, nonce: str = "") -> str:
    data = {"e": email, "n": slugs, "s": source}
    if nonce:
        data["b"] = _nonce_hash(nonce)
    return signing.dumps(data, salt=_SALT)


def optin_signs_in(token: str, data: dict, cookie: str | None) -> bool:
    """Whether this confirmation may sign its reader in: still fresh, and confirmed in the
    browser that asked for it (a forwarded mail, or one opened on another device, cannot)."""
    if not data.get("b") or not cookie or not _NONCE.fullmatch(cookie):
        return False
    if not secrets.compare_digest(data["b"], _nonce_hash(cookie)):
        return False
    try:
        signing.loads(token, salt=_SALT, max_age=OPTIN_SIGNIN_MAX_AGE)
    except (signing.BadSignature, ValueError):
        return False
    return True


def read_optin_token(token: str) -> dict | None:
    if not token or len(token) > 2000:
        return None
    try:
        data = signing.loads(token, salt=_SALT, max_age=OPTIN_MAX_AGE)
    except (signing.BadSignature, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("e"), str):
        return None
    if not isinstance(data.get("n"), list) or not all(isinstance(s, str) for s in data["n"]):
        return None
    return data


def tracking_token(delivery_id: int, link: int | None = None) -> str:
    """An open pixel's token (delivery) or a click's (delivery and the link's number)."""
    return _tracking.sign(str(delivery_id) if link is None else f"{delivery_id}.{link}")


def read_tracking_token(token: str) -> tuple[int, int | None] | None:
    if not token or not _TRACK.fullmatch(token):
        return None
    try:
        value = _tracking.unsign(token)
    except signing.BadSignature:
        return None
    delivery, _, link = value.partition(".")
    return int(delivery), (int(link) if link else None)
