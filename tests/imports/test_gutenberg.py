"""WordPress 6.4's block test data (a WordPress.org WXR 1.2 full of Gutenberg blocks, from
WordPress/theme-test-data): blocks become Masthead's body blocks; imported articles are in the
feeds, the sitemap and the API like any other."""

import pytest

from masthead.newsroom.models import ArticlePage

from .support import FIXTURES, run_import

pytestmark = pytest.mark.django_db
BLOCKS = FIXTURES / "64-block-test-data.xml"


def body(title: str) -> list[tuple[str, object]]:
    page = ArticlePage.objects.get(title=title)
    return [(b["type"], b["value"]) for b in page.body.raw_data]


def test_gutenberg_blocks_become_body_blocks(site, capsys, tmp_path):
    code, report, err = run_import(capsys, tmp_path, "wordpress", BLOCKS)
    assert report["counts"]["articles"]["created"] == 61
    assert report["counts"]["pages"]["created"] == 1
    assert {"where": "item 165", "reason": "unknown shortcode [audio] removed"} in report[
        "rejected"
    ]
    assert code == 1
    quote = body("Quote")
    assert quote[0] == ("crosshead", "Alignment")
    assert quote[1] == (
        "quote",
        {"text": "Quote, default (no alignment)", "attribution": "Citation"},
    )
    lists = [v for k, v in body("List") if k == "list"]
    assert lists and lists[0].startswith("<ul><li>List item</li><li>List item")
    assert any(v.startswith("<ol>") for v in lists)  # the numbered one stays numbered
    assert not any(str(v).startswith("<p>•") for _k, v in body("List"))
    tables = [v for k, v in body("Table") if k == "table"]
    assert tables and ["Cell 1", "Cell 2"] in tables[0]["rows"]
    for title in ("Custom HTML", "Shortcode", "Classic", "Video", "Audio", "Gallery"):
        for _kind, value in body(title):
            text = str(value)
            assert "<script" not in text and "<!-- wp:" not in text and "style=" not in text


def test_imported_articles_are_in_the_feed_sitemap_and_api(site, client, capsys, tmp_path):
    run_import(capsys, tmp_path, "wordpress", BLOCKS)
    page = ArticlePage.objects.get(title="Quote")
    assert page.live
    assert page.url in client.get("/sitemap.xml").content.decode()
    feed = client.get("/feeds/latest/").content.decode()
    newest = ArticlePage.objects.live().order_by("-first_published_at").first()
    assert newest.title in feed
    api = client.get("/api/v1/articles/").json()
    assert newest.title in {a["headline"] for a in api["results"]}
