"""Site chrome on every page: the favicon (linked and at /favicon.ico) and the header search."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_every_page_links_the_svg_mark(client, world):
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/masthead/favicon.svg' in html
    assert 'type="image/svg+xml"' in html
    svg = finders.find("masthead/favicon.svg")
    assert svg and Path(svg).read_text().startswith("<svg")


def test_favicon_ico_redirects_to_the_svg(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].startswith("/static/masthead/favicon.svg")
    assert "max-age=86400" in response["Cache-Control"]
    assert client.head("/favicon.ico").status_code == 301


def test_header_search_form_has_a_visible_submit_button(client, world):
    html = client.get("/").content.decode()
    form = html.split('role="search">', 1)[1].split("</form>", 1)[0]
    assert '<button class="site-nav__search-submit" type="submit">Search</button>' in form
