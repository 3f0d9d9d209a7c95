"""CSRF strings for the reader path's pages, as Django's ``middleware.csrf`` makes them, from one
read of the system's random source instead of one per character.

Django's ``_get_new_csrf_string`` draws each of 32 characters with ``secrets.choice``, and
``_mask_cipher_secret`` draws a new mask of 32 the same way for every token it masks: about
150 µs a signed-in reader's page, most of it the random source. Here the bytes come from one
``secrets.token_bytes`` call. A byte of 248 or more is dropped, so each of the 62 characters
stays equally likely. The mask and the cipher are Django's (``tests/readerpath/
test_csrf_tokens.py`` unmasks them with Django's ``_unmask_cipher_token`` and posts a form
with one through ``CsrfViewMiddleware``)::

    secret = new_secret()          # a cookie's secret: 32 characters
    token = masked(secret)         # a form's token: mask + cipher, 64 characters
"""

import secrets

from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH

_COUNT = len(CSRF_ALLOWED_CHARS)
_LIMIT = 256 - 256 % _COUNT  # bytes below it map onto the characters evenly
_INDEX = {c: i for i, c in enumerate(CSRF_ALLOWED_CHARS)}


def new_secret(length: int = CSRF_SECRET_LENGTH) -> str:
    """``length`` characters of ``CSRF_ALLOWED_CHARS``, each drawn uniformly."""
    out: list[str] = []
    while len(out) < length:
        for byte in secrets.token_bytes(length + 8):  # 3% of bytes are dropped: rarely a 2nd
            if byte < _LIMIT:
                out.append(CSRF_ALLOWED_CHARS[byte % _COUNT])
                if len(out) == length:
                    break
    return "".join(out)


def masked(secret: str) -> str:
    """Django's ``_mask_cipher_secret``: a new random mask, then the secret shifted by it."""
    mask = new_secret()
    cipher = "".join(
        CSRF_ALLOWED_CHARS[(_INDEX[s] + _INDEX[m]) % _COUNT]
        for s, m in zip(secret, mask, strict=True)
    )
    return mask + cipher
