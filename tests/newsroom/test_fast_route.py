"""The fast article route renders byte-identical pages to Wagtail's routing, and follows
what editors publish, unpublish and move."""

import re

import pytest
from django.test import Client

from masthead.newsroom.models import ArticlePage
from tests import factories
from tests.factories import CANARY

pytestmark = pytest.mark.django_db


def _page(settings, fast: bool, path: str, cookie: str | None = None) -> str:
    settings.MASTHEAD_FAST_ARTICLES = fast
    client = Client()
    if cookie:
        client.cookies["mh_device"] = cookie
    html = client.get(path).content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_fast_and_wagtail_routes_render_identical_pages(world, settings):
    page = factories.article(
        world, topics=[factories.topic("Trade")], contributor_note="Staff writers contributed."
    )
    for path in (page.public_path, page.public_path + "print/"):
        assert _page(settings, True, path) == _page(settings, False, path)


def test_fast_and_wagtail_routes_gate_identically(world, settings):
    read = [factories.article(world) for _ in range(3)]
    walled = factories.article(world)
    client = Client()
    for a in read:
        client.get(a.public_path)
    cookie = client.cookies["mh_device"].value
    fast = _page(settings, True, walled.public_path, cookie)
    slow = _page(settings, False, walled.public_path, cookie)
    assert fast == slow
    assert 'data-paywall="registration"' in fast and CANARY not in fast


def test_unpublished_article_leaves_the_fast_route_at_once(client, world):
    page = factories.article(world)
    assert client.get(page.public_path).status_code == 200
    page.unpublish()
    assert client.get(page.public_path).status_code == 404


def test_republished_article_shows_its_new_revision(client, world):
    page = factories.article(world, title="First headline")
    assert "First headline" in client.get(page.public_path).content.decode()
    page = ArticlePage.objects.get(pk=page.pk)
    page.title = "Corrected headline"
    page.save_revision().publish()
    html = client.get(page.public_path).content.decode()
    assert "Corrected headline" in html and "First headline" not in html


def test_section_feed_and_unknown_paths_fall_through_to_wagtail(client, world):
    factories.article(world)
    assert client.get("/world/feed/").status_code == 200
    assert client.get("/world/no-such-story/").status_code == 404


def test_private_article_is_not_served_by_the_fast_route(client, world):
    from wagtail.models import PageViewRestriction

    page = factories.article(world)
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    response = client.get(page.public_path)
    assert response.status_code == 302 and "login" in response.url


def test_editor_preview_shows_the_whole_draft_without_metering(world, rf):
    from masthead.access.identity import DeviceIdentity
    from masthead.newsroom.reading import render_article

    page = factories.article(world, access="subscribers")
    page.title = "Draft headline"
    request = rf.get(page.public_path)
    request.user = factories.user("editor@example.org", is_staff=True)
    request.device = DeviceIdentity(None)
    request.is_preview = True
    html = render_article(request, page, "newsroom/article_page.html").content.decode()
    assert "Draft headline" in html and CANARY in html
    assert "data-paywall" not in html and "data-meter-remaining" not in html
    assert '<meta name="robots" content="noindex">' in html
    from masthead.access.models import MeterView
    from masthead.events.models import ReaderEvent

    assert not MeterView.objects.exists() and not ReaderEvent.objects.exists()


@pytest.mark.parametrize("on", ["article", "section"])
def test_new_view_restriction_applies_at_once_on_the_fast_route(client, world, on):
    from wagtail.models import PageViewRestriction

    page = factories.article(world)
    assert client.get(page.public_path).status_code == 200  # the route is now cached
    restricted = page if on == "article" else world
    restriction = PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    response = client.get(page.public_path)
    assert response.status_code == 302 and "login" in response.url
    restriction.delete()
    assert client.get(page.public_path).status_code == 200
