"""Turning a request (or an API token's user) into the reader the meter engine reasons about."""

from dataclasses import dataclass

from django.utils import timezone

from masthead.billing.selectors import entitlement_for
from masthead.metering import Lapse, Reader, ReaderKind, ReaderStatus
from masthead.metering.keys import device_key, user_key


@dataclass
class ReaderContext:
    """A reader as the gate sees it: the engine's ``Reader`` plus how to key their meter."""

    reader: Reader
    user: object | None
    device: object | None  # access.identity.DeviceIdentity for anonymous readers

    @property
    def status(self) -> ReaderStatus:
        """What the reader is told they are: anonymous, registered or subscriber (``account``:
        a lapsed reader is registered; ``ReaderStatus.of(ctx.reader)`` tells the lapse)."""
        return ReaderStatus.of(self.reader).account

    @property
    def meter_key(self) -> str | None:
        """The meter's key; for an anonymous reader this creates a device when there is none."""
        if self.user is not None:
            return user_key(self.user.pk)
        if self.device is not None:
            return device_key(self.device.id)
        return None

    def known_meter_key(self) -> str | None:
        """The meter's key without creating a device (reads that must not set a cookie)."""
        if self.user is not None:
            return user_key(self.user.pk)
        device_id = self.device.peek() if self.device is not None else None
        return device_key(device_id) if device_id else None

    def upcoming_meter_key(self) -> str | None:
        """The key a counted view of this request goes under, without creating a device: for a
        brand-new device, the id the meter will give it (``DeviceIdentity.upcoming``)."""
        upcoming = getattr(self.device, "upcoming", None)
        if self.user is None and upcoming is not None:
            return device_key(upcoming())
        return self.known_meter_key()


def reader_for_user(user, device=None, now=None) -> ReaderContext:
    if user is None or not getattr(user, "is_authenticated", False):
        return ReaderContext(Reader(ReaderKind.ANONYMOUS), None, device)
    ent = entitlement_for(user, now or timezone.now())
    if ent.entitled:
        return ReaderContext(Reader(ReaderKind.ENTITLED), user, None)
    lapse = Lapse(ent.lapse) if ent.lapse else None
    return ReaderContext(Reader(ReaderKind.REGISTERED, lapse), user, None)


def reader_for_request(request, now=None) -> ReaderContext:
    cached = getattr(request, "_masthead_reader", None)
    if cached is not None:
        return cached
    user = getattr(request, "user", None)
    ctx = reader_for_user(user, getattr(request, "device", None), now)
    request._masthead_reader = ctx
    return ctx


def is_speculative(request) -> bool:
    """A browser's prefetch or prerender (``Sec-Purpose`` or the older ``Purpose`` header):
    the reader may never open the page, so it must not spend a free article."""
    purpose = request.headers.get("Sec-Purpose") or request.headers.get("Purpose") or ""
    return "prefetch" in purpose.lower()


# Set (in the ASGI scope, which the thread bridge copies into the WSGI environ) by the reader
# path once it has recorded a view, before an error made it hand the request to Django: the
# view is counted and its event logged already. Django records it again, which the meter
# answers as a re-read (so the reader gets the page the count paid for), and logs nothing.
# Not a header: a client cannot send it.
VIEW_RECORDED = "masthead.view_recorded"


def counts_views(request) -> bool:
    """Whether this request may count a view: never for HEAD, never for a prefetch."""
    return request.method != "HEAD" and not is_speculative(request)


def view_logged(request) -> bool:
    """Whether the reader path logged this request's view before Django got it."""
    return bool(request.META.get(VIEW_RECORDED))


def preview_reader(user) -> ReaderContext:
    """The reader of a CMS preview: an editor, who must see the whole draft, uncounted."""
    return ReaderContext(Reader(ReaderKind.ENTITLED), user, None)
