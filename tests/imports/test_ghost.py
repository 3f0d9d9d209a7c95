"""Ghost JSON exports (versions 4 to 6): html first, lexical/mobiledoc only where html is
missing; visibility → access level; tags → section and topics; old URLs → 301."""

import pytest

from masthead.imports.models import ImportedItem
from masthead.newsroom.models import ArticlePage

from .support import FIXTURES, created, run_import

pytestmark = pytest.mark.django_db
GHOST_5 = FIXTURES / "ghost-5.json"


def post(n: int) -> ArticlePage:
    key = ImportedItem.objects.get(source="ghost", source_id=f"6{n:023x}")
    return ArticlePage.objects.get(pk=key.object_id)


@pytest.mark.parametrize("name", ["ghost-4.json", "ghost-5.json"])
def test_a_ghost_export_imports_and_a_second_run_creates_nothing(site, capsys, tmp_path, name):
    media = FIXTURES / "ghost-images"
    code, report, err = run_import(capsys, tmp_path, "ghost", FIXTURES / name, "--media", media)
    assert code == 1  # the post with a broken date
    assert report["source"] == "ghost"
    assert report["rejected"] == [
        {"where": "item 60000000000000000000000b", "reason": "broken date 'not a date'"}
    ]
    assert report["counts"]["articles"]["created"] == 9
    assert report["counts"]["pages"]["created"] == 1
    assert report["counts"]["images"]["created"] == 2
    assert report["missing_media"] == []
    code, again, _ = run_import(capsys, tmp_path, "ghost", FIXTURES / name, "--media", media)
    assert set(created(again).values()) == {0}
    assert again["counts"]["articles"]["unchanged"] == 9


def test_visibility_becomes_the_access_level(site, capsys, tmp_path):
    run_import(capsys, tmp_path, "ghost", GHOST_5)
    assert [post(n).access for n in (1, 2, 3, 4)] == [
        "metered", "metered", "subscribers", "subscribers"
    ]  # fmt: skip


def test_paid_text_is_never_public(site, client, capsys, tmp_path):
    run_import(capsys, tmp_path, "ghost", GHOST_5)
    paid = post(3)
    assert paid.live
    html = client.get(paid.url).content.decode()
    assert "Open lede." in html
    assert "PAID-CANARY" not in html
    assert 'data-paywall="subscribers-only"' in html
    feed = client.get("/feeds/latest/").content.decode()
    assert "The paid investigation" in feed and "PAID-CANARY" not in feed


def test_status_tags_authors_and_lead_image(site, capsys, tmp_path):
    run_import(capsys, tmp_path, "ghost", GHOST_5, "--media", FIXTURES / "ghost-images")
    first = post(1)
    assert first.live and first.first_published_at.isoformat() == "2023-05-01T10:30:00+00:00"
    assert first.get_parent().slug == "politics"  # the primary tag
    assert [t.slug for t in first.topics.all()] == ["elections"]  # #internal left out
    assert [a.name for a in first.authors] == ["Grace Hopper", "Ada Lovelace"]
    assert first.standfirst == "Our first story, in public."
    assert first.lead_image is not None and first.lead_image_caption == "The lead caption"
    assert first.lead_image_alt == "A blue square"
    kinds = [b["type"] for b in first.body.raw_data]
    assert kinds == [
        "paragraph", "image", "embed", "quote", "list", "crosshead", "paragraph"
    ]  # fmt: skip
    assert not post(5).live  # draft
    scheduled = post(6)
    assert not scheduled.live and scheduled.go_live_at.year == 2099
    assert post(9).get_parent().slug == "pages"


def test_lexical_and_mobiledoc_when_html_is_missing(site, capsys, tmp_path):
    run_import(capsys, tmp_path, "ghost", GHOST_5)
    assert [(b["type"], b["value"]) for b in post(7).body.raw_data] == [
        ("paragraph", "<p>Written in <b>Lexical</b> only.</p>"),
        ("crosshead", "A lexical heading"),
        ("list", "<ul><li>first point</li></ul>"),
    ]
    assert [(b["type"], b["value"]) for b in post(8).body.raw_data] == [
        (
            "paragraph",
            '<p><b>Mobiledoc</b> body with a <a href="https://example.org/">link</a></p>',
        ),
        ("paragraph", "<p>From an HTML card</p>"),
        ("crosshead", "A mobiledoc heading"),
    ]


def test_hostile_post_is_clean(site, capsys, tmp_path):
    run_import(capsys, tmp_path, "ghost", GHOST_5)
    page = post(10)
    assert page.title == "Hostile title" and page.standfirst == "Deck"
    stored = str(page.body.raw_data)
    for bad in ("script", "onclick", "javascript:", "style=", "<form", "<iframe", "cookie"):
        assert bad not in stored


def test_old_ghost_urls_answer_301(site, client, capsys, tmp_path):
    run_import(capsys, tmp_path, "ghost", GHOST_5)
    first = post(1)
    for old in ("/welcome/", "/p/00000000-0000-4000-8000-000000000001/"):
        response = client.get(old)
        assert response.status_code == 301 and response["Location"] == first.url
    assert client.get("/about/").status_code == 301
