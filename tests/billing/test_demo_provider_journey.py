"""From anonymous reader to subscriber with the built-in demo provider, and the lifecycle
walls: trial expired, access expired, grants that open and close."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from masthead.billing.models import AccessGrant, Offer, Plan, Subscription
from masthead.billing.selectors import entitlement_for
from tests import factories
from tests.factories import CANARY, PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers(db):
    monthly = Plan.objects.create(name="Monthly", slug="monthly", amount="14.99")
    now = timezone.now()
    intro = Offer.objects.create(
        plan=monthly,
        slug="intro-1-month",
        title="Try 1 month for $0.99",
        kind="intro",
        intro_amount="0.99",
        intro_periods=1,
        starts_at=now - timedelta(days=1),
        ends_at=now + timedelta(days=10),
        featured=True,
    )
    trial = Offer.objects.create(
        plan=monthly,
        slug="trial",
        title="Two weeks free",
        kind="trial",
        trial_days=14,
        starts_at=now - timedelta(days=1),
    )
    return intro, trial


def wall(html):
    m = re.search(r'data-paywall="([a-z-]+)"', html)
    return m.group(1) if m else None


def test_anonymous_to_subscriber_with_the_demo_provider(client, world, offers):
    articles = [factories.article(world) for _ in range(15)]
    for a in articles[:3]:
        client.get(a.public_path)
    assert wall(client.get(articles[3].public_path).content.decode()) == "registration"

    response = client.post(
        "/accounts/signup/",
        {"email": "new@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302 and response.url == "/accounts/confirm-email/"
    code = factories.emailed_code(mail.outbox[-1])
    assert client.post(response.url, {"code": code}).status_code == 302
    # The device's three views came along: 7 left of the registered allowance.
    html = client.get(articles[3].public_path).content.decode()
    assert 'data-meter-remaining="6"' in html
    for a in articles[4:10]:
        client.get(a.public_path)
    html = client.get(articles[10].public_path).content.decode()
    assert wall(html) == "subscription"
    assert 'data-offer="intro-1-month"' in html and "Offer ends" in html

    response = client.post("/subscribe/intro-1-month/")
    assert response.status_code == 302 and "/subscribe/test-checkout/?session=" in response.url
    checkout = client.get(response.url)
    assert "no money moves" in checkout.content.decode()
    session = re.search(r'name="session" value="([^"]+)"', checkout.content.decode()).group(1)
    done = client.post("/subscribe/test-checkout/", {"session": session})
    assert done.status_code == 302 and done.url == "/account/"
    html = client.get(articles[10].public_path).content.decode()
    assert CANARY in html and wall(html) is None
    assert client.get("/api/v1/me/").json()["status"] == "subscriber"
    assert Offer.objects.get(slug="intro-1-month").redemptions == 1
    # Reposting the same checkout creates nothing new.
    client.post("/subscribe/test-checkout/", {"session": session})
    assert Subscription.objects.count() == 1


def test_a_checkout_token_of_another_reader_grants_nothing(client, offers):
    alice = factories.user("alice@example.org")
    client.force_login(alice)
    url = client.post("/subscribe/intro-1-month/").url
    session = url.split("session=")[1]
    client.force_login(factories.user("mallory@example.org"))
    response = client.post("/subscribe/test-checkout/", {"session": session})
    assert response.status_code == 302 and response.url == "/subscribe/"
    client.post("/subscribe/test-checkout/", {"session": "forged-token"})
    assert Subscription.objects.count() == 0


def test_new_subscribers_only_offer_refuses_a_returning_subscriber(client, offers):
    user = factories.subscriber("back@example.org", status="canceled")
    client.force_login(user)
    response = client.post("/subscribe/intro-1-month/", follow=True)
    assert "for new subscribers only" in response.content.decode()


def test_anonymous_choice_of_offer_goes_to_signup_first(client, offers):
    response = client.post("/subscribe/intro-1-month/")
    assert response.status_code == 302 and response.url.startswith("/accounts/signup/?next=")


def test_offers_page_lists_live_offers_with_end_line(client, offers):
    intro, trial = offers
    html = client.get("/subscribe/").content.decode()
    assert 'data-offer="intro-1-month"' in html and 'data-offer="trial"' in html
    assert "$0.99 for 1 month, then $14.99 a month" in html
    Offer.objects.filter(pk=intro.pk).update(ends_at=timezone.now() - timedelta(seconds=1))
    assert 'data-offer="intro-1-month"' not in client.get("/subscribe/").content.decode()


def test_trial_that_ends_unconverted_shows_the_trial_expired_wall(client, world, offers):
    user = factories.user("trial@example.org")
    past = timezone.now() - timedelta(days=1)
    Subscription.objects.create(
        user=user,
        provider="demo",
        provider_subscription_id="t1",
        status="trialing",
        trial_end=past,
        current_period_end=past,
    )
    client.force_login(user)
    articles = [factories.article(world) for _ in range(11)]
    for a in articles[:10]:
        client.get(a.public_path)
    html = client.get(articles[10].public_path).content.decode()
    assert wall(html) == "trial-expired"
    assert "Your trial period has expired" in html and 'href="/subscribe/"' in html
    assert CANARY not in html


def test_lapsed_subscriber_sees_access_expired(client, world):
    user = factories.subscriber("lapsed@example.org", status="canceled")
    client.force_login(user)
    html = client.get(factories.article(world, access="subscribers").public_path).content.decode()
    assert wall(html) == "subscribers-only"
    for _ in range(10):
        client.get(factories.article(world).public_path)
    html = client.get(factories.article(world).public_path).content.decode()
    assert wall(html) == "access-expired"


def test_cancel_keeps_access_to_period_end_and_resume_undoes_it(client, world):
    user = factories.subscriber("cancel@example.org")
    client.force_login(user)
    client.post("/account/subscription/cancel/")
    sub = Subscription.objects.get(user=user)
    assert sub.cancel_at_period_end is True
    assert entitlement_for(user, timezone.now()).entitled
    assert not entitlement_for(user, sub.current_period_end + timedelta(seconds=1)).entitled
    client.post("/account/subscription/resume/")
    assert Subscription.objects.get(user=user).cancel_at_period_end is False


def test_grant_opens_then_closes_access(client, world, capsys):
    user = factories.user("guest@example.org")
    call_command("grant_access", "guest@example.org", "--days", "3", "--note", "press")
    grant = AccessGrant.objects.get(user=user)
    assert grant.note == "press"
    client.force_login(user)
    html = client.get(factories.article(world, access="subscribers").public_path).content.decode()
    assert CANARY in html
    assert not entitlement_for(user, grant.ends_at + timedelta(seconds=1)).entitled
    AccessGrant.objects.filter(pk=grant.pk).update(ends_at=timezone.now() - timedelta(seconds=1))
    html = client.get(factories.article(world, access="subscribers").public_path).content.decode()
    assert wall(html) == "subscribers-only"


def test_account_page_shows_status_and_tokens(client, world):
    user = factories.subscriber("acct@example.org")
    client.force_login(user)
    html = client.get("/account/").content.decode()
    assert 'data-account-status="subscriber"' in html and "Next payment" in html
    client.post("/account/tokens/", {"name": "Phone"})
    html = client.get("/account/").content.decode()
    assert "shown once" in html and "Phone" in html
    assert client.get("/account/").status_code == 200
    client.logout()
    assert client.get("/account/").status_code == 302
