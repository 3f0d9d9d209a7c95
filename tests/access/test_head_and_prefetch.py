"""HEAD and speculative prefetches never spend a free article, on any channel; every GET route
answers HEAD (issue 11, item 5)."""

import re

import pytest

from masthead.events.models import ReaderEvent
from tests import factories
from tests.factories import CANARY

pytestmark = pytest.mark.django_db


def remaining(response) -> int | None:
    match = re.search(r'data-meter-remaining="(\d+)"', response.content.decode())
    return int(match.group(1)) if match else None


@pytest.mark.usefixtures("both_routes")
def test_head_of_web_print_and_api_counts_nothing(client, world):
    articles = [factories.article(world) for _ in range(4)]
    for a in articles:
        assert client.head(a.public_path).status_code == 200
        assert client.head(a.public_path + "print/").status_code == 200
        assert client.head(f"/api/v1/articles/{a.pk}/").status_code == 200
    assert not ReaderEvent.objects.exists()
    response = client.get(articles[0].public_path)
    assert remaining(response) == 2
    assert CANARY in response.content.decode()


@pytest.mark.usefixtures("both_routes")
@pytest.mark.parametrize("header", [{"HTTP_SEC_PURPOSE": "prefetch"}, {"HTTP_PURPOSE": "prefetch"}])
def test_speculative_prefetch_counts_nothing_and_shows_no_gated_text(client, world, header):
    articles = [factories.article(world) for _ in range(4)]
    for a in articles:
        response = client.get(a.public_path, **header)
        # A non-2xx answer makes the browser drop the prefetch and load the page for real.
        assert response.status_code == 503
        assert CANARY not in response.content.decode()
        assert (
            response["Cache-Control"].startswith("no-store")
            or "no-store" in response["Cache-Control"]
        )
        api = client.get(f"/api/v1/articles/{a.pk}/", **header)
        assert api.status_code == 200 and api.json()["gated"] is True
        assert CANARY not in api.content.decode()
    assert not ReaderEvent.objects.exists()
    assert remaining(client.get(articles[0].public_path)) == 2


def test_prefetch_of_a_free_article_is_served(client, world):
    free = factories.article(world, access="free")
    response = client.get(free.public_path, HTTP_SEC_PURPOSE="prefetch;prerender")
    assert response.status_code == 200
    assert CANARY in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/robots.txt",
        "/news-sitemap.xml",
        "/sitemap.xml",
        "/healthz",
        "/feeds/latest/",
        "/world/",
        "/world/feed/",
        "/api/v1/articles/",
        "/api/v1/me/",
        "/api/v1/openapi.json",
        "/search/?q=story",
        "/subscribe/",
        "/accounts/login/",
    ],
)
def test_every_get_route_accepts_head(client, world, path):
    factories.article(world)
    get = client.get(path)
    head = client.head(path)
    assert head.status_code == get.status_code
    assert head.status_code < 400, (path, head.status_code)
    assert head.content == b""
