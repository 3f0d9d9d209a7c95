"""A Ghost export written by Ghost's own migration tools (TryGhost/migrate's fixture, MIT;
tests/fixtures/ghost/SOURCE.md), not by us: its posts, authors, tags and a lexical-only post
import; its images, which are on a site we cannot reach, are listed as missing; the old URLs
answer 301; a second run creates nothing."""

from pathlib import Path

import pytest

from masthead.newsroom.models import ArticlePage

from .support import created, run_import

pytestmark = pytest.mark.django_db
EXPORT = Path(__file__).parent.parent / "fixtures" / "ghost" / "migrate-assetscraper-ghost.json"


def test_ghost_migrate_fixture_imports(site, client, capsys, tmp_path):
    code, report, err = run_import(capsys, tmp_path, "ghost", EXPORT)
    assert code == 0, (err, report["rejected"])
    assert report["counts"]["articles"]["created"] == 3
    assert report["counts"]["authors"]["created"] == 2
    titles = set(ArticlePage.objects.values_list("title", flat=True))
    assert titles == {"Post 1", "Post 2", "Post 3 - Lexical"}
    first = ArticlePage.objects.get(title="Post 1")
    assert [a.name for a in first.authors] == ["Alice Johnson"]
    assert first.get_parent().title == "News"
    assert "https://example.com/images/photo-1.jpg" in report["missing_media"]
    assert "https://example.com/images/lexical-image.jpg" in report["missing_media"]
    text = " ".join(str(b.value) for b in first.body)
    assert "Hello world" in text and "More text" in text and "<img" not in text
    old = client.get("/post-1/")
    assert old.status_code == 301 and old["Location"].rstrip("/").endswith(first.slug)
    code, again, _ = run_import(capsys, tmp_path, "ghost", EXPORT)
    assert set(created(again).values()) == {0}
