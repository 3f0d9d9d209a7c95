"""WordPress WXR import on WordPress's own theme unit test data (tests/imports/fixtures,
README there), and on small files of our own for what it lacks."""

import re

import pytest
from wagtail.contrib.redirects.models import Redirect

from masthead.imports.models import ImportedComment, ImportedItem
from masthead.newsroom.models import ArticlePage, Author, SectionPage, Topic

from .support import THEME_DATA, created, run_import

pytestmark = pytest.mark.django_db


def article(source_id: str) -> ArticlePage:
    key = ImportedItem.objects.get(source="wordpress", source_id=source_id)
    return ArticlePage.objects.get(pk=key.object_id)


BLOG = "https://wpthemetestdata.wordpress.com"


def test_theme_unit_test_data_imports_and_a_second_run_creates_nothing(site, capsys, tmp_path):
    code, report, err = run_import(capsys, tmp_path, "wordpress", THEME_DATA)
    assert code == 1, err  # repairs are listed: a post with no title, unknown shortcodes
    assert report["source"] == "wordpress" and report["dry_run"] is False
    assert set(report) == {"source", "dry_run", "counts", "rejected", "missing_media"}
    assert report["counts"]["articles"] == {
        "created": 58, "updated": 0, "unchanged": 0, "rejected": 0
    }  # fmt: skip
    assert report["counts"]["pages"]["created"] == 21
    assert ArticlePage.objects.count() == 79
    reasons = {(r["where"], r["reason"]) for r in report["rejected"]}
    assert ("item 587", "unknown shortcode [audio] removed") in reasons
    assert any(w == "item 1169" and r.startswith("no title: titled") for w, r in reasons)
    # no image folder given: every image is listed as missing, and the articles still import
    assert len(report["missing_media"]) > 20
    assert all(
        u.startswith("https://wpthemetestdata.files.wordpress.com/")
        for u in report["missing_media"]
    )

    before = (ArticlePage.objects.count(), Redirect.objects.count(), Topic.objects.count())
    code2, again, _ = run_import(capsys, tmp_path, "wordpress", THEME_DATA)
    assert set(created(again).values()) == {0}
    assert again["counts"]["articles"]["unchanged"] == 58
    assert (ArticlePage.objects.count(), Redirect.objects.count(), Topic.objects.count()) == before
    assert code2 == 1  # the unknown shortcodes are listed again


def test_drafts_stay_drafts_and_scheduled_stay_scheduled(site, capsys, tmp_path):
    run_import(capsys, tmp_path, "wordpress", THEME_DATA)
    draft = article(f"{BLOG}|1164")  # "Draft" in the theme data (status draft)
    assert not draft.live and draft.get_latest_revision() is not None
    scheduled = article(f"{BLOG}|1153")  # "Scheduled" (status future, 2030)
    assert not scheduled.live
    assert scheduled.go_live_at is not None and scheduled.go_live_at.year == 2030
    assert scheduled.get_latest_revision().approved_go_live_at is not None
    published = article(f"{BLOG}|1177")
    assert published.live
    assert published.first_published_at.isoformat() == "2013-01-11T03:15:40+00:00"


def test_old_permalinks_and_shortlinks_answer_301_to_the_new_url(site, client, capsys, tmp_path):
    run_import(capsys, tmp_path, "wordpress", THEME_DATA)
    page = article(f"{BLOG}|1177")
    new = page.url
    assert new == "/classic/markup-image-alignment/"
    for old in ("/2013/01/10/markup-image-alignment/", "/?p=1177", "/?p=1177&utm_source=x"):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == new
    about = article(f"{BLOG}|2")  # the page "About The Tests"
    response = client.get("/?page_id=2")
    assert response.status_code == 301 and response["Location"] == about.url
    assert client.get(new).status_code == 200
    assert client.get("/?p=999999").status_code == 200  # unknown: the front page, no redirect


def test_categories_become_a_section_and_topics_and_authors_snippets(site, capsys, tmp_path):
    run_import(capsys, tmp_path, "wordpress", THEME_DATA)
    page = article(f"{BLOG}|1177")  # categories Classic, Markup; tags alignment, captions...
    assert page.get_parent().specific_class is SectionPage
    assert page.get_parent().slug == "classic"  # the first category: no primary is marked
    assert {"markup", "alignment-2", "captions-2"} <= {t.slug for t in page.topics.all()}
    assert [a.name for a in page.authors] == ["Theme Buster"]
    assert Author.objects.filter(slug="themereviewteam").exists()


def test_access_tag_makes_subscribers_only_from_the_first_save(site, capsys, tmp_path):
    from django.db.models.signals import post_save

    saves = []

    def watch(sender, instance, **kwargs):
        saves.append((instance.slug, instance.access, instance.live))

    post_save.connect(watch, sender=ArticlePage, dispatch_uid="watch-access")
    try:
        run_import(capsys, tmp_path, "wordpress", THEME_DATA, "--access-tag", "captions")
    finally:
        post_save.disconnect(dispatch_uid="watch-access", sender=ArticlePage)
    page = article(f"{BLOG}|1177")
    assert page.access == "subscribers" and page.live
    others = article(f"{BLOG}|1148")  # "Template: Comments": no such tag
    assert others.access == "metered"
    assert saves and not [s for s in saves if s[0] == page.slug and s[1] != "subscribers"]


def test_dry_run_writes_nothing_and_reports_the_same(site, capsys, tmp_path):
    before = ImportedItem.objects.count(), ArticlePage.objects.count(), Redirect.objects.count()
    code, dry, _ = run_import(capsys, tmp_path, "wordpress", THEME_DATA, "--dry-run")
    assert dry["dry_run"] is True
    after = ImportedItem.objects.count(), ArticlePage.objects.count(), Redirect.objects.count()
    assert after == before
    code2, real, _ = run_import(capsys, tmp_path, "wordpress", THEME_DATA)
    assert dry["counts"] == real["counts"] and code == code2
    assert dry["rejected"] == real["rejected"]


def test_comments_are_kept_with_the_article(site, capsys, tmp_path):
    run_import(capsys, tmp_path, "wordpress", THEME_DATA)
    kept = ImportedComment.objects.filter(article=article(f"{BLOG}|1148"))
    assert kept.count() >= 10
    assert kept.exclude(parent_source_id="").exists()  # threads keep their replies' parents
    assert not [c.body for c in kept if re.search(r"<[a-zA-Z/!]", c.body)]  # plain text
