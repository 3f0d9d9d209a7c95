"""Moving a publication in from the admin: the demo editor opens the Import page, uploads a
WordPress export (WXR), reads the dry run's report (nothing written yet), runs the import in
the task worker and watches it finish; the old permalink answers 301 to the new article, whose
list and table came through. Then a member CSV: its bad line is in the report. axe finds
nothing serious on the form or the reports."""

import re

import pytest
from playwright.sync_api import expect

from tests.imports.wxr import item, wxr

from .helpers import admin_sign_in, axe_violations, format_violations, serious

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
EDITOR = "editor@example.com"
PASSWORD = "masthead-demo"
BODY = (
    "<p>The harbour reopened on Monday.</p>"
    "<ul><li>Ferries resume</li><li>Fish market opens</li></ul>"
    "<table><tr><th>Berth</th><th>Ships</th></tr><tr><td>North</td><td>4</td></tr></table>"
)
WXR = wxr(
    item(501, "Harbour reopens after the storm", BODY, slug="harbour-reopens")
    + item(502, "Second imported story", "<p>More news.</p>", slug="second-story")
)
MEMBERS = (
    "email,name,subscribed_to_emails\n"
    "moved-in@example.org,Moved In,false\n"
    "not-an-address,Nobody,false\n"
)


def _check_axe(page, axe_source) -> None:
    violations = axe_violations(page, axe_source)
    assert not serious(violations), format_violations(serious(violations))


def _upload(page, source: str, path) -> None:
    page.goto("/admin/import/")
    page.select_option("#id_source", source)
    page.set_input_files("#id_file", str(path))
    page.get_by_role("button", name="Upload and check (dry run)").click()
    expect(page).to_have_url(re.compile(r"/admin/import/[0-9]+/$"))
    expect(page.locator("[data-import-counts]")).to_be_visible(timeout=60_000)
    expect(page.locator("h2", has_text="What the import would do")).to_be_visible()


def test_editor_imports_a_wordpress_export_and_readers(
    live, new_context, shot, axe_source, tmp_path
):
    export = tmp_path / "old-site.wordpress.xml"
    export.write_text(WXR, encoding="utf-8")
    members = tmp_path / "members.csv"
    members.write_text(MEMBERS, encoding="utf-8")
    page = new_context().new_page()
    admin_sign_in(page, EDITOR, PASSWORD)
    page.get_by_role("link", name="Import").first.click()
    expect(page).to_have_url(re.compile(r"/admin/import/$"))
    shot(page, "import form")
    _check_axe(page, axe_source)

    _upload(page, "wordpress", export)
    articles = page.locator('[data-kind="articles"]')
    expect(articles.locator('[data-outcome="created"]')).to_have_text("2")
    shot(page, "dry run report")
    _check_axe(page, axe_source)
    before = page.context.request.get("/2021/03/harbour-reopens/", max_redirects=0)
    assert before.status == 404  # the dry run wrote nothing, not even the redirect

    page.get_by_role("button", name="Run the import").click()
    expect(page.locator("h2", has_text="What the import did")).to_be_visible(timeout=90_000)
    expect(page.locator("[data-import-status]")).to_contain_text("done")
    expect(articles.locator('[data-outcome="created"]')).to_have_text("2")
    shot(page, "import report")
    _check_axe(page, axe_source)

    moved = page.context.request.get("/2021/03/harbour-reopens/", max_redirects=0)
    assert moved.status == 301, moved.status
    target = moved.headers["location"]
    page.goto(target)
    body = page.locator("[data-article-body]")
    expect(page.locator("h1")).to_contain_text("Harbour reopens after the storm")
    expect(body.locator("ul li")).to_have_count(2)
    expect(body.locator("table th", has_text="Berth")).to_be_visible()
    expect(body.locator("table td", has_text="North")).to_be_visible()
    _check_axe(page, axe_source)
    shot(page, "imported article")

    _upload(page, "members", members)
    expect(page.locator('[data-kind="members"] [data-outcome="created"]')).to_have_text("1")
    expect(page.locator("[data-import-rejected]")).to_contain_text("line 3")
    page.get_by_role("button", name="Run the import").click()
    expect(page.locator("h2", has_text="What the import did")).to_be_visible(timeout=90_000)
    expect(page.locator('[data-kind="members"] [data-outcome="created"]')).to_have_text("1")
    shot(page, "members imported")
    _check_axe(page, axe_source)
    page.goto("/admin/import/")
    expect(page.locator("[data-import-runs] tbody tr")).to_have_count(4)
