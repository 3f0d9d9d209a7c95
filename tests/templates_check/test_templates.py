"""Templates share what they have in common through partials, and link with ``{% url %}``."""

import re
from pathlib import Path

import pytest
from django.urls import Resolver404, resolve

import masthead

ROOT = Path(masthead.__file__).parent
TEMPLATES = sorted(ROOT.rglob("templates/**/*.html"))
NEWSROOM = ROOT / "newsroom" / "templates" / "newsroom"
LITERAL = re.compile(r'(?:href|action)="(/[^"{?#]*)')


def test_the_article_and_its_print_view_share_sponsor_label_body_and_disclosure():
    for name in ("article_page.html", "article_print.html"):
        source = (NEWSROOM / name).read_text()
        for partial in ("sponsor_label", "article_body", "sponsor_disclosure"):
            assert f'{{% include "newsroom/includes/{partial}.html" %}}' in source, (name, partial)
        assert "Paid for by" not in source and "for block in gated" not in source
        assert "commissioned by" not in source


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_links_to_our_routes_use_url_tags(path, db):
    hard_coded = []
    for target in LITERAL.findall(path.read_text()):
        if target == "/" or target.startswith("/static/"):
            continue  # the home page is Wagtail's; the 500 page links its stylesheet plainly
        try:
            match = resolve(target)
        except Resolver404:
            continue
        if match.url_name and match.url_name != "wagtail_serve":
            hard_coded.append(f"{target} -> {match.view_name}")
    assert not hard_coded
