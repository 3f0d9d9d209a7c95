"""Stripe webhooks: refused unless signed, applied once per event id, and always converging to
the subscription as Stripe holds it now, whatever the order or number of deliveries."""

import json
import time

import pytest
from django.utils import timezone

from masthead.billing.models import Offer, Subscription, WebhookEvent
from masthead.billing.providers import reset_provider
from masthead.billing.selectors import entitlement_for
from tests import factories

from . import stripe_fixtures as fx
from .stripe_fixtures import WEBHOOK_SECRET, deliver, paid_subscription, post_raw, stripe_settings
from .stripe_server import sign

pytestmark = pytest.mark.django_db
stripe_fake, catalog = fx.stripe_fake, fx.catalog  # the shared fixtures


@pytest.fixture
def reader(db):
    return factories.user("hooked@example.org")


def reads_of(fake, sub_id):
    return len(fake.requests_to("GET", f"/v1/subscriptions/{sub_id}"))


def body_for(fake, sub):
    return json.dumps(fake.event("customer.subscription.updated", sub)).encode()


@pytest.mark.parametrize("how", ["missing", "wrong-secret", "tampered", "stale", "garbage"])
def test_a_badly_signed_webhook_is_refused_with_no_side_effect(
    client, stripe_fake, catalog, reader, how
):
    sub = paid_subscription(stripe_fake, reader, catalog[0])
    body = body_for(stripe_fake, sub)
    header = {
        "missing": None,
        "wrong-secret": sign(body, "whsec_someone_else"),
        "tampered": sign(body.replace(b'"active"', b'"trialing"'), WEBHOOK_SECRET),
        "stale": sign(body, WEBHOOK_SECRET, timestamp=int(time.time()) - 301),
        "garbage": "t=oops,v1=nothing",
    }[how]
    response = post_raw(client, body, header)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_signature"
    assert WebhookEvent.objects.count() == 0 and Subscription.objects.count() == 0
    assert reads_of(stripe_fake, sub["id"]) == 0


def test_without_a_webhook_secret_every_webhook_is_refused(
    client, settings, stripe_fake, catalog, reader
):
    sub = paid_subscription(stripe_fake, reader, catalog[0])
    body = body_for(stripe_fake, sub)
    for config in (
        stripe_settings(stripe_fake.url, webhook_secret=""),
        {"BACKEND": "masthead.billing.providers.demo.DemoProvider"},
    ):
        settings.PAYMENT_PROVIDER = config
        reset_provider()
        response = post_raw(client, body, sign(body, ""))
        assert response.status_code == 400
        assert response.json()["error"]["code"] == "not_configured"
    assert WebhookEvent.objects.count() == 0 and Subscription.objects.count() == 0
    assert client.get("/webhooks/stripe/").status_code == 405


def test_an_event_is_applied_once_and_its_duplicate_does_nothing(
    client, stripe_fake, catalog, reader
):
    sub = paid_subscription(stripe_fake, reader, catalog[0])
    response, event = deliver(client, stripe_fake, "customer.subscription.created", sub)
    assert response.status_code == 200 and response.json() == {"received": True, "duplicate": False}
    stored = Subscription.objects.get()
    assert (stored.user, stored.status, stored.offer) == (reader, "active", catalog[0])
    body = json.dumps(event).encode()
    again = post_raw(client, body, sign(body, WEBHOOK_SECRET))
    assert again.status_code == 200 and again.json()["duplicate"] is True
    assert WebhookEvent.objects.filter(event_id=event["id"]).count() == 1
    assert reads_of(stripe_fake, sub["id"]) == 1  # the duplicate did not even ask Stripe


def test_the_payload_is_a_pointer_stripes_current_object_is_the_truth(
    client, stripe_fake, catalog, reader
):
    sub = paid_subscription(stripe_fake, reader, catalog[0])
    stripe_fake.set_subscription(sub["id"], status="canceled", ended_at=int(time.time()))
    deliver(client, stripe_fake, "customer.subscription.updated", sub)  # payload says active
    assert Subscription.objects.get().status == "canceled"


def test_reordered_events_leave_stripes_current_state(client, stripe_fake, catalog, reader):
    sub = paid_subscription(stripe_fake, reader, catalog[0])
    older = stripe_fake.event("customer.subscription.updated", sub, created=int(time.time()) - 60)
    canceled = stripe_fake.set_subscription(sub["id"], status="canceled", ended_at=int(time.time()))
    deliver(client, stripe_fake, "customer.subscription.deleted", canceled)
    body = json.dumps(older).encode()  # the older "active" event arrives last
    assert post_raw(client, body, sign(body, WEBHOOK_SECRET)).status_code == 200
    stored = Subscription.objects.get()
    assert stored.status == "canceled" and stored.ended_at is not None
    assert entitlement_for(reader, timezone.now()).entitled is False
    assert WebhookEvent.objects.filter(event_id__startswith="evt_").count() == 2


def test_a_stale_reading_stored_late_is_ignored(stripe_fake, catalog, reader):
    from masthead.billing.providers.stripe.sync import store_subscription, version_now

    sub = paid_subscription(stripe_fake, reader, catalog[0])
    early = version_now()
    canceled = stripe_fake.set_subscription(sub["id"], status="canceled")
    store_subscription(canceled, version=version_now(), user=reader)
    store_subscription(sub, version=early, user=reader)  # read before, written after
    assert Subscription.objects.get().status == "canceled"


def test_stripe_unreachable_answers_503_and_the_retry_does_the_work(
    client, stripe_fake, catalog, reader
):
    sub = paid_subscription(stripe_fake, reader, catalog[0])
    body = body_for(stripe_fake, sub)
    stripe_fake.fail_with = 500
    response = post_raw(client, body, sign(body, WEBHOOK_SECRET))
    assert response.status_code == 503
    assert WebhookEvent.objects.count() == 0 and Subscription.objects.count() == 0
    stripe_fake.fail_with = None
    assert post_raw(client, body, sign(body, WEBHOOK_SECRET)).status_code == 200
    assert Subscription.objects.get().status == "active"


def test_unknown_types_and_unknown_readers_are_acknowledged_and_ignored(
    client, stripe_fake, catalog, reader
):
    response, _ = deliver(client, stripe_fake, "customer.created", {"id": "cus_x"})
    assert response.status_code == 200
    sub = paid_subscription(stripe_fake, reader, catalog[0])
    stripe_fake.set_subscription(sub["id"], metadata={"user_id": "987654"})
    response, _ = deliver(client, stripe_fake, "customer.subscription.created", sub)
    assert response.status_code == 200
    assert Subscription.objects.count() == 0 and WebhookEvent.objects.count() == 2


def test_checkout_completed_webhook_then_the_readers_return_count_once(
    client, stripe_fake, catalog, reader
):
    sub = paid_subscription(stripe_fake, reader, catalog[0])
    session = next(o for o in stripe_fake.objects.values() if o["object"] == "checkout.session")
    deliver(client, stripe_fake, "checkout.session.completed", session)
    assert Subscription.objects.get().provider_subscription_id == sub["id"]
    client.force_login(reader)
    assert client.get("/subscribe/return/", {"session_id": session["id"]}).url == "/account/"
    assert Subscription.objects.count() == 1
    assert Offer.objects.get(pk=catalog[0].pk).redemptions == 1
