"""E-mails of the subscription lifecycle, sent by tasks."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from masthead.billing.models import Subscription
from masthead.billing.services import send_due_reminders, set_cancel_at_period_end
from tests import factories

pytestmark = pytest.mark.django_db


def test_trial_ending_reminder_is_sent_once(db):
    user = factories.user("trial@example.org")
    Subscription.objects.create(
        user=user,
        provider="demo",
        provider_subscription_id="t",
        status="trialing",
        trial_end=timezone.now() + timedelta(days=2),
    )
    Subscription.objects.create(
        user=factories.user("later@example.org"),
        provider="demo",
        provider_subscription_id="t2",
        status="trialing",
        trial_end=timezone.now() + timedelta(days=9),
    )
    assert send_due_reminders() == 1
    call_command("send_reminders")
    assert [m.subject for m in mail.outbox] == ["Your free trial ends in 3 days"]
    assert mail.outbox[0].to == ["trial@example.org"]


def test_cancellation_mail(db):
    user = factories.subscriber("bye@example.org")
    set_cancel_at_period_end(Subscription.objects.get(user=user), True)
    assert mail.outbox[-1].subject == "Your subscription has been cancelled"


def test_demo_provider_is_a_deployment_warning(settings):
    from masthead.billing.checks import demo_provider_in_production

    settings.DEBUG = False
    settings.SITE_HTTPS = False  # the demo on loopback is not production
    assert demo_provider_in_production(None) == []
    settings.SITE_HTTPS = True
    assert [w.id for w in demo_provider_in_production(None)] == ["masthead.W001"]
    settings.PAYMENT_PROVIDER = {"BACKEND": "masthead.billing.providers.stripe.StripeProvider"}
    assert demo_provider_in_production(None) == []
