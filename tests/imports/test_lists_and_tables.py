"""Lists and tables in imported bodies become list and table blocks (issue 20, item 3), not
paragraphs of bullets and pipes: sanitised, nested lists kept, pictures inside list items
after the list, table cells as plain text; the article page renders them as HTML lists and
tables with header cells, and their text is in the body's plain text."""

import pytest

from masthead.imports.bodies import html_to_blocks
from masthead.newsroom.body import body_text
from masthead.newsroom.models import ArticlePage

from .support import run_import
from .wxr import item, wxr


def test_a_list_is_one_list_block_with_nested_lists_inside():
    blocks = html_to_blocks(
        '<p>Before</p><ul><li onclick="x()">One <b>bold</b> <a href="javascript:alert(1)">bad</a>'
        "</li><li>Two<ol><li>Two.a</li></ol></li></ul><p>After</p>"
    )
    assert blocks == [
        ("paragraph", "<p>Before</p>"),
        ("list", "<ul><li>One <b>bold</b> bad</li><li>Two<ol><li>Two.a</li></ol></li></ul>"),
        ("paragraph", "<p>After</p>"),
    ]


def test_a_picture_inside_a_list_item_comes_after_the_list():
    blocks = html_to_blocks('<ol><li>Look <img src="a.jpg" alt="A"></li></ol>', lambda url: 7)
    assert blocks[0] == ("list", "<ol><li>Look</li></ol>")
    assert blocks[1][0] == "image" and blocks[1][1]["image"] == 7


def test_an_empty_list_leaves_nothing():
    assert html_to_blocks("<ul><li> </li><li><script>x()</script></li></ul>") == []


def test_a_table_is_one_table_block_of_plain_cells():
    blocks = html_to_blocks(
        "<table><caption>Votes</caption><thead><tr><th>Party</th><th>Seats</th></tr></thead>"
        "<tbody><tr><td><b>Blue</b></td><td>40<script>x()</script></td></tr>"
        "<tr><td>Red &amp; co</td></tr></tbody></table>"
    )
    assert blocks == [
        (
            "table",
            {
                "caption": "Votes",
                "header_row": True,
                "rows": [["Party", "Seats"], ["Blue", "40"], ["Red & co", ""]],
            },
        )
    ]
    plain = html_to_blocks("<table><tr><td>a</td><td>b</td></tr></table>")
    assert plain[0][1]["header_row"] is False


@pytest.mark.django_db
def test_the_imported_article_shows_a_list_and_a_table(site, client, capsys, tmp_path):
    body = (
        "<p>Intro.</p><ul><li>Ferries resume</li><li>Market opens</li></ul>"
        "<table><tr><th>Berth</th><th>Ships</th></tr>"
        "<tr><td>&lt;script&gt;North</td><td>4</td></tr></table>"
    )
    path = tmp_path / "x.xml"
    path.write_text(wxr(item(9, "Harbour", body)))
    code, report, err = run_import(capsys, tmp_path, "wordpress", path)
    assert code == 0, err
    page = ArticlePage.objects.get(title="Harbour")
    assert [b.block_type for b in page.body] == ["paragraph", "list", "table"]
    html = client.get(page.url).content.decode()
    assert "<ul><li>Ferries resume</li><li>Market opens</li></ul>" in html
    assert '<th scope="col">Berth</th>' in html and "<td>4</td>" in html
    assert "&lt;script&gt;North" in html and "<script>North" not in html
    text = body_text(page.body)
    assert "Ferries resume Market opens" in text and "Berth | Ships" in text


def test_the_newsletter_renders_lists_and_tables():
    from types import SimpleNamespace

    from wagtail.rich_text import RichText

    from masthead.newsletters.mail.render import _block_html

    table = SimpleNamespace(
        block_type="table",
        value={"caption": "C<", "header_row": True, "rows": [["a", "b"], ["<x>", "2"]]},
    )
    html = _block_html(table, "https://example.org/a/")
    assert "<caption>C&lt;</caption>" in html and "<tr><th>a</th><th>b</th></tr>" in html
    assert "<td>&lt;x&gt;</td>" in html
    listing = SimpleNamespace(block_type="list", value=RichText("<ol><li>one</li></ol>"))
    assert "<ol><li>one</li></ol>" in _block_html(listing, "https://example.org/a/")
