"""The signed token of a reply e-mail's one-click unsubscribe link (``/comments/unsubscribe/``).

It names the reader only; it does not expire, like a newsletter's unsubscribe link (RFC 8058
links must keep working in old messages). A damaged or forged token reads as None.
"""

from django.core import signing

SALT = "masthead.comments.unsubscribe"


def unsubscribe_token(user_id: int) -> str:
    return signing.dumps(user_id, salt=SALT, compress=False)


def read_unsubscribe_token(token: str) -> int | None:
    try:
        value = signing.loads(token[:200], salt=SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None
