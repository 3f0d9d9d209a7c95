"""Concurrent duplicate deliveries of one Stripe event, each on its own database connection,
store the event once and apply it once."""

import json
import threading

import pytest
from django.db import connection
from django.test import Client

from masthead.billing.models import Subscription, WebhookEvent
from tests import factories

from . import stripe_fixtures as fx
from .stripe_fixtures import WEBHOOK_SECRET, paid_subscription
from .stripe_server import sign

stripe_fake, catalog = fx.stripe_fake, fx.catalog  # the shared fixtures


@pytest.mark.django_db(transaction=True)
def test_concurrent_duplicate_deliveries_store_one_event(stripe_fake, catalog):
    reader = factories.user("racer@example.org")
    sub = paid_subscription(stripe_fake, reader, catalog[0])
    body = json.dumps(stripe_fake.event("customer.subscription.created", sub)).encode()
    header, answers, barrier = sign(body, WEBHOOK_SECRET), [], threading.Barrier(8)

    def deliver():
        try:
            barrier.wait()
            response = Client().post(
                "/webhooks/stripe/",
                data=body,
                content_type="application/json",
                HTTP_STRIPE_SIGNATURE=header,
            )
            answers.append((response.status_code, response.json().get("duplicate")))
        finally:
            connection.close()

    threads = [threading.Thread(target=deliver) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(answers) == [(200, False)] + [(200, True)] * 7
    assert WebhookEvent.objects.filter(event_id__startswith="evt_").count() == 1
    assert Subscription.objects.get().status == "active"
