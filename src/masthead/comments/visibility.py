"""Whether a reader may read an article's comments: only if they may read the whole article.

A comment can quote gated text, so the thread follows the article's gate. The answer comes from
the gate itself (``access.gate.decide``, which never writes) on a channel that never counts, so
loading a thread never spends a free article::

    may_read_comments(reader_for_request(request), snapshot)   # True or False

``decide`` settles subscribers, promotions, free and sponsored articles, and the
subscribers-only wall. A metered article is open to the reader only once it is on their meter
this month (they opened the page, which counted it): the meter store's read-only ``has_read``
says so, without creating a device or counting anything. A meter store that cannot be reached
shows the count and no comments.
"""

from django.utils import timezone

from masthead.access.gate import Channel, decide
from masthead.access.readers import ReaderContext
from masthead.access.stores import MeterStoreUnavailable, get_meter_store
from masthead.metering import month_key

# Comments are a channel that never counts; the gate answers it as it answers search results.
COMMENTS_CHANNEL = Channel.SEARCH


def may_read_comments(ctx: ReaderContext, article, now=None, *, room: bool = False) -> bool:
    """``article`` is a page or its snapshot (anything the gate's ``decide`` takes).

    ``room=True`` also answers yes for a metered article the reader has not opened yet but
    still has a free article for (they may read it whenever they like): what *posting* asks,
    since a post shows nothing of the thread. Reading the thread never uses ``room``.
    """
    now = now or timezone.now()
    gated = decide(ctx, article, now=now, channel=COMMENTS_CHANNEL)
    if gated.full_text:
        return True
    assessment = gated.assessment
    if assessment.outcome is not None:  # settled without the meter: walled
        return False
    key = ctx.known_meter_key()
    if key is None:
        return False
    month = month_key(now, gated.policy.time_zone)
    try:
        store = get_meter_store()
        if store.has_read(key, month, article.pk):
            return True
        return room and assessment.limit is not None and store.count(key, month) < assessment.limit
    except MeterStoreUnavailable:
        return False
