"""A Stripe subscriber's account actions go through Stripe: cancel at period end and resume
update the subscription there (with an idempotency key) and store what Stripe answers; "manage"
opens a Customer Portal session for the reader's Stripe customer."""

from datetime import timedelta

import pytest

from masthead.billing.models import Subscription
from masthead.billing.selectors import entitlement_for
from tests import factories

from . import stripe_fixtures as fx

pytestmark = pytest.mark.django_db
stripe_fake, catalog = fx.stripe_fake, fx.catalog  # the shared fixtures


def subscribe(client, slug):
    response = client.post(f"/subscribe/{slug}/")
    assert response.status_code == 302
    return response


def test_cancel_resume_and_portal_go_through_stripe(client, stripe_fake, catalog):
    reader = factories.user("cancel@example.org")
    client.force_login(reader)
    session_id = subscribe(client, "intro-3-months").url.rsplit("/", 1)[1]
    sub = stripe_fake.complete_session(session_id)
    client.get(f"/subscribe/return/?session_id={session_id}")
    path = f"/v1/subscriptions/{sub['id']}"

    assert client.post("/account/subscription/cancel/").url == "/account/"
    [update] = stripe_fake.requests_to("POST", path)
    assert update["params"] == {"cancel_at_period_end": True}
    assert update["idempotency_key"].startswith(f"subscription:{sub['id']}:")
    stored = Subscription.objects.get()
    assert stored.cancel_at_period_end and stripe_fake.objects[sub["id"]]["cancel_at_period_end"]
    end = stored.current_period_end
    assert entitlement_for(reader, end - timedelta(hours=1)).entitled
    assert not entitlement_for(reader, end + timedelta(hours=1)).entitled

    client.post("/account/subscription/resume/")
    assert [r["params"] for r in stripe_fake.requests_to("POST", path)][1] == {
        "cancel_at_period_end": False
    }
    assert not Subscription.objects.get().cancel_at_period_end

    response = client.get("/account/subscription/manage/")
    assert response.url.startswith(f"{stripe_fake.url}/p/session/bps_test_")
    [portal] = stripe_fake.requests_to("POST", "/v1/billing_portal/sessions")
    assert portal["params"] == {
        "customer": sub["customer"],
        "return_url": "http://testserver/account/",
    }
    assert portal["idempotency_key"]


def test_manage_without_a_stripe_customer_goes_back_to_the_account(client, stripe_fake):
    client.force_login(factories.user("nobody@example.org"))
    assert client.get("/account/subscription/manage/").url == "/account/"
    assert stripe_fake.requests_to("POST", "/v1/billing_portal/sessions") == []


def test_a_subscription_from_before_stripe_is_cancelled_locally(client, stripe_fake):
    reader = factories.subscriber("old-demo@example.org")  # provider "demo"
    client.force_login(reader)
    assert client.post("/account/subscription/cancel/").url == "/account/"
    assert Subscription.objects.get(user=reader).cancel_at_period_end
    assert stripe_fake.requests == []
