"""An editor writes an article in the Wagtail admin, schedules it, then publishes it, and it
appears on the front page.

Scheduling is checked without waiting for a clock: a go-live date a month ahead is saved and
"Schedule to publish" is used; the article is then not live (404 at its URL) and not on the
front page. The editor then cancels the scheduled publish (page history), clears the go-live
date and publishes now, and the article is on the front page (and in its section) for an
anonymous reader.
"""

import re
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from .helpers import admin_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

EDITOR = "editor@example.com"
PASSWORD = "masthead-demo"


def _open_schedule_dialog(page):
    panel = page.locator("[data-side-panel='status']")
    if not panel.is_visible():
        page.locator("[data-side-panel-toggle='status']").click()
    page.locator(
        "[data-side-panel='status'] [data-a11y-dialog-show='schedule-publishing-dialog']"
    ).first.click()
    dialog = page.locator("#schedule-publishing-dialog")
    expect(dialog.locator("#id_go_live_at")).to_be_visible()
    return dialog


def _save_schedule(dialog):
    # The date picker's pop-up may cover the button: use the keyboard, as editors can.
    save = dialog.get_by_role("button", name="Save schedule")
    save.focus()
    save.press("Enter")


def _publish(page):
    page.get_by_role("button", name="More actions").click()
    page.locator("button[name='action-publish']").click()


def test_editor_schedules_then_publishes_an_article(live, new_context, shot):
    admin = new_context().new_page()
    reader = new_context().new_page()
    title = f"Harbour cranes return to work in Port Aldane {uuid.uuid4().hex[:6]}"
    standfirst = "Dock operators say the backlog will clear within a fortnight."

    # Sign in to the Wagtail admin.
    admin_sign_in(admin, EDITOR, PASSWORD)
    shot(admin, "admin dashboard")

    # Pages > home > the World section > add child page (a section only takes articles, so
    # Wagtail goes straight to the article form).
    admin.goto("/admin/pages/")
    home_href = admin.locator("a[href^='/admin/pages/']").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
        ".find(h => /^\\/admin\\/pages\\/\\d+\\/$/.test(h) && h !== '/admin/pages/1/')"
    )
    assert home_href, "the home page is listed under the root"
    admin.goto(home_href)
    world = admin.locator("a[href$='/edit/']", has_text=re.compile(r"^\s*World\s*$"))
    section_id = re.search(r"/admin/pages/(\d+)/edit/", world.first.get_attribute("href"))[1]
    admin.goto(f"/admin/pages/{section_id}/add_subpage/")
    expect(admin).to_have_url(re.compile(r"/admin/pages/add/newsroom/articlepage/\d+/"))
    admin.fill("#id_title", title)
    admin.fill("#id_standfirst", standfirst)
    shot(admin, "new article form")

    # Schedule a month ahead, then "Schedule to publish".
    go_live = (datetime.now(UTC) + timedelta(days=30)).strftime("%Y-%m-%d %H:%M")
    dialog = _open_schedule_dialog(admin)
    dialog.locator("#id_go_live_at").fill(go_live)
    shot(admin, "schedule dialog")
    _save_schedule(dialog)
    expect(admin).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    page_id = re.search(r"/admin/pages/(\d+)/edit/", admin.url)[1]
    expect(admin.get_by_role("button", name="More actions")).to_be_visible()
    admin.get_by_role("button", name="More actions").click()
    schedule_button = admin.locator("button[name='action-publish']")
    expect(schedule_button).to_contain_text("Schedule to publish")
    schedule_button.click()
    expect(admin.locator(".messages")).to_contain_text(re.compile(r"scheduled", re.I))
    shot(admin, "scheduled")

    # Not live: not on the front page, and its URL does not resolve for readers.
    reader.goto("/")
    expect(reader.get_by_text(title)).to_have_count(0)
    public_path = "/world/" + re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") + "/"
    assert reader.goto(public_path).status == 404
    shot(reader, "front page while scheduled")

    # Change of plan: cancel the scheduled publish (page history), clear the go-live date
    # and publish now.
    admin.goto(f"/admin/pages/{page_id}/history/")
    row = admin.locator("tr", has_text="Current draft")
    row.get_by_role("button").first.click()
    row.get_by_role("link", name="Cancel scheduled publish").click()
    admin.get_by_role("button", name="Yes, unschedule").click()
    admin.goto(f"/admin/pages/{page_id}/edit/")
    dialog = _open_schedule_dialog(admin)
    dialog.locator("#id_go_live_at").fill("")
    _save_schedule(dialog)
    expect(admin).to_have_url(re.compile(rf"/admin/pages/{page_id}/edit/"))
    _publish(admin)
    expect(admin.locator(".messages")).to_contain_text(re.compile(r"published", re.I))
    shot(admin, "published")

    # A reader sees it on the front page and in its section, and can open it.
    reader.goto("/")
    link = reader.locator("main a", has_text=title)
    expect(link.first).to_be_visible()
    shot(reader, "front page with the new article")
    reader.goto("/world/")
    expect(reader.locator("main a", has_text=title).first).to_be_visible()
    link = reader.goto("/").ok and reader.locator("main a", has_text=title).first
    link.click()
    expect(reader.locator("h1#headline")).to_have_text(title)
    expect(reader.locator(".article__standfirst")).to_have_text(standfirst)
    assert reader.locator("[data-meter-remaining]").get_attribute("data-meter-remaining") == "2"
    shot(reader, "the new article")
