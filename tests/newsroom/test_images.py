"""Images: the lead above the fold loads first; cards below the fold wait until scrolled to."""

import re

import pytest

from masthead.newsroom.models import ArticlePage
from tests import factories

pytestmark = pytest.mark.django_db


def _with_image(page):
    ArticlePage.objects.filter(pk=page.pk).update(
        lead_image=factories.image(), lead_image_alt="A quiet quay at dawn"
    )
    return ArticlePage.objects.get(pk=page.pk)


def _img(html, alt):
    return re.search(r'<img[^>]*alt="' + re.escape(alt) + r'"[^>]*>', html).group(0)


def test_article_lead_image_is_eager_and_high_priority(client, world):
    page = _with_image(factories.article(world, access="free"))
    tag = _img(client.get(page.public_path).content.decode(), "A quiet quay at dawn")
    assert 'loading="eager"' in tag
    assert 'fetchpriority="high"' in tag
    assert "lazy" not in tag


def test_front_lead_is_eager_and_other_cards_stay_lazy(client, world):
    for n in range(4):
        _with_image(factories.article(world, title=f"Harbour story number {n}", access="free"))
    html = client.get("/").content.decode()
    cards = re.findall(r'<a class="card__image"[^>]*>(<img[^>]*>)', html)
    assert len(cards) >= 2
    assert 'loading="eager"' in cards[0] and 'fetchpriority="high"' in cards[0]
    assert all('loading="lazy"' in tag for tag in cards[1:])


def test_article_lead_has_srcset_and_sizes(client, world):
    page = _with_image(factories.article(world, access="free"))
    tag = _img(client.get(page.public_path).content.decode(), "A quiet quay at dawn")
    srcset = re.search(r'srcset="([^"]+)"', tag).group(1)
    widths = [int(c.split()[-1].rstrip("w")) for c in srcset.split(", ")]
    assert len(widths) >= 2 and widths == sorted(widths)
    assert 'sizes="' in tag


def test_cards_have_srcset_and_sizes(client, world):
    for n in range(3):
        _with_image(factories.article(world, title=f"Quay story number {n}", access="free"))
    html = client.get("/").content.decode()
    cards = re.findall(r'<a class="card__image"[^>]*>(<img[^>]*>)', html)
    assert cards
    for tag in cards:
        assert re.search(r'srcset="[^"]+ \d+w, [^"]+ \d+w"', tag)
        assert 'sizes="' in tag
