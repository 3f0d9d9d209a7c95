"""The production batching path, in real server processes: events are buffered, written by the
timer while the server idles, and whatever is left is written when the server is stopped."""

import time
import urllib.request

import pytest

from masthead.access.identity import device_cookie_value, new_device_id
from masthead.events.models import ReaderEvent
from tests import factories
from tests.support.live import live_server

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.xdist_group("live")]


def _view(url, device):
    cookie = f"mh_device={device_cookie_value(device)}"
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200


def _wait_for(count, key, seconds):
    deadline = time.monotonic() + seconds
    while ReaderEvent.objects.filter(reader_key=key).count() < count:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def test_events_survive_an_idle_worker_and_a_stop(world):
    pages = [factories.article(world) for _ in range(5)]
    first, second = new_device_id(), new_device_id()
    with live_server(workers=1, extra_env={"MASTHEAD_EVENTS_IMMEDIATE": "0"}) as base:
        _view(base + pages[0].public_path, first)
        _view(base + pages[1].public_path, first)
        # Buffered, not written yet: the timer writes them while the worker idles.
        assert _wait_for(2, f"d:{first}", seconds=8), "the idle worker kept its events"
        for page in pages:
            _view(base + page.public_path, second)
    # The stop (SIGTERM) wrote the rest: no event was lost.
    kinds = list(
        ReaderEvent.objects.filter(reader_key=f"d:{second}")
        .order_by("id")
        .values_list("kind", flat=True)
    )
    assert kinds == ["view_counted"] * 3 + ["wall_shown"] * 2
