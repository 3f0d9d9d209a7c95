"""Unusable or hostile input: exit status 2, one line on stderr naming the problem, no
traceback, nothing written. Bad items: listed, the rest imported, exit status 1."""

import io
import zipfile

import pytest

from masthead.imports.models import ImportedItem
from masthead.newsroom.models import ArticlePage

from .support import run_import
from .wxr import item, wxr

pytestmark = pytest.mark.django_db

BILLION_LAUGHS = """
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>"""
EXTERNAL = """<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>"""


def assert_refused(code, report, err, *words):
    assert code == 2
    assert report is None  # nothing written, not even the report
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    for word in words:
        assert word in lines[0]
    assert ImportedItem.objects.count() == 0
    assert ArticlePage.objects.count() == 0


@pytest.mark.parametrize(
    "head, entity",
    [(BILLION_LAUGHS, "&lol3;"), (EXTERNAL, "&xxe;")],
    ids=["entity-expansion", "external-entity"],
)
def test_xml_with_entity_declarations_is_refused(site, capsys, tmp_path, head, entity):
    path = tmp_path / "evil.xml"
    path.write_text(wxr(item(1, f"Title {entity}", "<p>x</p>"), head=head))
    assert_refused(*run_import(capsys, tmp_path, "wordpress", path), "hostile XML")


def test_xml_broken_after_good_items_writes_nothing(site, capsys, tmp_path):
    good = "".join(item(n, f"Post {n}", "<p>fine</p>") for n in range(1, 6))
    path = tmp_path / "cut.xml"
    path.write_text(wxr(good)[:-40])  # the file ends in the middle
    assert_refused(*run_import(capsys, tmp_path, "wordpress", path), "not well-formed XML")


@pytest.mark.parametrize(
    "content, words",
    [
        ("<html><body>not an export</body></html>", ["not a WordPress export", "<html>"]),
        ('<?xml version="1.0"?><rss version="2.0"><channel><title>A feed</title></channel></rss>',
         ["no <wp:wxr_version>"]),
        ("", ["empty"]),
    ],
    ids=["html", "plain-rss", "empty"],
)  # fmt: skip
def test_a_file_that_is_not_wxr_is_refused(site, capsys, tmp_path, content, words):
    path = tmp_path / "x.xml"
    path.write_text(content)
    assert_refused(*run_import(capsys, tmp_path, "wordpress", path), *words)


def test_missing_file_and_not_json(site, capsys, tmp_path):
    assert_refused(*run_import(capsys, tmp_path, "wordpress", tmp_path / "nope.xml"), "no such")
    bad = tmp_path / "export.json"
    bad.write_text("{not json")
    assert_refused(*run_import(capsys, tmp_path, "ghost", bad), "not JSON")
    other = tmp_path / "other.json"
    other.write_text('{"hello": []}')
    assert_refused(*run_import(capsys, tmp_path, "ghost", other), "not a Ghost export")


def _zip(path, members: dict[str, bytes]):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)


CSV = (
    b"post_id,post_date,is_published,audience,title,subtitle\n"
    b"1.a,2021-01-01T00:00:00Z,true,everyone,A,\n"
)


@pytest.mark.parametrize("name", ["../../etc/evil.html", "/abs/posts/1.a.html", "C:/x.html"])
def test_a_zip_path_outside_its_folder_is_refused(site, capsys, tmp_path, name):
    path = tmp_path / "export.zip"
    _zip(path, {"posts.csv": CSV, "posts/1.a.html": b"<p>x</p>", name: b"x"})
    assert_refused(*run_import(capsys, tmp_path, "substack", path), "outside its folder")


def test_a_zip_bomb_is_refused(site, capsys, tmp_path):
    path = tmp_path / "bomb.zip"
    _zip(path, {"posts.csv": CSV, "posts/1.a.html": b"\0" * (64 * 1024**2)})
    assert_refused(*run_import(capsys, tmp_path, "substack", path), "zip bomb")


def test_a_zip_that_is_not_a_substack_export(site, capsys, tmp_path):
    path = tmp_path / "other.zip"
    _zip(path, {"readme.txt": b"hello"})
    assert_refused(*run_import(capsys, tmp_path, "substack", path), "no posts.csv")
    garbage = tmp_path / "garbage.zip"
    garbage.write_bytes(io.BytesIO(b"PK\x03\x04 broken").getvalue())
    code, report, err = run_import(capsys, tmp_path, "substack", garbage)
    assert code == 2 and report is None and len(err.strip().splitlines()) == 1


def test_bad_items_are_listed_and_the_rest_imported(site, capsys, tmp_path):
    items = [
        item(1, "Fine", "<p>Fine body.</p>"),
        item(2, "Broken date", "<p>x</p>", date="2021-13-45 99:00:00"),
        item(3, "", "<p>Untitled body words here.</p>"),
        item(4, "Same slug", "<p>First.</p>", slug="same"),
        item(5, "Same slug again", "<p>Second.</p>", slug="same"),
        item(6, "Trashed", "<p>x</p>", status="trash"),
    ]
    path = tmp_path / "bad.xml"
    path.write_text(wxr("".join(items)))
    code, report, err = run_import(capsys, tmp_path, "wordpress", path)
    assert code == 1
    listed = {r["where"]: r["reason"] for r in report["rejected"]}
    assert listed["item 2"].startswith("broken date")
    assert listed["item 3"] == "no title: titled 'Untitled body words here.'"
    assert listed["item 5"] == "duplicate slug 'same': renamed 'same-2'"
    assert "trash" in listed["item 6"]
    assert report["counts"]["articles"]["created"] == 4
    assert report["counts"]["articles"]["rejected"] == 2
    assert sorted(ArticlePage.objects.values_list("slug", flat=True)) == [
        "post-1", "post-3", "same", "same-2"
    ]  # fmt: skip
