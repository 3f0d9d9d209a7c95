"""API tokens follow one set of rules (members/services.py) whether a reader makes them on the
account page or through the API: at most 20 active tokens, a clean name."""

import pytest

from masthead.members.models import ApiToken
from masthead.members.services import (
    MAX_ACTIVE_TOKENS,
    TokenLimitReached,
    api_token_issue,
    api_token_revoke,
)
from tests import factories
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _fill(user):
    for n in range(MAX_ACTIVE_TOKENS):
        api_token_issue(user, f"app {n}")


def _api_issue(client, user, name="App"):
    return client.post(
        "/api/v1/tokens/",
        {"email": user.email, "password": PASSWORD, "name": name},
        content_type="application/json",
    )


def test_the_service_refuses_a_twenty_first_active_token_but_not_after_a_revoke(db):
    user = factories.user()
    _fill(user)
    with pytest.raises(TokenLimitReached):
        api_token_issue(user, "one more")
    assert api_token_revoke(user, ApiToken.objects.filter(user=user).first().pk)
    assert not api_token_revoke(factories.user("other@example.org"), 1)
    api_token_issue(user, "now it fits")
    assert ApiToken.objects.filter(user=user, revoked_at__isnull=True).count() == 20


def test_the_account_page_stops_at_twenty(client):
    user = factories.user()
    _fill(user)
    client.force_login(user)
    response = client.post("/account/tokens/", {"name": "one more"}, follow=True)
    assert "20 active tokens" in response.content.decode()
    assert ApiToken.objects.filter(user=user).count() == 20


def test_the_api_stops_at_twenty_with_a_json_error(client):
    user = factories.user()
    _fill(user)
    response = _api_issue(client, user)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "too_many_tokens"
    assert ApiToken.objects.filter(user=user).count() == 20


@pytest.mark.parametrize(
    "name, stored", [("  My reader ", "My reader"), ("", "App"), ("x" * 150, "x" * 100)]
)
def test_both_ways_clean_the_name_alike(client, name, stored):
    user = factories.user()
    assert _api_issue(client, user, name).status_code == 201
    client.force_login(user)
    client.post("/account/tokens/", {"name": name})
    assert [t.name for t in ApiToken.objects.filter(user=user)] == [stored, stored]
