"""Signed tokens in newsletter links: per-recipient unsubscribe, e-mail sign-up confirmation,
and (when tracking is on) click redirects and open pixels.

Unsubscribe tokens never expire (a List-Unsubscribe link must keep working in old mail);
confirmation links expire after ``OPTIN_MAX_AGE``. A forged or damaged token is ``None``.
"""

import re

from django.core import signing

OPTIN_MAX_AGE = 2 * 24 * 3600
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


def optin_token(email: str, slugs: list[str], source: str) -> str:
    return signing.dumps({"e": email, "n": slugs, "s": source}, salt="masthead.newsletters.optin")


def read_optin_token(token: str) -> dict | None:
    if not token or len(token) > 2000:
        return None
    try:
        data = signing.loads(token, salt="masthead.newsletters.optin", max_age=OPTIN_MAX_AGE)
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
