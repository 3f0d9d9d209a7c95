"""Subscribing through Stripe Checkout, end to end over HTTP against a local fake Stripe:
what we send Stripe, what the return grants, and that a foreign or forged session grants
nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.billing.models import Offer, Plan, Subscription
from masthead.billing.selectors import entitlement_for
from tests import factories
from tests.factories import CANARY

from . import stripe_fixtures as fx
from .stripe_fixtures import start_checkout

pytestmark = pytest.mark.django_db
stripe_fake, catalog = fx.stripe_fake, fx.catalog  # the shared fixtures


def subscribe(client, slug):
    response = client.post(f"/subscribe/{slug}/")
    assert response.status_code == 302
    return response


def test_intro_offer_from_checkout_to_full_text(client, world, stripe_fake, catalog):
    article = factories.article(world, access="subscribers")
    reader = factories.user("reader@example.org")
    client.force_login(reader)
    assert CANARY not in client.get(article.public_path).content.decode()

    response = subscribe(client, "intro-3-months")
    assert response.url.startswith(f"{stripe_fake.url}/c/pay/cs_test_")
    session_id = response.url.rsplit("/", 1)[1]
    [price] = stripe_fake.requests_to("POST", "/v1/prices")
    assert price["params"] == {
        "unit_amount": "1499",
        "currency": "usd",
        "recurring": {"interval": "month"},
        "product_data": {"name": "Monthly"},
        "metadata": {"plan": "monthly"},
    }
    [coupon] = stripe_fake.requests_to("POST", "/v1/coupons")
    # $14.99 a month, "3 months for $9": $3 a month, so $11.99 off for 3 months.
    assert {
        k: coupon["params"][k] for k in ("amount_off", "currency", "duration", "duration_in_months")
    } == {
        "amount_off": "1199",
        "currency": "usd",
        "duration": "repeating",
        "duration_in_months": "3",
    }
    plan, offer = Plan.objects.get(), Offer.objects.get(slug="intro-3-months")
    assert plan.stripe_price_id == stripe_fake.objects[plan.stripe_price_id]["id"]
    [create] = stripe_fake.requests_to("POST", "/v1/checkout/sessions")
    meta = {"user_id": str(reader.pk), "offer": "intro-3-months"}
    assert create["params"] == {
        "mode": "subscription",
        "line_items": [{"price": plan.stripe_price_id, "quantity": "1"}],
        "discounts": [{"coupon": offer.stripe_coupon_id}],
        "success_url": "http://testserver/subscribe/return/?session_id={CHECKOUT_SESSION_ID}",
        "cancel_url": "http://testserver/subscribe/",
        "client_reference_id": str(reader.pk),
        "customer_email": "reader@example.org",
        "metadata": meta,
        "subscription_data": {"metadata": meta},
    }
    assert create["idempotency_key"].startswith(f"checkout:{reader.pk}:intro-3-months:")
    assert price["idempotency_key"].startswith(f"price:{plan.pk}:1499:usd:month")
    assert coupon["idempotency_key"] == f"coupon:{offer.pk}:1199:usd:repeating:3"

    # Back from Stripe before paying: nothing is granted.
    response = client.get(f"/subscribe/return/?session_id={session_id}")
    assert response.url == "/subscribe/" and Subscription.objects.count() == 0

    sub = stripe_fake.complete_session(session_id)
    response = client.get(f"/subscribe/return/?session_id={session_id}")
    assert response.status_code == 302 and response.url == "/account/"
    stored = Subscription.objects.get()
    assert (stored.user, stored.provider, stored.provider_subscription_id, stored.status) == (
        reader,
        "stripe",
        sub["id"],
        "active",
    )
    assert (stored.offer, stored.plan, stored.provider_customer_id) == (
        offer,
        plan,
        sub["customer"],
    )
    assert stored.current_period_end.timestamp() == sub["items"]["data"][0]["current_period_end"]
    assert CANARY in client.get(article.public_path).content.decode()
    # Reloading the return page changes nothing and counts the redemption once.
    client.get(f"/subscribe/return/?session_id={session_id}")
    assert Subscription.objects.count() == 1
    assert Offer.objects.get(slug="intro-3-months").redemptions == 1


def test_trial_offer_sends_trial_days_and_starts_trialing(client, stripe_fake, catalog):
    reader = factories.user("trial@example.org")
    client.force_login(reader)
    session_id = subscribe(client, "trial-14").url.rsplit("/", 1)[1]
    [create] = stripe_fake.requests_to("POST", "/v1/checkout/sessions")
    assert create["params"]["subscription_data"]["trial_period_days"] == "14"
    assert "discounts" not in create["params"]
    assert stripe_fake.requests_to("POST", "/v1/coupons") == []
    sub = stripe_fake.complete_session(session_id)
    assert client.get(f"/subscribe/return/?session_id={session_id}").url == "/account/"
    stored = Subscription.objects.get(user=reader)
    assert stored.status == "trialing" and stored.trial_end.timestamp() == sub["trial_end"]
    now = timezone.now()
    assert entitlement_for(reader, now + timedelta(days=13)).entitled
    assert entitlement_for(reader, now + timedelta(days=15)).lapse == "trial"


def test_a_double_submitted_subscribe_reuses_one_checkout_session(client, stripe_fake, catalog):
    client.force_login(factories.user("twice@example.org"))
    first, second = subscribe(client, "intro-3-months"), subscribe(client, "intro-3-months")
    assert first.url == second.url
    keys = [r["idempotency_key"] for r in stripe_fake.requests_to("POST", "/v1/checkout/sessions")]
    assert len(keys) == 2 and keys[0] == keys[1]
    assert len([o for o in stripe_fake.objects.values() if o["object"] == "checkout.session"]) == 1
    assert len(stripe_fake.requests_to("POST", "/v1/prices")) == 1  # then the stored id is used


def test_another_readers_session_or_a_forged_id_grants_nothing(client, stripe_fake, catalog):
    intro, _trial = catalog
    alice, mallory = factories.user("alice@example.org"), factories.user("mallory@example.org")
    session_id = start_checkout(alice, intro)
    stripe_fake.complete_session(session_id)
    client.force_login(mallory)
    for forged in (session_id, "cs_test_forged000", "not-a-session", ""):
        response = client.get("/subscribe/return/", {"session_id": forged})
        assert response.status_code == 302 and response.url == "/subscribe/"
    assert Subscription.objects.count() == 0
    assert not entitlement_for(mallory, timezone.now()).entitled
    assert Offer.objects.get(pk=intro.pk).redemptions == 0
    client.force_login(alice)  # the rightful reader still gets in afterwards
    assert client.get("/subscribe/return/", {"session_id": session_id}).url == "/account/"
    assert list(Subscription.objects.values_list("user__email", flat=True)) == [alice.email]


def test_stripe_down_at_checkout_shows_a_message_and_creates_nothing(client, stripe_fake, catalog):
    client.force_login(factories.user("down@example.org"))
    stripe_fake.fail_with = 500
    response = subscribe(client, "trial-14")
    assert response.url == "/subscribe/"
    assert [o for o in stripe_fake.objects.values()] == []
