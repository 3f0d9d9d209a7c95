"""Bodies, titles, decks, names: sanitised (nh3) into the article's blocks, with shortcodes,
images from a local folder or fetched over HTTP, and embeds."""

import http.server
import re
import threading

import pytest
from PIL import Image
from wagtail.images import get_image_model

from masthead.imports.bodies import html_to_blocks
from masthead.imports.models import ImportedItem
from masthead.newsroom.models import ArticlePage, Author, Topic

from .support import run_import
from .wxr import WP_ORG_11, attachment, item, wxr

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p style="color:red" onclick="steal()">Kept <b>words</b> <a href="javascript:alert(1)">x</a>'
    '</p><script>alert("s")</script><style>p{}</style><img src="javascript:alert(2)" onerror="e()">'
    '<iframe src="https://evil.example/x"></iframe><form action="/steal"><input name="q"></form>'
    '<svg onload="alert(3)"><circle/></svg>'
    '<p><a href="https://ok.example/" onmouseover="m()">ok</a></p>'
)
BAD = re.compile(
    r"<script|onclick|onerror|onload|onmouseover|javascript:|<iframe|<form|<input|style=", re.I
)


def page_of(post_id: int) -> ArticlePage:
    key = ImportedItem.objects.get(source_id=f"https://old.example.org|{post_id}")
    return ArticlePage.objects.get(pk=key.object_id)


def test_nothing_hostile_survives_anywhere(site, client, capsys, tmp_path):
    title = "<script>alert('t')</script>Safe <b onmouseover=x>title</b>"
    extra = (
        '<category domain="post_tag" nicename="evil">'
        "<![CDATA[<img src=x onerror=alert(1)>Tag]]></category>"
    )
    path = tmp_path / "x.xml"
    path.write_text(
        wxr(item(1, title, HOSTILE, excerpt='<a href="javascript:x()">Deck</a>', extra=extra))
    )
    code, report, err = run_import(capsys, tmp_path, "wordpress", path)
    assert code == 0, report
    page = page_of(1)
    assert page.title == "Safe title"
    assert page.standfirst == "Deck"
    assert Author.objects.get(slug="jo").name == "Jo Reporter"
    assert Topic.objects.get(slug="evil").name == "Tag"
    stored = str(page.body.raw_data)
    assert not BAD.search(stored), stored
    assert [b["type"] for b in page.body.raw_data] == ["paragraph", "paragraph", "paragraph"]
    assert page.body.raw_data[0]["value"] == "<p>Kept <b>words</b> x</p>"
    assert page.body.raw_data[1]["value"].startswith('<p>Embedded content: <a href="https://evil')
    assert page.body.raw_data[2]["value"] == '<p><a href="https://ok.example/">ok</a></p>'
    html = client.get(page.url).content.decode()
    body = html[html.index("data-article-body") :]
    assert "steal()" not in body and "alert(" not in body and 'evil.example/x"></iframe' not in body


def test_blocks_from_classic_and_gutenberg_html():
    classic = (
        "First para\nsame para\n\nSecond <em>para</em>\n\n<h3>Cross</h3>\n"
        "<blockquote><p>Q</p><cite>Who</cite></blockquote><ol><li>a</li><li>b</li></ol>"
    )
    assert html_to_blocks(classic) == [
        ("paragraph", "<p>First para same para</p>"),
        ("paragraph", "<p>Second <i>para</i></p>"),
        ("crosshead", "Cross"),
        ("quote", {"text": "Q", "attribution": "Who"}),
        ("list", "<ol><li>a</li><li>b</li></ol>"),
    ]
    gutenberg = (
        "<!-- wp:paragraph --><p>Block one</p><!-- /wp:paragraph -->"
        '<!-- wp:embed {"url":"https://vimeo.com/22439234"} -->'
        '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\n'
        "https://vimeo.com/22439234\n</div></figure><!-- /wp:embed -->"
        '<!-- wp:html --><iframe src="https://www.youtube.com/embed/abc123"></iframe>'
        "<!-- /wp:html -->"
        "<p>https://x.com/someone/status/1</p>"
    )
    assert html_to_blocks(gutenberg) == [
        ("paragraph", "<p>Block one</p>"),
        ("embed", {"embed": "https://vimeo.com/22439234", "caption": ""}),
        ("embed", {"embed": "https://www.youtube.com/watch?v=abc123", "caption": ""}),
        ("embed", {"embed": "https://x.com/someone/status/1", "caption": ""}),
    ]


