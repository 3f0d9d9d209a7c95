"""Shared fixtures. The test-only settings (a throwaway data dir, this worker's Redis database, a
fast password hasher...) are in tests/settings.py, so nothing here has to run before Django
loads."""

import os
import shutil

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache

from masthead import caching as local_cache
from masthead import observability
from masthead.access.stores import reset_meter_store


def pytest_unconfigure(config):
    """Remove the throwaway data dir this process made (tests/settings.py)."""
    if created := getattr(settings, "TEST_DATA_DIR_CREATED", ""):
        shutil.rmtree(created, ignore_errors=True)


def pytest_collection_modifyitems(config, items):
    """Tests marked ``slow`` run only with ``MASTHEAD_SLOW_TESTS=1`` (CI's PostgreSQL pass)."""
    if os.environ.get("MASTHEAD_SLOW_TESTS") == "1":
        return
    skip = pytest.mark.skip(reason="slow: set MASTHEAD_SLOW_TESTS=1 to run it")
    for item in items:
        if item.get_closest_marker("slow"):
            item.add_marker(skip)


def _clear_shared_cache(request) -> None:
    # Without Redis the shared cache is a database table: a test without database access
    # cannot have written to it, and may not touch it.
    if isinstance(caches["default"], DatabaseCache):
        wanted = {"db", "transactional_db"} & set(request.fixturenames)
        if not (wanted or request.node.get_closest_marker("django_db")):
            return
        for name in sorted(wanted):
            # A test that asks for ``db`` as an argument gets it after this autouse fixture:
            # set it up now, so the table can be cleared.
            request.getfixturevalue(name)
    cache.clear()


@pytest.fixture(autouse=True)
def _fresh_state(request):
    """Every test starts with an empty cache and a freshly built meter store."""
    _clear_shared_cache(request)
    local_cache.local.clear()
    reset_meter_store()
    observability.forget_failures()
    yield
    _clear_shared_cache(request)
    local_cache.local.clear()


@pytest.fixture
def site(db):
    from tests import factories

    return factories.home_page()


@pytest.fixture
def world(site):
    from tests import factories

    return factories.section("world", "World")


@pytest.fixture(params=["reader", "fast", "wagtail"])
def both_routes(request, settings):
    """Run a test through the reader path (ahead of Django, as ``masthead serve`` runs it),
    Django's fast article route and Wagtail's page routing."""
    settings.MASTHEAD_FAST_ARTICLES = request.param != "wagtail"
    return request.param


@pytest.fixture
def client(request):
    """Django's test client; under ``both_routes``' reader run, one whose GET and HEAD go
    through the reader path first (and which must have answered some article requests)."""
    from django.test import Client

    from tests.support.readerclient import ReaderClient

    if "both_routes" not in request.fixturenames or request.getfixturevalue("both_routes") != (
        "reader"
    ):
        yield Client()
        return
    reader = ReaderClient()
    yield reader
    if reader.article_requests:
        assert reader.answered, "the reader path answered none of this test's article requests"
