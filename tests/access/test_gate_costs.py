"""What an article view costs: a small, constant number of queries, whatever the size of the
publication and its meter history."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masthead.access.models import MeterView
from tests import factories

pytestmark = pytest.mark.django_db
MAX_QUERIES = 20


def _queries_for_view(client, path) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200
    return [q["sql"] for q in ctx.captured_queries]


def test_anonymous_metered_view_costs_constant_queries(client, world, django_user_model):
    first = factories.article(world)
    client.get("/")  # warm per-process caches (policy, banners) as a running server has them
    small = _queries_for_view(client, first.public_path)

    # Grow the publication and the meter's history, then view a fresh article as a new reader.
    for _ in range(25):
        factories.article(world)
    MeterView.objects.bulk_create(
        MeterView(reader_key=f"d:{i:032x}", month="2026-11", article_id=first.pk)
        for i in range(2000)
    )
    client.cookies.clear()
    late = factories.article(world)
    large = _queries_for_view(client, late.public_path)

    assert len(small) == len(large), "\n".join(large)
    assert len(large) <= MAX_QUERIES, "\n".join(large)
