"""Access follows Stripe's subscription states, as webhooks deliver them: past_due keeps it for
the grace period (``MASTHEAD_PAST_DUE_GRACE_DAYS``), cancel-at-period-end keeps it to the end of
the paid period, canceled/unpaid/incomplete_expired end it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.billing.models import Subscription
from masthead.billing.selectors import entitlement_for
from tests import factories

from . import stripe_fixtures as fx
from .stripe_fixtures import deliver, paid_subscription

pytestmark = pytest.mark.django_db
stripe_fake, catalog = fx.stripe_fake, fx.catalog  # the shared fixtures


@pytest.fixture
def reader(db):
    return factories.user("hooked@example.org")


def invoice(kind, sub):
    return {
        "id": "in_test_1",
        "object": "invoice",
        "status": kind,
        "customer": sub["customer"],
        "parent": {
            "type": "subscription_details",
            "quote_details": None,
            "subscription_details": {"subscription": sub["id"], "metadata": sub["metadata"]},
        },
    }


def test_past_due_keeps_access_for_the_grace_period_only(
    client, settings, stripe_fake, catalog, reader
):
    settings.MASTHEAD_PAST_DUE_GRACE_DAYS = 3
    sub = paid_subscription(stripe_fake, reader, catalog[0])
    deliver(client, stripe_fake, "customer.subscription.created", sub)
    stripe_fake.set_subscription(sub["id"], status="past_due")
    deliver(client, stripe_fake, "invoice.payment_failed", invoice("open", sub))
    stored, now = Subscription.objects.get(), timezone.now()
    assert stored.status == "past_due" and stored.past_due_since is not None
    assert entitlement_for(reader, now + timedelta(days=2, hours=23)).entitled
    assert not entitlement_for(reader, now + timedelta(days=3, hours=1)).entitled
    stripe_fake.set_subscription(sub["id"], status="active")
    deliver(client, stripe_fake, "invoice.paid", invoice("paid", sub))
    assert Subscription.objects.get().past_due_since is None
    assert entitlement_for(reader, now + timedelta(days=4)).entitled


@pytest.mark.parametrize("status", ["canceled", "unpaid", "incomplete_expired"])
def test_ended_states_lose_access(client, stripe_fake, catalog, reader, status):
    sub = paid_subscription(stripe_fake, reader, catalog[0])
    deliver(client, stripe_fake, "customer.subscription.created", sub)
    assert entitlement_for(reader, timezone.now()).entitled
    stripe_fake.set_subscription(sub["id"], status=status)
    deliver(client, stripe_fake, "customer.subscription.updated", sub)
    ent = entitlement_for(reader, timezone.now())
    assert (ent.entitled, ent.lapse) == (False, "access")


def test_cancel_at_period_end_keeps_access_until_the_period_ends(
    client, stripe_fake, catalog, reader
):
    sub = paid_subscription(stripe_fake, reader, catalog[0])
    end = timezone.now() + timedelta(days=10)
    stripe_fake.set_subscription(
        sub["id"], cancel_at_period_end=True, current_period_end=int(end.timestamp())
    )
    deliver(client, stripe_fake, "customer.subscription.updated", sub)
    stored = Subscription.objects.get()
    assert stored.cancel_at_period_end and stored.current_period_end == end.replace(microsecond=0)
    assert entitlement_for(reader, end - timedelta(minutes=1)).entitled
    assert not entitlement_for(reader, end + timedelta(minutes=1)).entitled
