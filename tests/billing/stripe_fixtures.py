"""Fixtures for the Stripe provider's tests: the fake Stripe server wired into settings, a
catalogue with an introductory offer and a trial, and helpers to check out and to deliver
signed webhooks. Test modules import the fixtures they use::

    from tests.billing.stripe_fixtures import catalog, stripe_fake  # noqa: F401

    def test_something(client, stripe_fake, catalog):
        intro, trial = catalog
"""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.billing.models import Offer, Plan
from masthead.billing.providers import get_provider, reset_provider

from .stripe_server import FakeStripe, sign

WEBHOOK_SECRET = "whsec_test_masthead_0123456789"
SECRET_KEY = "sk_test_masthead_0123456789"


def stripe_settings(url: str, webhook_secret: str = WEBHOOK_SECRET) -> dict:
    return {
        "BACKEND": "masthead.billing.providers.stripe.StripeProvider",
        "OPTIONS": {
            "secret_key": SECRET_KEY,
            "webhook_secret": webhook_secret,
            "api_base": url,
            "max_network_retries": 0,
        },
    }


@pytest.fixture
def stripe_fake(settings):
    """A running fake Stripe, and settings that point the Stripe provider at it."""
    fake = FakeStripe().start()
    settings.PAYMENT_PROVIDER = stripe_settings(fake.url)
    reset_provider()
    yield fake
    reset_provider()
    fake.stop()


@pytest.fixture
def catalog(db):
    """A $14.99 monthly plan with "3 months for $9" and "14 days free" offers."""
    monthly = Plan.objects.create(name="Monthly", slug="monthly", amount="14.99")
    start = timezone.now() - timedelta(days=1)
    intro = Offer.objects.create(
        plan=monthly,
        slug="intro-3-months",
        title="3 months for $9",
        kind="intro",
        intro_amount="9",
        intro_periods=3,
        starts_at=start,
        ends_at=start + timedelta(days=30),
    )
    trial = Offer.objects.create(
        plan=monthly,
        slug="trial-14",
        title="Two weeks free",
        kind="trial",
        trial_days=14,
        starts_at=start,
    )
    return intro, trial


def start_checkout(user, offer) -> str:
    """Start a checkout as the subscribe view does; return the Checkout Session id."""
    url = get_provider().start_checkout(
        user=user,
        offer=offer,
        cancel_url="http://testserver/subscribe/",
        success_url="http://testserver/subscribe/return/?session_id={CHECKOUT_SESSION_ID}",
    )
    return url.rsplit("/", 1)[1]


def paid_subscription(fake: FakeStripe, user, offer, status: str | None = None) -> dict:
    """A reader checked out and paid at (fake) Stripe; our database has not heard of it yet."""
    return fake.complete_session(start_checkout(user, offer), status=status)


def deliver(client, fake: FakeStripe, kind: str, obj: dict, **extra):
    """Sign an event as Stripe does and POST it to our webhook; returns (response, event)."""
    event = fake.event(kind, obj, **extra)
    body = json.dumps(event).encode()
    response = client.post(
        "/webhooks/stripe/",
        data=body,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=sign(body, WEBHOOK_SECRET),
    )
    return response, event


def post_raw(client, body: bytes, header: str | None):
    extra = {"HTTP_STRIPE_SIGNATURE": header} if header is not None else {}
    return client.post("/webhooks/stripe/", data=body, content_type="application/json", **extra)
