"""An export in the shape Ghost core writes it, taken from Ghost's own test fixtures
(``TryGhost/Ghost``, ``ghost/core/test/utils/fixtures/export/products_export.json``, MIT;
tests/fixtures/ghost/SOURCE.md), not written by us: a Ghost 4.1 export with tiers (still
called ``products`` there) and their Stripe prices, a newsletter, ``posts_products`` and one
post with both ``mobiledoc`` and ``html`` but no authors or tags at all. It imports (``html``
wins, the empty paragraph is dropped), the old URLs answer 301, and a second run creates
nothing."""

from pathlib import Path

import pytest

from masthead.newsroom.models import ArticlePage

from .support import created, run_import

pytestmark = pytest.mark.django_db
EXPORT = Path(__file__).parent.parent / "fixtures" / "ghost" / "core-products_export.json"


def test_ghost_cores_own_export_fixture_imports(site, client, capsys, tmp_path):
    code, report, err = run_import(capsys, tmp_path, "ghost", EXPORT)
    assert code == 0, (err, report and report["rejected"])
    assert report["counts"]["articles"]["created"] == 1
    article = ArticlePage.objects.get(title="Test newsletter")
    assert article.slug == "test-newsletter" and article.live
    assert article.first_published_at.isoformat().startswith("2022-06-08T07:15:28")
    blocks = [(b.block_type, str(b.value)) for b in article.body]
    assert blocks == [("paragraph", "<p>Hi there! This is a test newsletter.</p>")], blocks
    assert article.access == "metered"  # visibility "public" (README, "Import")
    assert report["rejected"] == []
    old = client.get("/test-newsletter/")
    assert old.status_code == 301 and old["Location"].rstrip("/").endswith(article.slug)
    by_uuid = client.get("/p/e4b7fed0-348e-4415-ac3e-0aa36f5f8956/")
    assert by_uuid.status_code == 301
    code, again, _ = run_import(capsys, tmp_path, "ghost", EXPORT)
    assert code == 0 and set(created(again).values()) == {0}
