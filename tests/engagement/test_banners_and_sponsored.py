"""Banners are scheduled, placed and dismissed; sponsored content carries its label on every
surface and is never metered."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.engagement.models import Banner
from tests import factories

pytestmark = pytest.mark.django_db


def test_banner_follows_its_schedule(client, world):
    now = timezone.now()
    Banner.objects.create(
        text="Now showing", starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1)
    )
    Banner.objects.create(text="Not yet", starts_at=now + timedelta(hours=1))
    Banner.objects.create(text="Already over", ends_at=now - timedelta(minutes=1))
    Banner.objects.create(text="Switched off", live=False)
    html = client.get("/").content.decode()
    assert "Now showing" in html and "data-banner" in html
    for hidden in ("Not yet", "Already over", "Switched off"):
        assert hidden not in html


def test_section_banner_shows_only_in_its_section(client, world):
    business = factories.section("business", "Business")
    Banner.objects.create(text="Business briefing is live", section=business)
    assert "Business briefing is live" in client.get("/business/").content.decode()
    assert "Business briefing is live" not in client.get("/world/").content.decode()


def test_dismissed_banner_stays_dismissed_without_javascript(client, world):
    banner = Banner.objects.create(text="Dismiss me", link_url="/subscribe/")
    assert "Dismiss me" in client.get("/").content.decode()
    response = client.post("/banners/dismiss/", {"key": f"banner-{banner.pk}", "next": "/world/"})
    assert response.status_code == 302 and response.url == "/world/"
    assert "Dismiss me" not in client.get("/").content.decode()


def test_dismiss_never_redirects_off_site(client, world):
    response = client.post(
        "/banners/dismiss/", {"key": "banner-1", "next": "https://evil.example/"}
    )
    assert response.url == "/"


def test_sponsored_label_on_every_surface(client, world):
    page = factories.article(
        world,
        title="A paid feature",
        sponsor="Northwind Ferries",
        topics=[factories.topic("Travel")],
    )
    labelled = {
        "/": "data-sponsored",
        "/world/": "data-sponsored",
        "/topics/travel/": "data-sponsored",
        "/search/?q=paid+feature": "data-sponsored",
        page.public_path: "data-sponsored",
        page.public_path + "print/": "data-sponsored",
    }
    for path, hook in labelled.items():
        assert hook in client.get(path).content.decode(), path
    html = client.get(page.public_path).content.decode()
    assert '<meta property="og:title" content="Sponsored content: A paid feature">' in html
    assert "About sponsored content" in html
    rss = client.get("/feeds/latest/").content.decode()
    assert "<category>Sponsored content</category>" in rss
    assert "paid for by Northwind Ferries" in rss
    api = client.get("/api/v1/articles/").json()["results"][0]
    assert api["sponsored"] is True
    data = client.get(f"/api/v1/articles/{page.pk}/").json()
    assert data["sponsor"] == {"name": "Northwind Ferries", "label": "Sponsored content"}
    ld = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert json.loads(ld)["sponsor"]["name"] == "Northwind Ferries"
    assert page.public_path not in client.get("/news-sitemap.xml").content.decode()
    assert client.get("/api/v1/me/").json()["meter"]["used"] == 0
