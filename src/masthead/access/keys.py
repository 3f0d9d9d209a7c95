"""The reader key scheme: how the meter, gift links and callouts tell readers apart.

A signed-in reader is their account, ``u:<user id>``; anyone else is their device,
``d:<device id>`` (the id in the signed ``mh_device`` cookie)::

    >>> user_key(7), device_key("5b0f")
    ('u:7', 'd:5b0f')
    >>> is_account_key("u:7"), is_account_key("d:5b0f")
    (True, False)

Keys are at most 64 characters (``MeterView.reader_key``): a 32-character device id fits.
"""

USER_PREFIX = "u:"
DEVICE_PREFIX = "d:"


def user_key(user_id) -> str:
    return f"{USER_PREFIX}{user_id}"


def device_key(device_id: str) -> str:
    return f"{DEVICE_PREFIX}{device_id}"


def is_account_key(key: str) -> bool:
    return key.startswith(USER_PREFIX)
