"""Work that is the same for every reader is done when the page's shell is rendered, not on
every view that reuses the cached shell."""

import pytest
from django.test import Client

from masthead.newsroom import reading
from tests import factories

pytestmark = pytest.mark.django_db


def test_share_links_are_built_only_with_the_shell(monkeypatch, world):
    built = []
    real = reading.share_links

    def counting(*args, **kwargs):
        built.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(reading, "share_links", counting)
    page = factories.article(world)
    first = Client().get(page.public_path).content.decode()
    assert len(built) == 1 and "facebook.com/sharer" in first
    for _ in range(3):
        html = Client().get(page.public_path).content.decode()
        assert "facebook.com/sharer" in html
    assert len(built) == 1
