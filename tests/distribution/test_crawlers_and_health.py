"""Health, robots.txt, sitemaps and feeds answer as CONTRACT.md says."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_cache(client):
    from django.conf import settings

    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok" if settings.REDIS_URL else "absent"}


def test_robots_txt_points_at_sitemaps(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_sitemap_lists_articles(client, world):
    page = factories.article(world)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert page.public_path in response.content.decode()


def test_news_sitemap_leaves_out_sponsored_content(client, world):
    news = factories.article(world, title="Plain news")
    sponsored = factories.article(world, sponsor="Acme", title="Paid piece")
    text = client.get("/news-sitemap.xml").content.decode()
    assert news.public_path in text
    assert sponsored.public_path not in text
    assert "<news:publication_date>" in text


def test_feeds_are_rss_2(client, world):
    factories.article(world, title="Feed story")
    for path in ("/feeds/latest/", "/world/feed/"):
        response = client.get(path)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/rss+xml")
        assert '<rss version="2.0"' in response.content.decode()
        assert "Feed story" in response.content.decode()


def test_a_sitemap_over_its_page_limit_lists_every_page_in_robots(client, world, monkeypatch):
    """A sitemap holds 50,000 URLs; a larger publication's /sitemap.xml has further pages
    (``?p=2``...), and robots.txt names each one so crawlers find every article."""
    from masthead.distribution.sitemaps import SiteURLSitemap

    monkeypatch.setattr(SiteURLSitemap, "limit", 2)
    pages = [factories.article(world, title=f"Story {n}") for n in range(4)]
    text = client.get("/robots.txt").content.decode()
    listed = [line for line in text.splitlines() if line.startswith("Sitemap: ")]
    # home, the section and four articles: 6 locations, 3 pages of 2
    assert listed[:3] == [
        "Sitemap: http://127.0.0.1:8000/sitemap.xml",
        "Sitemap: http://127.0.0.1:8000/sitemap.xml?p=2",
        "Sitemap: http://127.0.0.1:8000/sitemap.xml?p=3",
    ]
    assert "Sitemap: http://127.0.0.1:8000/news-sitemap.xml" in listed
    body = "".join(client.get(f"/sitemap.xml?p={p}").content.decode() for p in (1, 2, 3))
    assert all(page.public_path in body for page in pages)
    assert client.get("/sitemap.xml?p=4").status_code == 404
