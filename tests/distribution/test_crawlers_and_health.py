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
