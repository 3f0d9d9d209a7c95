"""One-click unsubscribe (RFC 8058) and the preference page."""

import pytest
from django.test import Client

from masthead.newsletters.models import Subscription
from masthead.newsletters.services.subscriptions import subscription_set
from masthead.newsletters.tokens import unsubscribe_token
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscribed(daily):
    reader = factories.user()
    subscription_set(reader, daily, True, "page")
    return reader, f"/newsletters/unsubscribe/{unsubscribe_token(reader.pk, daily.pk)}/"


def _active():
    return Subscription.objects.filter(active=True).count()


def test_get_shows_a_confirmation_and_changes_nothing(client, subscribed):
    response = client.get(subscribed[1])
    assert response.status_code == 200
    assert 'data-unsubscribe="confirm"' in response.content.decode()
    client.head(subscribed[1])
    assert _active() == 1


def test_one_click_post_needs_no_cookie_or_csrf_and_answers_200(subscribed):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        subscribed[1],
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200  # not a redirect
    assert _active() == 0
    assert Subscription.objects.get().source == "one-click"
    again = strict.post(subscribed[1], {"List-Unsubscribe": "One-Click"})
    assert again.status_code == 200


def test_a_forged_token_changes_nothing(client, subscribed):
    forged = subscribed[1].replace(":", ":x", 1)
    assert client.post(forged, {"List-Unsubscribe": "One-Click"}).status_code == 404
    other = unsubscribe_token(subscribed[0].pk + 1, 1)
    assert client.post(f"/newsletters/unsubscribe/{other}/").status_code == 404
    assert _active() == 1


def test_preference_page_chooses_every_newsletter(subscribed, weekly):
    token = unsubscribe_token(subscribed[0].pk, Subscription.objects.get().newsletter_id)
    page = Client(enforce_csrf_checks=True)
    assert 'value="weekly"' in page.get(f"/newsletters/preferences/{token}/").content.decode()
    response = page.post(f"/newsletters/preferences/{token}/", {"newsletter": ["weekly"]})
    assert response.status_code == 200
    assert _active() == 0  # left the briefing; weekly refused to a non-subscriber
    assert "subscribers only" in response.content.decode()
