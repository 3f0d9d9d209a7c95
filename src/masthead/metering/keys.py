"""The reader key scheme: how the meter, gift links, callouts and reader events tell readers
apart. Its one home, at the bottom of the layers, so every app can use it.

A signed-in reader is their account, ``u:<user id>``; anyone else is their device,
``d:<device id>`` (the id in the signed ``mh_device`` cookie)::

    >>> user_key(7), device_key("5b0f")
    ('u:7', 'd:5b0f')
    >>> is_account_key("u:7"), is_account_key("d:5b0f")
    (True, False)
    >>> is_device_key("d:5b0f"), is_reader_key("ip:10.0.0.1")
    (True, False)

Keys are at most 64 characters (``MeterView.reader_key``): a 32-character device id fits.
"""

from __future__ import annotations

USER_PREFIX = "u:"
DEVICE_PREFIX = "d:"
#: What a column of reader keys holds, for its ``help_text``.
KEY_HELP = f"{USER_PREFIX}<user id> or {DEVICE_PREFIX}<device id>"


def user_key(user_id: int | str) -> str:
    """The key of a signed-in reader's account."""
    return f"{USER_PREFIX}{user_id}"


def device_key(device_id: str) -> str:
    """The key of an anonymous reader's device."""
    return f"{DEVICE_PREFIX}{device_id}"


def is_account_key(key: str) -> bool:
    """Whether ``key`` names an account (rather than a device)."""
    return key.startswith(USER_PREFIX)


def is_device_key(key: str) -> bool:
    """Whether ``key`` names an anonymous reader's device."""
    return key.startswith(DEVICE_PREFIX)


def is_reader_key(key: str) -> bool:
    """Whether ``key`` is a reader key at all (an account's or a device's)."""
    return key.startswith((USER_PREFIX, DEVICE_PREFIX))
