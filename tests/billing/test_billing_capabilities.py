"""Billing's loose ends, tied: trial reminders are on the task schedule (no operator's cron),
the test checkout is a provider capability (not a class check in a view), and subscription
statuses are spelled through ``SubscriptionStatus`` everywhere, not only in billing."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.module_loading import import_string

import masthead
from masthead.billing.models import Offer, Plan, Subscription, SubscriptionStatus
from masthead.billing.providers import reset_provider
from masthead.billing.providers.base import CheckoutError, PaymentProvider
from masthead.billing.providers.demo import DemoProvider
from masthead.schedule import JOBS
from tests import factories

SRC = Path(masthead.__file__).parent
REMINDERS = "masthead.billing.periodic.send_trial_reminders"


def test_trial_reminders_are_on_the_task_schedule():
    job = next(job for job in JOBS if job.task == REMINDERS)
    assert job.every <= timedelta(days=1)  # the reminder window is three days


@pytest.mark.django_db
def test_the_scheduled_task_sends_each_due_reminder_once():
    due = timezone.now() + timedelta(days=2)
    Subscription.objects.create(
        user=factories.user("trial@example.org"),
        provider="demo",
        provider_subscription_id="demo_t",
        status=SubscriptionStatus.TRIALING,
        trial_end=due,
    )
    task = import_string(REMINDERS)
    assert task.enqueue().return_value == 1
    assert task.enqueue().return_value == 0  # the next hour's run: already reminded
    assert [(m.subject, m.to) for m in mail.outbox] == [
        ("Your free trial ends in 3 days", ["trial@example.org"])
    ]


class NotTheDemo(DemoProvider):
    """A provider derived from the demo's that declares no test checkout."""

    supports_test_checkout = False


class OwnTestCheckout(PaymentProvider):
    name = "own"
    supports_test_checkout = True

    def test_checkout_offer(self, *, user, session_id):
        if session_id != "ok":
            raise CheckoutError("This checkout link is not valid.")
        return "intro"

    def start_checkout(self, **kwargs):
        return "/subscribe/test-checkout/?session=ok"

    def complete_checkout(self, **kwargs):
        raise CheckoutError("not in this test")

    def cancel(self, subscription):
        pass

    def resume(self, subscription):
        pass


@pytest.fixture
def offer(db):
    plan = Plan.objects.create(name="Monthly", slug="monthly", amount="9.99")
    return Offer.objects.create(
        plan=plan,
        slug="intro",
        title="1 month for $0.99",
        kind="intro",
        intro_amount="0.99",
        intro_periods=1,
        starts_at=timezone.now() - timedelta(days=1),
    )


@pytest.mark.parametrize(
    "backend, shown",
    [(f"{__name__}.NotTheDemo", False), (f"{__name__}.OwnTestCheckout", True)],
)
def test_the_test_checkout_page_follows_the_providers_capability(
    client, settings, offer, backend, shown
):
    settings.PAYMENT_PROVIDER = {"BACKEND": backend}
    reset_provider()
    try:
        client.force_login(factories.user())
        response = client.get("/subscribe/test-checkout/?session=ok")
    finally:
        reset_provider()
    if shown:
        assert response.status_code == 200 and b"1 month for $0.99" in response.content
    else:
        assert response.status_code == 302 and response["Location"] == "/subscribe/"


def test_no_view_checks_a_providers_class():
    for path in SRC.rglob("views*.py"):
        source = path.read_text()
        assert not re.search(r"isinstance\([^)]*provider", source, re.I), path
        assert "DemoProvider" not in source, path


STATUS = "|".join(SubscriptionStatus.values)  # trialing|active|past_due|...
BARE = [
    re.compile(rf"""status\s*(==|!=|=)\s*["']({STATUS})["']"""),
    re.compile(rf"""status__in\s*=\s*[\[(]\s*["']({STATUS})["']"""),
    re.compile(rf"""State\(\s*["']({STATUS})["']"""),
    re.compile(rf"""^LIVE\s*=\s*[\[{{(]\s*["']({STATUS})["']""", re.M),
]


def test_subscription_statuses_are_the_enum_outside_billing_too():
    offenders = []
    for path in SRC.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        source = path.read_text()
        if "subscription" not in source.lower():
            continue
        for pattern in BARE:
            offenders += [
                f"{path.relative_to(SRC)}: {m.group(0)}" for m in pattern.finditer(source)
            ]
    assert offenders == []
