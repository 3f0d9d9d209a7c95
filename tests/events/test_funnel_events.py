"""The funnel's steps as reader events, from a first view to a subscription and its end, with
the attribution that sign-ups and subscriptions carry."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from masthead.billing.models import Offer, Plan
from masthead.billing.services import set_cancel_at_period_end, upsert_subscription
from masthead.events.kinds import EventKind
from masthead.events.models import ReaderEvent
from tests import factories
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(db):
    monthly = Plan.objects.create(name="Monthly", slug="monthly", amount="14.99")
    return Offer.objects.create(
        plan=monthly,
        slug="intro-1-month",
        title="Try 1 month for $0.99",
        kind="intro",
        intro_amount="0.99",
        starts_at=timezone.now() - timedelta(days=1),
    )


def _kinds():
    return list(ReaderEvent.objects.order_by("id").values_list("kind", flat=True))


def test_from_a_search_visit_to_a_subscription(client, world, offer):
    articles = [factories.article(world) for _ in range(14)]
    client.get(
        articles[0].public_path + "?utm_source=digest&utm_campaign=autumn",
        HTTP_REFERER="https://www.bing.com/search?q=ports",
    )
    for a in articles[1:3]:
        client.get(a.public_path, HTTP_REFERER="http://testserver/")
    html = client.get(articles[3].public_path).content.decode()
    link = re.search(r'href="(/wall/click/[^"]*to=register)"', html).group(1).replace("&amp;", "&")
    response = client.get(link)
    assert response.status_code == 302
    assert response.url == "/accounts/signup/?next=" + articles[3].public_path.replace("/", "%2F")
    click = ReaderEvent.objects.get(kind=EventKind.WALL_CLICK_REGISTER)
    assert (click.wall, click.article_id) == ("registration", articles[3].pk)

    response = client.post(
        "/accounts/signup/",
        {"email": "funnel@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    code = factories.emailed_code(mail.outbox[-1])
    client.post(response.url, {"code": code})
    signup = ReaderEvent.objects.get(kind=EventKind.SIGNUP)
    assert signup.reader_key.startswith("u:") and signup.merged_key == click.reader_key
    assert signup.article_id == articles[3].pk and signup.wall == "registration"
    assert (signup.source, signup.utm_source, signup.utm_campaign) == ("search", "digest", "autumn")

    for a in articles[3:10]:
        client.get(a.public_path)
    html = client.get(articles[10].public_path).content.decode()
    assert 'name="from_wall" value="subscription"' in html
    assert ReaderEvent.objects.filter(kind=EventKind.OFFER_SHOWN, offer=offer.slug).exists()
    response = client.post(f"/subscribe/{offer.slug}/", {"from_wall": "subscription"})
    session = client.get(response.url).content.decode()
    session = re.search(r'name="session" value="([^"]+)"', session).group(1)
    client.post("/subscribe/test-checkout/", {"session": session})

    kinds = _kinds()
    for kind in ("wall_click_offer", "offer_chosen", "checkout_started", "subscription_started"):
        assert kind in kinds
    started = ReaderEvent.objects.get(kind=EventKind.SUBSCRIPTION_STARTED)
    assert (started.plan, started.offer, started.trial, str(started.amount)) == (
        "monthly",
        "intro-1-month",
        False,
        "0.99",
    )
    assert started.article_id == articles[10].pk and started.wall == "subscription"
    assert started.source == "search" and started.utm_campaign == "autumn"


def test_trial_conversion_cancellation_and_lapse(offer):
    user = factories.user("trial@example.org")
    now = timezone.now()
    common = {"user": user, "provider": "stripe", "provider_subscription_id": "sub_1"}
    upsert_subscription(**common, status="trialing", trial_end=now + timedelta(days=14), version=1)
    sub = upsert_subscription(
        **common, status="active", current_period_end=now + timedelta(days=30), version=2
    )
    set_cancel_at_period_end(sub, True)
    set_cancel_at_period_end(sub, True)  # asking twice is one cancellation
    upsert_subscription(**common, status="canceled", ended_at=now, version=3)
    upsert_subscription(**common, status="active", version=1)  # a late, older event: ignored
    rows = list(ReaderEvent.objects.order_by("id"))
    assert [r.kind for r in rows] == [
        "subscription_started",
        "trial_converted",
        "cancellation",
        "lapse",
    ]
    assert rows[0].trial and rows[0].amount == 0
    assert all(r.reader_key == f"u:{user.pk}" for r in rows)
