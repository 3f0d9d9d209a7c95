"""The ``--scale`` builder writes pages in bulk (``masthead.demo.bulk``): its articles must be
served, listed, indexed and editable exactly as pages made one by one through Wagtail."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision

from masthead.newsroom.models import ArticlePage

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]

N = 300


@pytest.fixture(scope="module")
def bulk_build(django_db_setup, django_db_blocker):
    """Built once for the module, inside a transaction rolled back at its end (as the demo's)."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            out = StringIO()
            call_command("build_demo", "--no-progress", "--reset", "--scale", str(N), stdout=out)
            yield out.getvalue()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def bulk_site(bulk_build, db):
    return ArticlePage.objects.live().filter(access="metered").order_by("-first_published_at")


def tree():
    return list(Page.objects.order_by("path").values_list("pk", "path", "depth", "numchild"))


def test_bulk_pages_form_a_sound_tree(bulk_site):
    assert ArticlePage.objects.live().count() == N
    assert all(not problems for problems in Page.find_problems())
    before = tree()
    Page.fix_tree()  # treebeard's repair: nothing to repair
    assert tree() == before
    out = StringIO()
    call_command("fixtree", "--noinput", stdout=out)
    assert "No problems found" in out.getvalue()
    for section in Page.objects.filter(depth=3):
        assert section.numchild == section.get_children().count()


def test_bulk_page_has_the_rows_a_published_page_has(bulk_site):
    page = bulk_site.first()
    parent = page.get_parent()
    assert page.url_path == f"{parent.url_path}{page.slug}/"
    assert page.draft_title == page.title and page.locale_id == parent.locale_id
    assert not page.has_unpublished_changes
    revision = Revision.page_revisions.get(object_id=str(page.pk))
    assert page.live_revision == page.latest_revision == revision
    assert revision.created_at == page.first_published_at == page.latest_revision_created_at
    as_published = revision.as_object()
    assert as_published.title == page.title and list(as_published.body.raw_data) == list(
        page.body.raw_data
    )
    assert [a.pk for a in as_published.authors] == [a.pk for a in page.authors] != []
    topics = {t.pk for t in as_published.topics.all()}
    assert topics == {t.pk for t in page.topics.all()} != set()
    actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    assert actions == {"wagtail.create", "wagtail.publish"}
    # The reference index knows what the page uses (its lead image, authors, topic).
    used = ReferenceIndex.get_references_for_object(page)
    assert used.filter(model_path="lead_image").exists()
    assert used.filter(model_path__startswith="article_authors").exists()


def test_bulk_article_is_served_metered_listed_and_found(bulk_site, settings):
    page = bulk_site.first()
    for fast in (True, False):  # the fast route and Wagtail's own routing
        settings.MASTHEAD_FAST_ARTICLES = fast
        response = Client().get(page.public_path)
        html = response.content.decode()
        assert response.status_code == 200 and page.title in html
        assert "data-meter-remaining" in html and "mh_device" in response.cookies
    section = page.get_parent()
    assert page.public_path in Client().get(section.url).content.decode()
    sitemap = Client().get("/sitemap.xml").content.decode()
    assert f"{page.public_path}</loc>" in sitemap
    assert page.public_path in Client().get("/news-sitemap.xml").content.decode()
    word = max(re.findall(r"[A-Za-z]{6,}", page.title), key=len)
    assert page in ArticlePage.objects.live().search(word)


def test_bulk_article_is_editable_in_the_wagtail_admin(bulk_site, client):
    page = bulk_site.first()
    client.login(username="editor@example.com", password="masthead-demo")
    edit = client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200 and page.title in edit.content.decode()
    history = client.get(f"/admin/pages/{page.pk}/history/")
    assert history.status_code == 200
    listing = client.get(f"/admin/pages/{page.get_parent().pk}/")
    assert listing.status_code == 200 and page.title in listing.content.decode()
    page = ArticlePage.objects.get(pk=page.pk)
    page.title = "A corrected headline for a bulk article"
    page.save_revision(user=page.owner).publish(user=page.owner)
    html = Client().get(page.public_path).content.decode()
    assert "A corrected headline for a bulk article" in html
    assert all(not problems for problems in Page.find_problems())


def _entries(pages):
    from wagtail.search.models import IndexEntry

    return {
        e["object_id"]: e
        for e in IndexEntry.objects.filter(object_id__in=[str(p.pk) for p in pages]).values(
            "object_id", "title", "body", "autocomplete"
        )
    }


def test_bulk_search_entries_are_the_ones_the_backend_writes_for_a_page(bulk_site):
    """The builder computes each page's preview text once for all the index's vectors: the
    entries are the same as those the backend writes when it indexes the page itself."""
    from modelsearch.backends import get_search_backends

    pages = list(bulk_site[:3])
    built = _entries(pages)
    assert len(built) == 3 and all(e["body"] for e in built.values())
    for backend in get_search_backends(with_auto_update=True):
        for page in pages:
            backend.add(page)
    assert _entries(pages) == built
    assert not any("search_preview_text" in vars(page) for page in pages)


def test_title_norms_are_refreshed_once_for_the_whole_build(bulk_site, monkeypatch):
    """PostgreSQL's index refreshes the title norms (two scans of every entry) after each batch
    it adds; inside ``title_norms_once`` it does so once, at the end."""
    from django.db import connection
    from modelsearch.backends import get_search_backends

    if connection.vendor != "postgresql":
        pytest.skip("the title norms are the PostgreSQL search backend's")
    from modelsearch.backends.database.postgres.postgres import PostgresIndex
    from wagtail.search.models import IndexEntry

    from masthead.demo import bulk

    calls = []
    refresh = PostgresIndex._refresh_title_norms
    monkeypatch.setattr(
        PostgresIndex,
        "_refresh_title_norms",
        lambda self, full=False: calls.append(full) or refresh(self, full),
    )
    pages = list(bulk_site[:6])
    with bulk.title_norms_once():
        for batch in (pages[:2], pages[2:4], pages[4:]):
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(ArticlePage, batch)
        waiting = IndexEntry.objects.filter(title_norm=1.0).count()
        assert waiting >= 6 and calls == []  # the new entries' norm of 1.0: not refreshed yet
    assert calls == [False]
    assert IndexEntry.objects.filter(title_norm=1.0).count() < waiting
