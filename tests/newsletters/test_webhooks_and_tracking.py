"""Bounces and complaints from the provider's webhooks (anymail, basic auth), and the opt-in
open and click tracking."""

import base64
import json

import pytest

from masthead.newsletters.models import Suppression
from masthead.newsletters.services.issues import issue_create
from masthead.newsletters.tokens import tracking_token
from tests import factories

from .conftest import make_readers

pytestmark = pytest.mark.django_db
URL = "/anymail/postmark/tracking/"


def _bounce(email, kind="HardBounce", event_id=1):
    return json.dumps(
        {
            "RecordType": "Bounce",
            "Type": kind,
            "ID": event_id,
            "Email": email,
            "BouncedAt": "2026-12-01T09:00:00Z",
            "Description": "The address does not exist.",
            "MessageID": "00000000-0000-0000-0000-000000000001",
        }
    )


def _auth(credentials="hook:s3cret"):  # noqa: S107 - a test secret
    return {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(credentials.encode()).decode()}


@pytest.fixture
def secret(settings):
    settings.ANYMAIL = {**settings.ANYMAIL, "WEBHOOK_SECRET": "hook:s3cret"}


def test_without_a_secret_there_are_no_webhooks(client):
    assert (
        client.post(URL, _bounce("a@example.org"), content_type="application/json").status_code
        == 404
    )
    assert not Suppression.objects.exists()


def test_a_forged_webhook_is_refused_and_changes_nothing(client, secret):
    body = _bounce("victim@example.org")
    for extra in ({}, _auth("hook:wrong")):
        response = client.post(URL, body, content_type="application/json", **extra)
        assert response.status_code in (400, 401)
    assert not Suppression.objects.exists()


def test_hard_bounce_and_complaint_suppress_soft_bounces_count(client, secret):
    post = lambda body: client.post(URL, body, content_type="application/json", **_auth())  # noqa: E731
    assert post(_bounce("Hard@Example.org")).status_code == 200
    post(_bounce("soft@example.org", "SoftBounce", 2))
    post(_bounce("soft@example.org", "SoftBounce", 3))
    post(_bounce("soft@example.org", "SoftBounce", 3))  # redelivered: counted once
    hard = Suppression.objects.get(email="hard@example.org")
    soft = Suppression.objects.get(email="soft@example.org")
    assert (hard.suppressed, hard.reason) == (True, "bounced")
    assert (soft.suppressed, soft.soft_bounces) == (False, 2)


def test_a_suppressed_address_is_never_sent_to(sink, daily, world, client, secret):
    make_readers(daily, 2, prefix="hooked")
    client.post(URL, _bounce("hooked0@example.org"), content_type="application/json", **_auth())
    issue_create(daily, factories.article(world))
    assert set(sink.per_address()) == {"hooked1@example.org"}


def test_tracking_is_off_by_default(sink, daily, world):
    make_readers(daily, 1, prefix="private")
    issue_create(daily, factories.article(world))
    [msg] = sink.to("private0@example.org")
    html = msg.get_body(("html",)).get_content()
    assert "/newsletters/o/" not in html and "/newsletters/c/" not in html


def test_tracked_clicks_redirect_and_opens_count(sink, daily, world, client):
    daily.track_opens = daily.track_clicks = True
    daily.save()
    make_readers(daily, 1, prefix="tracked")
    issue = issue_create(daily, factories.article(world))
    html = sink.to("tracked0@example.org")[0].get_body(("html",)).get_content()
    assert "/newsletters/o/" in html and "/newsletters/c/" in html
    delivery = issue.deliveries.get()
    issue.refresh_from_db()
    assert client.get(f"/newsletters/o/{tracking_token(delivery.pk)}.gif").status_code == 200
    click = client.get(f"/newsletters/c/{tracking_token(delivery.pk, 0)}/")
    assert click.status_code == 302 and click.url == issue.links[0]
    forged = tracking_token(delivery.pk, 0)[:-2] + "xx"
    assert client.get(f"/newsletters/c/{forged}/").status_code == 404
    assert client.get(f"/newsletters/c/{tracking_token(delivery.pk, 999)}/").status_code == 404
    delivery.refresh_from_db()
    assert delivery.opened_at and delivery.clicked_at
