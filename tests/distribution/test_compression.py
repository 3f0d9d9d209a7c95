"""HTML, feeds and JSON are gzip-compressed for clients that accept it, and intact when unpacked."""

import gzip

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def _body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.mark.parametrize("kind", ["article", "feed", "api"])
def test_gzip_on_article_feed_and_api(client, world, kind):
    page = factories.article(world, title="Tidal gauges record a record spring high", access="free")
    url = {"article": page.public_path, "feed": "/feeds/latest/", "api": "/api/v1/articles/"}[kind]
    response = client.get(url, headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert b"Tidal gauges record a record spring high" in gzip.decompress(_body(response))


def test_no_gzip_without_accept_encoding(client, world):
    page = factories.article(world, access="free")
    assert "Content-Encoding" not in client.get(page.public_path)
