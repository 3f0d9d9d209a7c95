"""Sitemaps past 50,000 URLs: /sitemap.xml becomes a sitemap index of its pages.

The page size is lowered in the test (``SiteURLSitemap.limit``) instead of building 50,000
pages; the code path is the one a 100,000-article publication takes.
"""

import xml.etree.ElementTree as ET  # noqa: S405 - our own server's output

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masthead.distribution.sitemaps import SiteURLSitemap
from tests import factories

pytestmark = pytest.mark.django_db

SITE = "https://news.example.org"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _xml(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # noqa: S314


def _path(url: str) -> str:
    assert url.startswith(SITE + "/"), url
    return url[len(SITE) :]


@pytest.fixture
def small_pages(settings, monkeypatch):
    settings.SITE_URL = SITE
    monkeypatch.setattr(SiteURLSitemap, "limit", 2)


def test_a_sitemap_over_its_page_limit_is_an_index_of_every_page(client, world, small_pages):
    pages = [factories.article(world, title=f"Story {n}") for n in range(4)]
    root = _xml(client.get("/sitemap.xml"))
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    listed = [loc.text for loc in root.findall("s:sitemap/s:loc", NS)]
    # home, the section and four articles: 6 locations, 3 pages of 2
    assert listed == [
        f"{SITE}/sitemap-pages.xml",
        f"{SITE}/sitemap-pages.xml?p=2",
        f"{SITE}/sitemap-pages.xml?p=3",
    ]
    locations = []
    for url in listed:
        part = _xml(client.get(_path(url)))
        locations += [loc.text for loc in part.findall("s:url/s:loc", NS)]
    assert len(locations) == 6
    assert all(loc.startswith(SITE + "/") for loc in locations), locations
    assert {SITE + page.public_path for page in pages} <= set(locations)
    assert client.get("/sitemap-pages.xml?p=4").status_code == 404
    assert client.get("/sitemap-pages.xml?p=x").status_code == 404
    assert client.get("/sitemap-other.xml").status_code == 404


def test_one_page_stays_a_plain_sitemap(client, world, small_pages, monkeypatch):
    page = factories.article(world)  # home, section, article: 3 locations
    monkeypatch.setattr(SiteURLSitemap, "limit", 3)
    root = _xml(client.get("/sitemap.xml"))
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    assert SITE + page.public_path in [loc.text for loc in root.findall("s:url/s:loc", NS)]


def test_head_answers_for_the_index_and_its_pages(client, world, small_pages):
    for n in range(4):
        factories.article(world, title=f"Story {n}")
    for path in ("/sitemap.xml", "/sitemap-pages.xml", "/sitemap-pages.xml?p=3"):
        response = client.head(path)
        assert response.status_code == 200, path
        assert response["Content-Type"].startswith("application/xml")
        assert response.content == b""
    assert client.post("/sitemap.xml").status_code == 405


class _Count(int):
    """A query count whose repr lists the queries (so a failing comparison shows them)."""

    sql: list[str]

    def __repr__(self) -> str:
        return f"{int(self)} {[q[:90] for q in self.sql]}"


def _queries(client, path: str) -> int:
    client.get(path)  # the page chrome's caches (publication, navigation), emptied by a publish
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    count = _Count(len(queries))
    count.sql = [q["sql"] for q in queries.captured_queries]
    return count


def test_query_count_does_not_grow_with_the_publication(client, world, small_pages):
    for n in range(4):
        factories.article(world, title=f"Story {n}")
    before = {path: _queries(client, path) for path in ("/sitemap.xml", "/sitemap-pages.xml?p=2")}
    for n in range(10):
        factories.article(world, title=f"More {n}")
    after = {path: _queries(client, path) for path in ("/sitemap.xml", "/sitemap-pages.xml?p=2")}
    assert after == before, (before, after)
    # the site, the view restrictions, one count
    assert before["/sitemap.xml"] <= 3, before
