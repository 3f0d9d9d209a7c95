"""Schemathesis over the JSON API, from the OpenAPI description the project publishes:
whatever an app sends, the answer is never a server error, and errors are JSON."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

from tests import factories

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def publication(world):
    factories.subscriber("fuzz@example.org")
    for access in ("metered", "free", "subscribers"):
        factories.article(world, access=access, topics=[factories.topic("Trade")])


@pytest.mark.django_db(transaction=True)
@schema.parametrize()
@settings(
    derandomize=True,  # the same examples on every run: CI stays deterministic
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_never_answers_with_a_server_error(case, publication):
    response = case.call()
    assert response.status_code < 500, response.text[:500]
    if response.status_code >= 400:
        body = response.json()
        assert set(body["error"]) == {"code", "message"}
