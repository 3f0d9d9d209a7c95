"""The gate on the web: meter messages, walls, re-reads, and what each reader kind sees."""

import re

import pytest

from tests import factories
from tests.factories import CANARY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("both_routes")]


def remaining(response) -> int | None:
    match = re.search(r'data-meter-remaining="(\d+)"', response.content.decode())
    return int(match.group(1)) if match else None


def wall(response) -> str | None:
    match = re.search(r'data-paywall="([a-z-]+)"', response.content.decode())
    return match.group(1) if match else None


def test_anonymous_reader_gets_three_metered_articles_then_the_registration_wall(client, world):
    articles = [factories.article(world) for _ in range(4)]
    seen = []
    for a in articles[:3]:
        response = client.get(a.public_path)
        assert response.status_code == 200
        assert CANARY in response.content.decode()
        assert wall(response) is None
        seen.append(remaining(response))
    assert seen == [2, 1, 0]
    last = client.get(articles[2].public_path).content.decode()
    assert "This is your last free article this month." in last

    response = client.get(articles[3].public_path)
    body = response.content.decode()
    assert response.status_code == 200
    assert wall(response) == "registration"
    assert remaining(response) is None
    assert CANARY not in body
    assert 'class="paywalled-content"' not in body
    assert articles[3].title in body and articles[3].standfirst in body
    assert "Paragraph 1 of the story" in body and "Paragraph 2 of the story" in body


def test_rereading_a_counted_article_costs_nothing(client, world):
    a, b = factories.article(world), factories.article(world)
    assert remaining(client.get(a.public_path)) == 2
    assert remaining(client.get(a.public_path)) == 2
    assert remaining(client.get(b.public_path)) == 1


def test_meter_message_uses_plural_forms(client, world):
    a, b = factories.article(world), factories.article(world)
    assert "You have 2 free articles left this month." in client.get(a.public_path).content.decode()
    assert "You have 1 free article left this month." in client.get(b.public_path).content.decode()


def test_registered_reader_gets_ten_then_the_subscription_wall(client, world):
    client.force_login(factories.user())
    articles = [factories.article(world) for _ in range(11)]
    counts = [remaining(client.get(a.public_path)) for a in articles[:10]]
    assert counts == list(range(9, -1, -1))
    response = client.get(articles[10].public_path)
    assert wall(response) == "subscription"
    assert CANARY not in response.content.decode()


def test_subscriber_reads_everything_without_meter(client, world):
    client.force_login(factories.subscriber())
    for access in ("metered", "subscribers", "metered", "metered", "metered"):
        response = client.get(factories.article(world, access=access).public_path)
        assert CANARY in response.content.decode()
        assert remaining(response) is None and wall(response) is None


def test_free_and_sponsored_articles_are_never_counted(client, world):
    free = factories.article(world, access="free")
    sponsored = factories.article(world, sponsor="Acme Shipping")
    for page in (free, sponsored, free, sponsored):
        response = client.get(page.public_path)
        assert CANARY in response.content.decode()
        assert remaining(response) is None
    assert remaining(client.get(factories.article(world).public_path)) == 2


def test_subscribers_only_article_is_walled_for_everyone_else(client, world):
    page = factories.article(world, access="subscribers")
    response = client.get(page.public_path)
    assert wall(response) == "subscribers-only"
    assert CANARY not in response.content.decode()
    client.force_login(factories.user())
    assert wall(client.get(page.public_path)) == "subscribers-only"
    # ... and it cost nothing on the meter.
    assert remaining(client.get(factories.article(world).public_path)) == 9


def test_walled_view_never_counts(client, world):
    articles = [factories.article(world) for _ in range(5)]
    for a in articles[:3]:
        client.get(a.public_path)
    assert wall(client.get(articles[3].public_path)) == "registration"
    assert wall(client.get(articles[4].public_path)) == "registration"
    # The earlier three stay readable: re-reads are free even with the allowance used.
    assert remaining(client.get(articles[0].public_path)) == 0


def test_article_responses_are_private_and_vary_on_cookie(client, world):
    response = client.get(factories.article(world).public_path)
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]
