"""A failed payment e-mails the reader, once per unpaid invoice, through Stripe's webhooks:
``invoice.payment_failed`` (each retry of the card sends another) and the subscription turning
``past_due`` are one piece of news, and a late event after the card was fixed is none."""

import pytest
from django.core import mail

from masthead.billing.models import Subscription, WebhookEvent
from tests import factories

from . import stripe_fixtures as fx
from .stripe_fixtures import deliver, paid_subscription

pytestmark = pytest.mark.django_db
stripe_fake, catalog = fx.stripe_fake, fx.catalog  # the shared fixtures
FAILED = "We could not take your payment"


@pytest.fixture
def reader(db):
    return factories.user("card-declined@example.org")


@pytest.fixture
def hook(client, stripe_fake, django_capture_on_commit_callbacks):
    """Deliver a signed event; the mails queued on commit are sent (immediate task backend)."""

    def send(kind, obj):
        with django_capture_on_commit_callbacks(execute=True):
            response, _event = deliver(client, stripe_fake, kind, obj)
        assert response.status_code == 200, response.content
        return response

    return send


def invoice(invoice_id, sub):
    return {
        "id": invoice_id,
        "object": "invoice",
        "status": "open",
        "customer": sub["customer"],
        "attempt_count": 1,
        "parent": {
            "type": "subscription_details",
            "quote_details": None,
            "subscription_details": {"subscription": sub["id"], "metadata": sub["metadata"]},
        },
    }


def failed_mails():
    return [m for m in mail.outbox if m.subject == FAILED]


def test_a_failed_renewal_mails_the_reader_once_per_invoice(stripe_fake, catalog, reader, hook):
    sub = paid_subscription(stripe_fake, reader, catalog[0])
    hook("customer.subscription.created", sub)
    mail.outbox.clear()

    past_due = stripe_fake.set_subscription(sub["id"], status="past_due", latest_invoice="in_1")
    hook("invoice.payment_failed", invoice("in_1", sub))
    assert [m.to for m in failed_mails()] == [["card-declined@example.org"]]
    message = failed_mails()[0]
    assert "did not go through" in message.body and "/account/" in message.body
    assert Subscription.objects.get().status == "past_due"

    hook("customer.subscription.updated", past_due)  # the same news, told by the subscription
    hook("invoice.payment_failed", invoice("in_1", sub))  # Stripe retries the card: a new event
    assert len(failed_mails()) == 1
    assert WebhookEvent.objects.filter(event_id="payment-failed:in_1").count() == 1

    stripe_fake.set_subscription(sub["id"], latest_invoice="in_2")  # next month fails too
    hook("invoice.payment_failed", invoice("in_2", sub))
    assert len(failed_mails()) == 2


def test_a_subscription_turning_past_due_mails_the_reader_without_the_invoice_event(
    stripe_fake, catalog, reader, hook
):
    sub = paid_subscription(stripe_fake, reader, catalog[0])
    hook("customer.subscription.created", sub)
    past_due = stripe_fake.set_subscription(sub["id"], status="past_due", latest_invoice="in_9")
    hook("customer.subscription.updated", past_due)
    hook("invoice.payment_failed", invoice("in_9", sub))  # arrives second: already told
    assert [m.to for m in failed_mails()] == [["card-declined@example.org"]]


def test_no_mail_when_the_payment_went_through_before_the_event_arrived(
    stripe_fake, catalog, reader, hook
):
    sub = paid_subscription(stripe_fake, reader, catalog[0])
    hook("customer.subscription.created", sub)
    stripe_fake.set_subscription(sub["id"], status="active", latest_invoice="in_3")
    hook("invoice.payment_failed", invoice("in_3", sub))  # late: Stripe's state is "active"
    hook("customer.subscription.updated", sub)
    assert failed_mails() == []
    assert not WebhookEvent.objects.filter(event_id__startswith="payment-failed:").exists()


def test_a_badly_signed_payment_failure_mails_nobody(client, stripe_fake, catalog, reader):
    sub = paid_subscription(stripe_fake, reader, catalog[0])
    stripe_fake.set_subscription(sub["id"], status="past_due", latest_invoice="in_4")
    body = b'{"id": "evt_x", "type": "invoice.payment_failed", "data": {"object": {}}}'
    response = fx.post_raw(client, body, "t=1,v1=forged")
    assert response.status_code == 400
    assert failed_mails() == [] and not WebhookEvent.objects.exists()
