"""A list of cards reads its lead images' renditions with the list (``ArticleQuerySet.for_cards``,
``CARD_RENDITIONS``): however many cards show an image, a warm front page or section page makes
the same queries, and no rendition is looked up in, or written back to, the cache per card."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from masthead.newsroom.models import ArticlePage
from tests import factories
from tests.support.calls import record_calls

pytestmark = pytest.mark.django_db


@pytest.fixture
def rendition_cache_calls(monkeypatch):
    """Calls to the renditions' cache (Wagtail's ``Rendition.cache_backend``)."""
    backend = get_image_model().get_rendition_model().cache_backend
    return record_calls(monkeypatch, backend, ("get_many", "set_many"))


def _with_images(world, n):
    for _ in range(n):
        page = factories.article(world, access="free")
        ArticlePage.objects.filter(pk=page.pk).update(lead_image=factories.image())


def _warm(path, cache_calls) -> tuple[list[str], str]:
    Client().get(path)  # renders (and creates) the renditions, fills the page's caches
    cache_calls.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = Client().get(path)
    assert response.status_code == 200
    return [q["sql"] for q in ctx.captured_queries], response.content.decode()


@pytest.mark.parametrize("path", ["/", "section"])
def test_card_images_cost_the_same_queries_however_many_cards(world, path, rendition_cache_calls):
    path = world.public_path if path == "section" else path
    # Eight: the front page's seven latest and its section rail, with one card.
    _with_images(world, 8)
    few, html = _warm(path, rendition_cache_calls)
    images_few = len(re.findall(r"<img [^>]*srcset=", html))
    _with_images(world, 3)  # the rail's four, and more in the section's list
    many, html = _warm(path, rendition_cache_calls)
    assert len(re.findall(r"<img [^>]*srcset=", html)) > images_few >= 3
    assert len(many) == len(few), "\n".join(many)
    renditions = [q for q in many if "wagtailimages_rendition" in q]
    assert len(renditions) <= 2, renditions  # the list's prefetch (and the lead's, on "/")
    assert not [q for q in many if "wagtail-rendition" in q], "renditions in the cache table"
    assert rendition_cache_calls == [], rendition_cache_calls
