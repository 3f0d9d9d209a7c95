"""Reader status: who the reader was at a view, in one word, as reader events store it.

The meter reasons about a ``Reader`` (a kind, and for a registered reader perhaps a lapse);
events, replays, the e-mail channel and the views speak of the same reader by its status. This
is the one table between the two, so a recorded view always replays as the reader it was::

    >>> ReaderStatus.of(Reader(ReaderKind.REGISTERED, Lapse.TRIAL))
    <ReaderStatus.TRIAL_EXPIRED: 'trial-expired'>
    >>> ReaderStatus("access-expired").reader
    Reader(kind=<ReaderKind.REGISTERED: 'registered'>, lapse=<Lapse.ACCESS: 'access'>)
    >>> ReaderStatus.TRIAL_EXPIRED.account, ReaderStatus.SUBSCRIBER.entitled
    (<ReaderStatus.REGISTERED: 'registered'>, True)

``account`` is the three-word status a reader is told (``/api/v1/me/``: anonymous, registered,
subscriber): a lapsed reader is a registered one.
"""

from __future__ import annotations

from enum import StrEnum

from .policy import Lapse, Reader, ReaderKind


class ReaderStatus(StrEnum):
    """A reader's status; the values are stored (``ReaderEvent.status``) and never change."""

    ANONYMOUS = "anonymous"
    REGISTERED = "registered"
    SUBSCRIBER = "subscriber"
    TRIAL_EXPIRED = "trial-expired"
    ACCESS_EXPIRED = "access-expired"

    @classmethod
    def of(cls, reader: Reader) -> ReaderStatus:
        """The status of the meter's ``reader``."""
        return _STATUSES[reader]

    @property
    def reader(self) -> Reader:
        """The meter's reader of this status."""
        return _READERS[self]

    @property
    def entitled(self) -> bool:
        """Whether the reader has full access (an active or trialing subscription, a grant)."""
        return self is ReaderStatus.SUBSCRIBER

    @property
    def anonymous(self) -> bool:
        """Whether the reader is not signed in (a device)."""
        return self is ReaderStatus.ANONYMOUS

    @property
    def account(self) -> ReaderStatus:
        """The status a reader is shown: anonymous, registered (lapsed or not) or subscriber."""
        return ReaderStatus.REGISTERED if self.reader.lapse is not None else self


_READERS = {
    ReaderStatus.ANONYMOUS: Reader(ReaderKind.ANONYMOUS),
    ReaderStatus.REGISTERED: Reader(ReaderKind.REGISTERED),
    ReaderStatus.SUBSCRIBER: Reader(ReaderKind.ENTITLED),
    ReaderStatus.TRIAL_EXPIRED: Reader(ReaderKind.REGISTERED, Lapse.TRIAL),
    ReaderStatus.ACCESS_EXPIRED: Reader(ReaderKind.REGISTERED, Lapse.ACCESS),
}
_STATUSES = {reader: status for status, reader in _READERS.items()}
