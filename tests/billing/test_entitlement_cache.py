"""A signed-in reader's entitlement is read from Django's cache, and every change to their
subscriptions or grants reaches their next page at once: saves and deletes, the services'
``update()`` calls and any other queryset ``update()``, on this process and on the server's."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from masthead.billing import entitlements
from masthead.billing.models import AccessGrant, Subscription
from masthead.billing.selectors import entitlement_for
from masthead.billing.services import grant_access, set_cancel_at_period_end, upsert_subscription
from tests import factories
from tests.factories import CANARY

pytestmark = pytest.mark.django_db


def _reads(client, page) -> str:
    html = client.get(page.public_path).content.decode()
    if CANARY in html:
        return "full"
    assert 'data-paywall="subscribers-only"' in html, html[-2000:]
    return "walled"


@pytest.fixture
def page(world):
    return factories.article(world, access="subscribers")


@pytest.fixture
def subscriber(client):
    user = factories.subscriber("cached@example.org")
    client.force_login(user)
    return user


def test_a_warm_view_reads_no_billing_table(client, page, subscriber):
    assert _reads(client, page) == "full"
    with CaptureQueriesContext(connection) as ctx:
        assert _reads(client, page) == "full"
    billing = [q["sql"] for q in ctx.captured_queries if '"billing_' in q["sql"]]
    assert billing == []


def test_cancelled_by_webhook_loses_access_at_once(client, page, subscriber):
    sub = Subscription.objects.get(user=subscriber)
    assert _reads(client, page) == "full"
    upsert_subscription(
        user=subscriber,
        provider=sub.provider,
        provider_subscription_id=sub.provider_subscription_id,
        status="canceled",
        current_period_end=sub.current_period_end,
        ended_at=timezone.now(),
    )
    assert _reads(client, page) == "walled"


def test_queryset_update_loses_access_at_once(client, page, subscriber):
    assert _reads(client, page) == "full"
    Subscription.objects.filter(user=subscriber).update(status="canceled")
    assert _reads(client, page) == "walled"


def test_deleted_subscription_loses_access_at_once(client, page, subscriber):
    assert _reads(client, page) == "full"
    Subscription.objects.filter(user=subscriber).delete()
    assert _reads(client, page) == "walled"


def test_cancel_at_period_end_keeps_access_until_the_end_and_not_after(client, page, subscriber):
    sub = Subscription.objects.get(user=subscriber)
    assert _reads(client, page) == "full"
    set_cancel_at_period_end(sub, True)
    assert _reads(client, page) == "full"
    end = sub.current_period_end
    assert entitlement_for(subscriber, end - timedelta(seconds=1)).entitled
    assert not entitlement_for(subscriber, end + timedelta(seconds=1)).entitled
    # Without cancel_at_period_end a renewal may arrive late (RENEWAL_SLACK): the same instant
    # entitles again once the service has undone the cancellation.
    set_cancel_at_period_end(sub, False)
    assert entitlement_for(subscriber, end + timedelta(seconds=1)).entitled


def test_a_grant_opens_and_its_deletion_closes_access_at_once(client, page):
    user = factories.user("granted@example.org")
    client.force_login(user)
    assert _reads(client, page) == "walled"
    grant = grant_access(user, days=3)
    assert _reads(client, page) == "full"
    AccessGrant.objects.filter(pk=grant.pk).update(ends_at=timezone.now() - timedelta(seconds=1))
    assert _reads(client, page) == "walled"
    grant_access(user, days=3)
    assert _reads(client, page) == "full"
    AccessGrant.objects.filter(user=user).delete()
    assert _reads(client, page) == "walled"


def test_bulk_created_subscription_entitles_at_once(client, page):
    user = factories.user("bulk@example.org")
    client.force_login(user)
    assert _reads(client, page) == "walled"
    Subscription.objects.bulk_create(
        [
            Subscription(
                user=user,
                provider_subscription_id="sub_bulk_1",
                status="active",
                current_period_end=timezone.now() + timedelta(days=30),
            )
        ]
    )
    assert _reads(client, page) == "full"


def test_the_cached_answer_never_outlives_the_entitlements_end(subscriber):
    sub = Subscription.objects.get(user=subscriber)
    now = timezone.now()
    assert entitlement_for(subscriber, now).entitled  # cached now
    later = sub.current_period_end + entitlements.RENEWAL_SLACK + timedelta(seconds=1)
    assert not entitlement_for(subscriber, later).entitled
    assert entitlement_for(subscriber, now).entitled


def test_a_change_committed_during_a_read_is_not_kept(monkeypatch, subscriber):
    # Another process cancels (and invalidates) between this read's query and its cache write:
    # the answer this read computed is the old one, and it must not be served afterwards.
    real = entitlements.entitlement_from_database

    def racing(user, now):
        answer = real(user, now)
        Subscription.objects.filter(user=user).update(status="canceled")
        return answer

    monkeypatch.setattr(entitlements, "entitlement_from_database", racing)
    assert entitlement_for(subscriber, timezone.now()).entitled
    monkeypatch.undo()
    assert not entitlement_for(subscriber, timezone.now()).entitled


def test_the_grace_setting_is_read_on_every_view(settings, subscriber):
    Subscription.objects.filter(user=subscriber).update(
        status="past_due", past_due_since=timezone.now() - timedelta(days=5)
    )
    settings.MASTHEAD_PAST_DUE_GRACE_DAYS = 7
    assert entitlement_for(subscriber, timezone.now()).entitled
    settings.MASTHEAD_PAST_DUE_GRACE_DAYS = 3
    assert not entitlement_for(subscriber, timezone.now()).entitled
