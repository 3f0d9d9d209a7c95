"""Exactness under concurrency: 20 parallel requests from one reader who is one article short of
the allowance, served by 2 server processes, yield exactly one more full article."""

import re
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.utils import timezone

from masthead.access.identity import device_cookie_value, new_device_id
from masthead.access.policy import current_policy
from masthead.access.stores import get_meter_store
from masthead.metering import month_key
from tests import factories
from tests.factories import CANARY
from tests.support.live import live_server

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.xdist_group("live")]


def _get(url, cookie):
    request = urllib.request.Request(url, headers={"Cookie": f"mh_device={cookie}"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, response.read().decode()


def test_twenty_parallel_requests_one_short_of_the_allowance_yield_exactly_one(world):
    articles = [factories.article(world) for _ in range(22)]
    device = new_device_id()
    cookie = device_cookie_value(device)
    with live_server(workers=2) as base:
        for a in articles[:2]:
            status, html = _get(base + a.public_path, cookie)
            assert status == 200 and CANARY in html
        with ThreadPoolExecutor(max_workers=20) as pool:
            results = list(pool.map(lambda a: _get(base + a.public_path, cookie), articles[2:]))

    assert all(status == 200 for status, _ in results)
    full = [html for _, html in results if CANARY in html]
    walled = [html for _, html in results if 'data-paywall="registration"' in html]
    assert len(full) == 1, [re.findall(r"data-meter-remaining=\"\d+\"", h) for h in full]
    assert len(walled) == 19
    assert re.search(r'data-meter-remaining="0"', full[0])
    month = month_key(timezone.now(), current_policy().time_zone)
    assert get_meter_store().count(f"d:{device}", month) == 3
