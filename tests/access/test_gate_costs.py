"""What an article view costs: a small, constant number of queries, whatever the size of the
publication and its meter history, on the fast route and on Wagtail's routing alike."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from masthead.access.models import MeterView
from tests import factories
from tests.factories import CANARY

pytestmark = pytest.mark.django_db
# Warm fast route: the meter's read, then its check-and-count (5 with its savepoint), one
# reader-event insert.
FAST_MAX_QUERIES = 6


def _queries_for_fresh_reader(path) -> list[str]:
    Client().get(path)  # another reader warms the route and the article's snapshot
    Client().get("/")
    with CaptureQueriesContext(connection) as ctx:
        response = Client().get(path)
    assert response.status_code == 200
    assert 'data-meter-remaining="2"' in response.content.decode()
    return [q["sql"] for q in ctx.captured_queries]


def test_anonymous_metered_view_costs_constant_queries(world):
    small = _queries_for_fresh_reader(factories.article(world).public_path)

    for _ in range(25):
        factories.article(world)
    MeterView.objects.bulk_create(
        MeterView(reader_key=f"d:{i:032x}", month="2026-11", article_id=i % 20 + 1)
        for i in range(3000)
    )
    large = _queries_for_fresh_reader(factories.article(world).public_path)

    assert len(small) == len(large), "\n".join(large)
    assert len(large) <= FAST_MAX_QUERIES, "\n".join(large)


def test_wagtail_routing_path_is_also_constant(world, settings):
    settings.MASTHEAD_FAST_ARTICLES = False
    small = _queries_for_fresh_reader(factories.article(world).public_path)
    for _ in range(10):
        factories.article(world)
    large = _queries_for_fresh_reader(factories.article(world).public_path)
    assert len(small) == len(large), "\n".join(large)
    assert len(large) <= 16, "\n".join(large)


# Warm, signed in: the session (a database row unless Redis caches it), the user, the cached
# entitlement (one read of the cache table, or of Redis), one reader-event insert.
SUBSCRIBER_MAX_QUERIES = 4


def test_signed_in_subscriber_view_costs_constant_queries(world):
    client = Client()
    client.force_login(factories.subscriber())
    path = factories.article(world).public_path
    client.get(path)  # warms the route, the snapshot and the reader's entitlement
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    queries = [q["sql"] for q in ctx.captured_queries]
    assert response.status_code == 200 and CANARY in response.content.decode()
    assert not [q for q in queries if '"billing_' in q], "\n".join(queries)
    assert len(queries) <= SUBSCRIBER_MAX_QUERIES, "\n".join(queries)
