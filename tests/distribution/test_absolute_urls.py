"""Absolute URLs come from MASTHEAD_SITE_URL, feeds carry stable guids, and an article's
JSON-LD follows the article's access, never the viewer (issue 11, item 6)."""

import json
import re
import xml.etree.ElementTree as ET  # noqa: S405 - our own server's output

import pytest
from django.core.management import call_command
from wagtail.models import Site

from masthead.newsroom.site_record import site_record_sync
from tests import factories
from tests.factories import CANARY

pytestmark = pytest.mark.django_db

SITE = "https://news.example.org"


def _jsonld(client, path: str) -> dict:
    html = client.get(path).content.decode()
    blob = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    return json.loads(blob)


@pytest.mark.parametrize(
    ("url", "hostname", "port", "root_url"),
    [
        ("https://news.example.org", "news.example.org", 443, "https://news.example.org"),
        ("http://127.0.0.1:8000", "127.0.0.1", 8000, "http://127.0.0.1:8000"),
        ("http://paper.example.org/", "paper.example.org", 80, "http://paper.example.org"),
    ],
)
def test_site_record_follows_site_url(settings, site, url, hostname, port, root_url):
    settings.SITE_URL = url.rstrip("/")
    site_record_sync()
    record = Site.objects.get(is_default_site=True)
    assert (record.hostname, record.port, record.root_url) == (hostname, port, root_url)
    assert record.root_page_id == site.pk  # the root page is left alone


def test_migrate_sets_the_site_record(settings, site):
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    settings.SITE_URL = SITE
    call_command("migrate", interactive=False, verbosity=0)
    assert Site.objects.get(is_default_site=True).root_url == SITE


def test_sitemap_urls_start_with_site_url(client, settings, world):
    settings.SITE_URL = SITE
    page = factories.article(world)
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    assert SITE + page.public_path in locations
    assert SITE + world.public_path in locations
    assert all(loc.startswith(SITE + "/") for loc in locations), locations


@pytest.mark.parametrize("path", ["/feeds/latest/", "/world/feed/"])
def test_rss_guid_is_the_permalink_or_says_it_is_not(client, settings, world, path):
    settings.SITE_URL = SITE
    factories.article(world, title="Guid story")
    channel = ET.fromstring(client.get(path).content).find("channel")  # noqa: S314
    items = channel.findall("item")
    assert items
    for item in items:
        guid = item.find("guid")
        assert guid is not None
        assert guid.text.startswith(SITE + "/")
        if guid.get("isPermaLink", "true") == "true":
            assert guid.text == item.findtext("link")
        else:
            assert guid.get("isPermaLink") == "false"


@pytest.mark.parametrize("access", ["free", "metered", "subscribers"])
def test_json_ld_is_the_same_for_every_viewer(client, world, access):
    page = factories.article(world, access=access)
    anonymous = _jsonld(client, page.public_path)
    client.force_login(factories.subscriber())
    subscriber = _jsonld(client, page.public_path)
    assert subscriber == anonymous
    assert subscriber["isAccessibleForFree"] is (access == "free")
    assert (CANARY in subscriber["articleBody"]) is (access == "free")


def test_sponsored_json_ld_is_free_and_authored_by_the_sponsor(client, world):
    page = factories.article(world, sponsor="Northwind Ferries", access="metered")
    client.force_login(factories.subscriber())
    data = _jsonld(client, page.public_path)
    assert data["isAccessibleForFree"] is True
    assert "hasPart" not in data
    assert data["author"] == [{"@type": "Organization", "name": "Northwind Ferries"}]
    assert data["sponsor"] == {"@type": "Organization", "name": "Northwind Ferries"}
    assert "Ana Writer" not in json.dumps(data)
