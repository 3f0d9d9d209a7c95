"""Gift links: open one article for anyone, without metering, within their limits."""

import re
import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from masthead.access.gifts import GiftError, create_gift_link
from masthead.access.models import GiftLink
from tests import factories
from tests.factories import CANARY, PASSWORD

pytestmark = pytest.mark.django_db


def _token(url):
    return re.search(r"gift=([\w-]+)", url).group(1)


def test_subscriber_creates_gift_over_the_api_and_a_fresh_reader_reads_it_unmetered(client, world):
    sub = factories.subscriber()
    page = factories.article(world, access="subscribers")
    client.force_login(sub)
    response = client.post(f"/api/v1/articles/{page.pk}/gifts/")
    assert response.status_code == 201
    data = response.json()
    assert data["remaining_this_month"] == 9 and data["expires_at"]
    assert data["url"].startswith(f"http://127.0.0.1:8000{page.public_path}?gift=")

    reader = Client()
    gifted = reader.get(page.public_path, {"gift": _token(data["url"])})
    html = gifted.content.decode()
    assert CANARY in html and "data-paywall" not in html and "data-meter-remaining" not in html
    assert gifted["X-Robots-Tag"] == "noindex" and "private" in gifted["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in html
    token = _token(data["url"])
    assert token not in html.split("<body")[0].replace(f"gift={token}", "")  # not in canonical/OG
    assert f'<link rel="canonical" href="http://127.0.0.1:8000{page.public_path}">' in html
    # The reader's own meter was not touched.
    assert reader.get("/api/v1/me/").json()["meter"]["used"] == 0


def test_gift_link_fails_for_another_article_and_after_expiry(client, world):
    sub = factories.subscriber()
    page, other = factories.article(world), factories.article(world, access="subscribers")
    link, _ = create_gift_link(sub, page)
    html = client.get(other.public_path, {"gift": link.token}).content.decode()
    assert 'data-paywall="subscribers-only"' in html and CANARY not in html
    GiftLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    fresh = Client()
    for _ in range(3):
        fresh.get(factories.article(world).public_path)
    html = fresh.get(page.public_path, {"gift": link.token}).content.decode()
    assert 'data-paywall="registration"' in html and CANARY not in html


def test_gift_link_stops_at_its_device_cap(world):
    sub = factories.subscriber()
    page = factories.article(world, access="subscribers")
    link, _ = create_gift_link(sub, page)
    for _ in range(10):
        assert CANARY in Client().get(page.public_path, {"gift": link.token}).content.decode()
    eleventh = Client().get(page.public_path, {"gift": link.token}).content.decode()
    assert 'data-paywall="subscribers-only"' in eleventh and CANARY not in eleventh


def test_only_subscribers_create_gifts(client, world):
    page = factories.article(world)
    assert client.post(f"/api/v1/articles/{page.pk}/gifts/").status_code == 401
    client.force_login(factories.user())
    response = client.post(f"/api/v1/articles/{page.pk}/gifts/")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "not_subscriber"
    assert GiftLink.objects.count() == 0


def test_monthly_limit_and_account_page(client, world):
    sub = factories.subscriber()
    page = factories.article(world)
    for _ in range(10):
        create_gift_link(sub, page)
    with pytest.raises(GiftError):
        create_gift_link(sub, page)
    client.force_login(sub)
    response = client.post(f"/api/v1/articles/{page.pk}/gifts/")
    assert response.status_code == 429
    assert 'data-gifts-left="0"' in client.get("/account/").content.decode()


def test_web_gift_button_creates_a_link(client, world):
    sub = factories.subscriber()
    page = factories.article(world)
    client.force_login(sub)
    assert "Gift this article" in client.get(page.public_path).content.decode()
    response = client.post("/gifts/", {"article": page.pk}, follow=True)
    assert f"{page.public_path}?gift=" in response.content.decode()
    assert 'data-gifts-left="9"' in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_monthly_limit_holds_under_parallel_creation(world):
    sub = factories.subscriber()
    page = factories.article(world)
    for _ in range(8):
        create_gift_link(sub, page)
    results, barrier = [], threading.Barrier(8)

    def attempt():
        try:
            barrier.wait()
            create_gift_link(sub, page)
            results.append("ok")
        except GiftError:
            results.append("limit")
        except Exception as exc:  # SQLite may report a busy database; that is not a gift
            results.append(type(exc).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count("ok") == 2
    assert GiftLink.objects.filter(sender=sub).count() == 10


def test_login_with_password_still_works_for_subscribers(client, world):
    factories.subscriber("login@example.org")
    assert (
        client.post(
            "/accounts/login/", {"login": "login@example.org", "password": PASSWORD}
        ).status_code
        == 302
    )
