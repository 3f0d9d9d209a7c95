"""Events, newsletters and the views speak the meter's vocabulary, not a copy of it."""

from masthead.events.kinds import READER_STATUSES, VIEW_KINDS, EventKind
from masthead.events.models import ReaderEvent
from masthead.metering import DEVICE_MERGED, ReaderStatus, ViewKind
from masthead.newsletters.models import ReaderKind


def test_view_kinds_are_the_meters():
    assert {str(kind) for kind in VIEW_KINDS} == {str(kind) for kind in ViewKind}
    assert EventKind.DEVICE_MERGED == DEVICE_MERGED


def test_stored_statuses_are_the_meters():
    assert [value for value, _ in READER_STATUSES] == [str(s) for s in ReaderStatus]
    assert ReaderEvent._meta.get_field("status").choices == READER_STATUSES


def test_a_newsletter_is_cut_for_meter_statuses():
    assert {ReaderStatus(kind) for kind in ReaderKind} == {
        ReaderStatus.SUBSCRIBER,
        ReaderStatus.REGISTERED,
    }
