"""Meter rows of closed months are pruned (the ``prune_meter`` command and its task), so
cookieless views do not fill the database forever (issue 11, item 8)."""

from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import call_command

from masthead.access.models import MeterView
from masthead.access.pruning import meter_prune

pytestmark = pytest.mark.django_db


def _rows(*months: str) -> None:
    MeterView.objects.bulk_create(
        [MeterView(reader_key=f"d:{i}", month=m, article_id=i) for m in months for i in range(3)]
    )


def test_prune_keeps_the_current_month_in_the_publication_time_zone(settings):
    settings.TIME_ZONE = "America/New_York"
    _rows("2026-10", "2026-11", "2026-12")
    # 02:00 UTC on 1 December is still November in New York: November stays open.
    result = meter_prune(now=datetime(2026, 12, 1, 2, 0, tzinfo=UTC))
    assert result.closed_before == "2026-11"
    assert result.database_rows == 3
    assert sorted(set(MeterView.objects.values_list("month", flat=True))) == ["2026-11", "2026-12"]


def test_prune_meter_command_reports_what_it_removed():
    _rows("2000-01", "2000-02")
    out = StringIO()
    call_command("prune_meter", stdout=out)
    assert "6 meter row(s)" in out.getvalue()
    assert not MeterView.objects.exists()


def test_prune_meter_task_runs_the_same_prune():
    from masthead.access.tasks import prune_meter

    _rows("2000-03")
    result = prune_meter.enqueue()
    assert result.return_value["database_rows"] == 3
    assert not MeterView.objects.exists()