def _png(path, color):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (30, 20), color).save(path)


def test_shortcodes_and_local_media(site, capsys, tmp_path):
    uploads = tmp_path / "uploads"
    _png(uploads / "2021/03/cat.png", (255, 0, 0))
    _png(uploads / "2021/03/dog.png", (0, 255, 0))
    (uploads / "2021/03/copy-of-cat.png").write_bytes((uploads / "2021/03/cat.png").read_bytes())
    base = "https://old.example.org/wp-content/uploads/2021/03"
    content = (
        f'[caption id="attachment_10" width="300"]<a href="{base}/cat.png">'
        f'<img src="{base}/cat.png" alt="A cat"></a> The cat[/caption]\n\n'
        '[gallery ids="10,11"]\n\n'
        "[embed]https://www.youtube.com/watch?v=xyz[/embed]\n\n"
        "[embed]https://other.example/video[/embed]\n\n"
        f'<img src="{base}/copy-of-cat.png">\n\n<img src="{base}/gone.png">\n\n'
        '[audio src="x.mp3"] [contact-form to="a@b"][contact-field label="Name"]'
        "[/contact-form] [sic]"
    )
    thumb = (
        "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
        "<wp:meta_value>11</wp:meta_value></wp:postmeta>"
    )
    items = (
        attachment(10, f"{base}/cat.png", 1, "Cat caption")
        + attachment(11, f"{base}/dog.png", 1, "Dog caption")
        + item(1, "Pictures", content, extra=thumb)
    )
    path = tmp_path / "m.xml"
    path.write_text(wxr(items, ns=WP_ORG_11, version="1.1"))
    code, report, err = run_import(capsys, tmp_path, "wordpress", path, "--media", uploads)
    assert code == 1  # the unknown shortcodes are listed
    assert {r["reason"] for r in report["rejected"]} == {
        "unknown shortcode [audio] removed",
        "unknown shortcode [contact-form] removed",
        "unknown shortcode [contact-field] removed",
    }
    assert report["missing_media"] == [f"{base}/gone.png"]
    assert report["counts"]["images"]["created"] == 2  # cat and its copy are one image
    assert get_image_model().objects.count() == 2
    page = page_of(1)
    blocks = [(b["type"], b["value"]) for b in page.body.raw_data]
    kinds = [k for k, _ in blocks]
    assert kinds == ["image", "image", "image", "embed", "paragraph", "image", "paragraph"]
    cat = blocks[0][1]
    assert cat["caption"] == "The cat" and cat["alt_text"] == "A cat"
    assert blocks[1][1]["caption"] == "Cat caption" and blocks[2][1]["caption"] == "Dog caption"
    assert blocks[5][1]["image"] == cat["image"]  # same bytes, same image
    assert (
        blocks[4][1]
        == '<p><a href="https://other.example/video">https://other.example/video</a></p>'
    )
    assert blocks[6][1] == "<p>[sic]</p>"
    assert not re.search(r"\[/?(audio|contact|caption|gallery|embed)", str(blocks))
    assert page.lead_image_id == blocks[2][1]["image"] and page.lead_image_caption == "Dog caption"


class _Images(http.server.BaseHTTPRequestHandler):
    payload = b""

    def do_GET(self):  # noqa: N802
        if self.path == "/img/ok.png":
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(self.payload)
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


def test_fetch_media_over_http_and_a_failed_download_is_listed(site, capsys, tmp_path):
    _png(tmp_path / "ok.png", (1, 2, 3))
    _Images.payload = (tmp_path / "ok.png").read_bytes()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Images)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        content = f'<p>Text</p><img src="{base}/img/ok.png"><img src="{base}/img/missing.png">'
        path = tmp_path / "f.xml"
        path.write_text(wxr(item(1, "Fetched", content)))
        code, report, _ = run_import(capsys, tmp_path, "wordpress", path, "--fetch-media")
    finally:
        server.shutdown()
    assert code == 0
    assert report["missing_media"] == [f"{base}/img/missing.png"]
    assert report["counts"]["images"]["created"] == 1
    assert [b["type"] for b in page_of(1).body.raw_data] == ["paragraph", "image"]
