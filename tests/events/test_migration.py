"""The move of reader events from ``access`` to ``events`` keeps the old rows, merged into the
new kinds (one row per view), and can be reversed."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from masthead.events.models import ReaderEvent

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("access", "0003_alter_metersettings_last_article_message_and_more")]
AFTER = [("access", "0004_move_reader_events_to_events")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture(autouse=True)
def _back_to_the_latest_migrations():
    """Migrating access back to 0003 also unapplies its later migrations (experiments, ...):
    leave the database fully migrated for the tests that run after this one on the worker."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_old_rows_move_into_the_events_app():
    old_apps = _migrate(BEFORE)
    Old = old_apps.get_model("access", "ReaderEvent")
    t1, t2 = datetime(2026, 11, 3, 9, tzinfo=UTC), datetime(2026, 11, 3, 10, tzinfo=UTC)
    common = {"reader_key": "d:" + "a" * 32, "status": "anonymous", "channel": "web"}
    Old.objects.bulk_create(
        [
            Old(kind="view_counted", article_id=1, created_at=t1, **common),
            Old(kind="meter_message", article_id=1, created_at=t1, **common),
            Old(kind="meter_message", article_id=1, created_at=t2, **common),
            Old(kind="wall_shown", article_id=2, wall="registration", created_at=t2, **common),
            Old(
                kind="view_free", article_id=3, created_at=t2, **{**common, "status": "subscriber"}
            ),
        ]
    )
    new_apps = _migrate(AFTER)
    New = new_apps.get_model("events", "ReaderEvent")
    rows = list(New.objects.order_by("created_at", "id").values_list("kind", "outcome", "month"))
    assert rows == [
        ("view_counted", "metered", "2026-11"),
        ("view_reread", "metered", "2026-11"),
        ("wall_shown", "walled", "2026-11"),
        ("view_subscriber", "full", "2026-11"),
    ]
    back = _migrate(BEFORE)
    assert back.get_model("access", "ReaderEvent").objects.count() == 4
    assert not ReaderEvent.objects.exists()  # moved back, not copied
    again = _migrate(AFTER).get_model("events", "ReaderEvent")
    assert again.objects.count() == 4
