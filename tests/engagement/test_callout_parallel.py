"""Parallel double submissions from one device: the database keeps exactly one response."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from django.test import Client

from masthead.engagement.models import CalloutResponse

from .conftest import answer_data, device_cookie, make_callout

pytestmark = pytest.mark.django_db(transaction=True)
PARALLEL = 8


def test_parallel_submissions_from_one_device_store_exactly_one():
    callout = make_callout()
    device_id, cookie = device_cookie()
    data = answer_data(callout)
    barrier = threading.Barrier(PARALLEL)

    def submit(_):
        client = Client()
        client.cookies["mh_device"] = cookie
        try:
            barrier.wait(timeout=30)
            return client.post(f"/callouts/{callout.pk}/answer/", data).status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        statuses = list(pool.map(submit, range(PARALLEL)))

    assert statuses == [303] * PARALLEL
    assert CalloutResponse.objects.filter(callout=callout).count() == 1
    assert CalloutResponse.objects.get().respondent_key == f"d:{device_id}"


def test_parallel_json_submissions_report_one_answer_and_the_rest_already_answered():
    callout = make_callout()
    _, cookie = device_cookie()
    data = answer_data(callout)
    barrier = threading.Barrier(PARALLEL)

    def submit(_):
        client = Client(HTTP_ACCEPT="application/json")
        client.cookies["mh_device"] = cookie
        try:
            barrier.wait(timeout=30)
            return client.post(f"/callouts/{callout.pk}/answer/", data).json()["status"]
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        statuses = sorted(pool.map(submit, range(PARALLEL)))

    assert statuses == ["already_answered"] * (PARALLEL - 1) + ["answered"]
    assert CalloutResponse.objects.filter(callout=callout).count() == 1
