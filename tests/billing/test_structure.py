"""Billing's rules have one home: subscription statuses are one TextChoices, and the views talk
to a payment provider only through the interface in providers/base.py."""

from pathlib import Path

import pytest

import masthead.billing as billing
from masthead.billing.models import Subscription, SubscriptionStatus
from masthead.billing.providers.base import PaymentProvider, WebhookResult
from masthead.billing.providers.demo import DemoProvider
from masthead.billing.providers.stripe import StripeProvider

BILLING = Path(billing.__file__).parent
STATUS_WORDS = ("trialing", "active", "past_due", "canceled", "unpaid", "incomplete", "paused")


def test_statuses_are_one_text_choices_used_by_the_model():
    assert Subscription.Status is SubscriptionStatus
    assert SubscriptionStatus.PAST_DUE == "past_due"
    assert SubscriptionStatus.PAST_DUE.label == "past due"
    field = Subscription._meta.get_field("status")
    assert field.choices == SubscriptionStatus.choices
    assert field.default == SubscriptionStatus.INCOMPLETE


@pytest.mark.parametrize(
    "path", [p for p in BILLING.rglob("*.py") if "migrations" not in p.parts], ids=str
)
def test_no_bare_status_strings_in_billing(path):
    source = path.read_text()
    for word in STATUS_WORDS:
        for quoted in (f'"{word}"', f"'{word}'"):
            assert f"status == {quoted}" not in source and f"status={quoted}" not in source
            assert f"status != {quoted}" not in source
            assert f", {quoted}" not in source.split("status__in", 1)[-1][:80]


def test_the_interface_does_not_leak_provider_internals():
    for name in ("read_session", "prepare_event", "api"):
        assert not hasattr(PaymentProvider, name)
        assert not hasattr(StripeProvider, name)  # the instance keeps its client privately
    for view in ("views.py", "webhooks.py"):
        source = (BILLING / view).read_text()
        for leak in ("provider.read_session", "prepare_event", ".api.", "webhook_secret"):
            assert leak not in source, (view, leak)


def test_a_provider_without_webhooks_refuses_them(rf):
    result = DemoProvider().handle_webhook(rf.post("/webhooks/stripe/"), source="stripe")
    assert result == WebhookResult(
        400, error="not_configured", message="Stripe webhooks are not configured."
    )


@pytest.mark.django_db
def test_the_account_page_compares_statuses_through_the_choices(client):
    from django.utils import timezone

    from tests import factories

    ends = timezone.now() + timezone.timedelta(days=9)
    user = factories.subscriber(status=SubscriptionStatus.TRIALING, trial_end=ends)
    client.force_login(user)
    html = client.get("/account/").content.decode()
    assert "<dt>Trial ends</dt>" in html and f"{ends:%B} {ends.day}, {ends:%Y}" in html
