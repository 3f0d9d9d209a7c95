"""Who is reading: an account when signed in, otherwise a device in a signed cookie.

The device cookie holds a random id signed with its own salt::

    mh_device = "5b0f...c1:Xx9k..."      # <device id>:<signature>

A forged, truncated, oversized or otherwise damaged cookie means a new device, never an error.
A new device's cookie is only sent with a response whose view used it (the meter, or a running
experiment's arm it was decided under), so pages that do not meter stay free of Set-Cookie.
"""

import secrets

from django.conf import settings
from django.core import signing

COOKIE_NAME = "mh_device"
COOKIE_SALT = "masthead.access.device"
COOKIE_MAX_AGE = 400 * 24 * 3600  # browsers cap cookie lifetimes at 400 days
MAX_COOKIE_LENGTH = 200
_signer = signing.Signer(salt=COOKIE_SALT)
# Set in the ASGI scope (which the thread bridge copies into the WSGI environ) by the reader
# path for a request without a device cookie: the id it decided and counted under. Should
# Django answer after all, the request keeps that id, so a gift link's redemption and the
# meter's count belong to the cookie the reader gets. Not a header: a client cannot send it.
NEW_DEVICE = "masthead.new_device"


def new_device_id() -> str:
    return secrets.token_hex(16)


def device_from_cookie(value: str | None) -> str | None:
    """The device id in a cookie value, or None when the cookie is absent or not ours."""
    if not value or len(value) > MAX_COOKIE_LENGTH:
        return None
    try:
        device_id = _signer.unsign(value)
    except signing.BadSignature:
        return None
    return device_id if _is_device_id(device_id) else None


def _is_device_id(value: object) -> bool:
    return (
        isinstance(value, str) and len(value) == 32 and all(c in "0123456789abcdef" for c in value)
    )


def device_cookie_value(device_id: str) -> str:
    return _signer.sign(device_id)


def set_device_cookie(response, device_id: str) -> None:
    response.set_cookie(
        COOKIE_NAME,
        device_cookie_value(device_id),
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SITE_HTTPS,
    )


class DeviceIdentity:
    """The request's device: the cookie's id, or a fresh one created on first use."""

    def __init__(self, cookie_value: str | None, upcoming: str | None = None):
        """``upcoming``: the id a new device gets (the reader path's, see ``NEW_DEVICE``)."""
        self._known = device_from_cookie(cookie_value)
        self._id: str | None = self._known
        self._upcoming: str | None = upcoming if _is_device_id(upcoming) else None
        self.used = False

    @property
    def id(self) -> str:
        if self._id is None:
            self._id = self.upcoming()
        self.used = True
        return self._id

    def upcoming(self) -> str:
        """The device's id, or the one ``id`` will create on this request; marks nothing used
        (no cookie), so a view can be decided under the device it is about to count for."""
        if self._id is not None:
            return self._id
        if self._upcoming is None:
            self._upcoming = new_device_id()
        return self._upcoming

    @property
    def is_new(self) -> bool:
        return self._known is None

    def peek(self) -> str | None:
        """The device id if the cookie had one or this request created one; never creates."""
        return self._id
