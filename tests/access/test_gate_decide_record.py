"""The gate in two steps: ``decide`` never writes; ``record`` makes the writes of a counting
channel. E-mail (and every channel that never counts) is answered by ``decide`` alone."""

import pytest

from masthead.access.gate import Channel, decide, record
from masthead.access.models import GiftRedemption
from masthead.access.readers import reader_for_user
from masthead.access.selectors import meter_for
from masthead.events.models import ReaderEvent
from masthead.newsroom.snapshots import snapshot_for
from tests import factories
from tests.factories import CANARY

pytestmark = pytest.mark.django_db


def _text(gated) -> str:
    return "".join(block.html for block in gated.preview + gated.rest)


def _writes(ctx) -> tuple[int, int, int]:
    """The reader's meter count in the configured store, reader events, gift redemptions."""
    return meter_for(ctx).used, ReaderEvent.objects.count(), GiftRedemption.objects.count()


@pytest.mark.parametrize("channel", [c for c in Channel if not c.counts])
def test_channels_that_never_count_show_a_metered_article_s_preview_and_write_nothing(
    world, channel
):
    ctx = reader_for_user(factories.user("silent@example.org"))
    snap = snapshot_for(factories.article(world))
    gated = decide(ctx, snap, channel=channel, gift="x" * 43)
    assert gated.preview and not gated.rest and CANARY not in _text(gated)
    assert gated.decision.walled and gated.wall is None and not gated.decision.awaiting_record
    assert _writes(ctx) == (0, 0, 0)
    with pytest.raises(ValueError):
        record(ctx, snap, gated)


def test_email_gives_the_whole_text_to_a_subscriber_and_of_an_open_article(world):
    metered, free = factories.article(world), factories.article(world, access="free")
    subscriber = reader_for_user(factories.subscriber())
    anonymous = reader_for_user(None)
    assert CANARY in _text(decide(subscriber, snapshot_for(metered), channel=Channel.EMAIL))
    open_view = decide(anonymous, snapshot_for(free), channel=Channel.EMAIL)
    assert CANARY in _text(open_view) and open_view.decision.open_to_everyone
    assert _writes(subscriber) == (0, 0, 0)


def test_decide_on_a_counting_channel_awaits_record_and_shows_only_the_preview(world):
    ctx = reader_for_user(factories.user("web@example.org"))
    snap = snapshot_for(factories.article(world))
    gated = decide(ctx, snap, channel=Channel.WEB)
    assert gated.decision.awaiting_meter and CANARY not in _text(gated)
    assert _writes(ctx) == (0, 0, 0)

    final = record(ctx, snap, gated)
    assert final.decision.metered and final.decision.counted and CANARY in _text(final)
    assert _writes(ctx)[:2] == (1, 1)
    # /api/v1/me/ reads the same meter the gate counted on, with the same numbers.
    reading = meter_for(ctx)
    assert (reading.limit, reading.used, reading.remaining) == (
        final.meter.limit,
        final.meter.used,
        final.meter.remaining,
    )


def test_print_views_count_like_the_page_and_are_logged_as_print(client, world):
    page = factories.article(world)
    assert CANARY in client.get(page.public_path + "print/").content.decode()
    assert client.get("/api/v1/me/").json()["meter"]["used"] == 1
    assert set(ReaderEvent.objects.values_list("channel", flat=True)) == {"print"}
