"""/media/ files (image renditions) carry a long cache lifetime, as served by the app."""

import pytest

from masthead.newsroom.models import ArticlePage
from tests import factories

pytestmark = pytest.mark.django_db


def test_media_rendition_is_cacheable_for_30_days(client, world):
    page = factories.article(world, access="free")
    image = factories.image()
    ArticlePage.objects.filter(pk=page.pk).update(lead_image=image)
    url = image.get_rendition("width-480").url
    assert url.startswith("/media/")
    response = client.get(url)
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert "max-age=2592000" in response["Cache-Control"]
