"""Events older than the retention period are deleted; a bad setting stops the start."""

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.events.kinds import EventKind
from masthead.events.models import ReaderEvent
from masthead.events.retention import events_delete_expired


@pytest.mark.django_db
def test_events_past_retention_are_deleted_the_rest_kept(settings):
    settings.MASTHEAD_EVENT_RETENTION_DAYS = 30
    now = timezone.now()
    ages = [0, 29, 31, 400]
    ReaderEvent.objects.bulk_create(
        ReaderEvent(
            kind=EventKind.VIEW_FREE, reader_key=f"d:{age}", created_at=now - timedelta(days=age)
        )
        for age in ages
    )
    assert events_delete_expired(now) == 2
    assert sorted(ReaderEvent.objects.values_list("reader_key", flat=True)) == ["d:0", "d:29"]
    assert events_delete_expired(now) == 0


@pytest.mark.parametrize("value", ["thirteen", "0", "-5"])
def test_a_bad_retention_setting_names_the_variable(value):
    env = dict(os.environ, MASTHEAD_EVENT_RETENTION_DAYS=value)
    result = subprocess.run(
        [sys.executable, "-c", "import masthead.settings"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "MASTHEAD_EVENT_RETENTION_DAYS" in result.stderr
