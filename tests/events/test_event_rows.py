"""The buffer's rows (``events.bulk.event_row``, written by ``insert_rows``) store what the model
would: every column, the defaults, choices by value, times in UTC, and all or nothing."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from masthead.events import buffer
from masthead.events.bulk import COLUMNS, event_row, insert_rows
from masthead.events.kinds import EventKind, Source
from masthead.events.models import ReaderEvent
from masthead.metering import ReaderStatus

pytestmark = pytest.mark.django_db

AT = datetime(2026, 11, 30, 23, 59, 58, 123456, tzinfo=UTC)


def test_the_rows_columns_are_the_models():
    model = [f.column for f in ReaderEvent._meta.concrete_fields if f.column != "id"]
    assert sorted(COLUMNS) == sorted(model)


def test_a_row_stores_what_the_model_would():
    insert_rows(
        [
            event_row(
                kind=EventKind.VIEW_COUNTED,
                created_at=AT,
                reader_key="d:abc",
                article_id=7,
                status=ReaderStatus.ANONYMOUS,
                source=Source.SEARCH,
                remaining=2,
                amount=Decimal("4.50"),
            )
        ]
    )
    saved = ReaderEvent.objects.get()
    assert saved.kind == "view_counted" and saved.status == "anonymous"
    assert saved.source == "search"  # the value, not the name
    assert saved.created_at == AT
    assert saved.amount == Decimal("4.50") and saved.remaining == 2
    model = ReaderEvent(kind="view_counted", created_at=AT)
    for field in ("channel", "wall", "counted", "variant", "propensity", "utm_source", "trial"):
        assert getattr(saved, field) == getattr(model, field), field


@pytest.mark.django_db(transaction=True)  # as the flushing thread writes: autocommit
def test_a_batch_is_written_whole_or_not_at_all():
    good = event_row(kind="wall_shown", created_at=AT, reader_key="d:1")
    bad = event_row(kind="wall_shown", created_at=None, reader_key="d:2")  # NOT NULL
    assert buffer.write([good, bad]) is False
    assert not ReaderEvent.objects.exists()
    assert buffer.write([good]) is True
    assert list(ReaderEvent.objects.values_list("reader_key", flat=True)) == ["d:1"]
