"""Substack's export (posts.csv + posts/*.html), as a folder or as the zip Substack sends."""

import zipfile

import pytest

from masthead.imports.models import ImportedItem
from masthead.newsroom.models import ArticlePage

from .support import FIXTURES, created, run_import

pytestmark = pytest.mark.django_db
FOLDER = FIXTURES / "substack"


def post(post_id: str) -> ArticlePage:
    key = ImportedItem.objects.get(source="substack", source_id=post_id)
    return ArticlePage.objects.get(pk=key.object_id)


def as_zip(tmp_path) -> str:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as z:
        for file in FOLDER.rglob("*"):
            if file.is_file():
                z.write(file, f"export-123/{file.relative_to(FOLDER)}")
    return path


@pytest.mark.parametrize("shape", ["folder", "zip"])
def test_substack_export_imports_and_a_missing_html_file_is_reported(site, capsys, tmp_path, shape):
    source = FOLDER if shape == "folder" else as_zip(tmp_path)
    code, report, err = run_import(capsys, tmp_path, "substack", source)
    assert code == 1
    assert report["rejected"] == [
        {
            "where": "line 3",
            "reason": "paid cut after paragraph 1 in the source; the site's preview of "
            "subscribers-only articles shows 2 (Settings → Meter and walls)",
        },
        {"where": "line 6", "reason": "posts/105.lost-file.html is missing from the export"},
    ]
    assert report["counts"]["articles"] == {
        "created": 4, "updated": 0, "unchanged": 0, "rejected": 1
    }  # fmt: skip
    assert report["missing_media"] == ["https://substackcdn.example/image/fetch/cover.png"]
    code, again, _ = run_import(capsys, tmp_path, "substack", source)
    assert set(created(again).values()) == {0}


def test_audience_and_the_paywall_jump_make_it_subscribers_only(site, client, capsys, tmp_path):
    run_import(capsys, tmp_path, "substack", FOLDER)
    assert post("101.hello-readers").access == "metered"
    assert post("102.paid-deep-dive").access == "subscribers"
    cut = post("103.free-with-a-cut")
    assert cut.access == "subscribers"  # the paid cut makes the post paid
    assert "paywall-jump" not in str(cut.body.raw_data)
    html = client.get(post("102.paid-deep-dive").url).content.decode()
    assert "The open part of the deep dive." in html and "PAID-CANARY" not in html


def test_drafts_decks_and_old_urls(site, client, capsys, tmp_path):
    run_import(capsys, tmp_path, "substack", FOLDER)
    first = post("101.hello-readers")
    assert first.live and first.standfirst == "The first issue"
    assert first.first_published_at.isoformat() == "2022-02-01T08:00:00+00:00"
    assert "<form" not in str(first.body.raw_data) and "Subscribe" not in str(first.body.raw_data)
    assert not post("104.unfinished").live
    response = client.get("/p/hello-readers")
    assert response.status_code == 301 and response["Location"] == first.url
