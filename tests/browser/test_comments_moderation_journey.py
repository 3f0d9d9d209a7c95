"""Comments in Chromium, the rest of the journeys: the author edits a comment within its 15
minutes and deletes it; a new reader's comments with links are held, and the editor approves
one and rejects the other with a reason in the Wagtail admin queue, features a reported
comment, then suspends the reader from their history page; the suspended reader finds the form
gone and a message that says until when. axe finds nothing serious on the thread, the edit page,
the queue or the reader's page."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    admin_sign_in,
    axe_violations,
    format_violations,
    serious,
    sign_in,
    sign_up_on_form,
    unique_email,
)

DEMO_PASSWORD = "masthead-demo"
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
ARTICLE = "/opinion/patient-money-for-ports-and-grids/"  # free: the thread is open to all


def _axe_clean(page, axe_source):
    bad = serious(axe_violations(page, axe_source))
    assert not bad, format_violations(bad)


def _thread_path(page) -> str:
    page.goto(ARTICLE)
    return page.locator("#comments").get_attribute("data-comments-src")


def _post(page, text: str) -> str:
    """Post a top-level comment from the thread page; its id, from the redirect's anchor."""
    page.fill("#comment-body", text)
    page.get_by_role("button", name="Post comment").click()
    expect(page).to_have_url(re.compile(r"\?posted=\w+#comment-\d+$"))
    return page.url.rsplit("#comment-", 1)[1]


def test_the_author_edits_within_the_window_then_deletes(live, reader_page, axe_source, shot):
    page = reader_page
    sign_in(page, "subscriber@example.com", DEMO_PASSWORD, next_path=ARTICLE)
    thread = _thread_path(page)
    page.goto(thread)
    comment_id = _post(page, "Regulated returns make grids dull, and dull is what savers want.")
    mine = page.locator(f'[data-comment="{comment_id}"]')
    expect(mine).to_contain_text("dull is what savers want")

    mine.get_by_role("link", name="Edit").click()
    expect(page.get_by_role("heading", name="Edit your comment")).to_be_visible()
    expect(page.locator("#comment-body")).to_have_value(re.compile("dull is what savers want"))
    _axe_clean(page, axe_source)
    shot(page, "editing")
    page.fill("#comment-body", "Regulated returns make grids dull; pension funds like dull.")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(rf"#comment-{comment_id}$"))
    mine = page.locator(f'[data-comment="{comment_id}"]')
    expect(mine).to_contain_text("pension funds like dull")
    expect(mine.locator(".comment__meta")).to_contain_text("edited")
    expect(mine).not_to_contain_text("savers want")
    shot(page, "edited")

    mine.get_by_role("button", name="Delete").click()
    expect(page.locator(".comments__notice")).to_contain_text("Your comment was deleted")
    expect(page.locator(f'[data-comment="{comment_id}"]')).to_have_count(0)
    expect(page.locator("section[data-comments]")).not_to_contain_text("pension funds like dull")
    _axe_clean(page, axe_source)
    # Someone else's comment offers a report, never an edit or a delete.
    other = page.locator("li.comment", has_text="toll roads").first
    expect(other.get_by_role("link", name="Report").first).to_be_visible()
    expect(other.locator(":scope > .comment__body").get_by_role("link", name="Edit")).to_have_count(
        0
    )


def test_the_editor_moderates_and_suspends_a_reader(
    live, new_context, reader_page, axe_source, shot
):
    reader = reader_page
    email = unique_email("linker")
    reader.goto(f"/accounts/signup/?next={ARTICLE}")
    sign_up_on_form(reader, live, email)
    thread = _thread_path(reader)
    reader.goto(thread)
    kept = _post(reader, "The port authority's own figures: https://example.org/port-tolls")
    expect(reader.locator(".comments__notice")).to_contain_text("once a moderator has read it")
    expect(reader.locator(f'[data-comment="{kept}"] [data-comment-status]')).to_be_visible()
    dropped = _post(reader, "Cheap grid bonds here: https://example.org/buy-now")
    shot(reader, "two comments held")

    editor = new_context().new_page()
    admin_sign_in(editor, "editor@example.com", DEMO_PASSWORD)
    editor.goto("/admin/comments/?tab=held")
    row = editor.locator(f'tr[data-queue-comment="{kept}"]')
    expect(row).to_contain_text("port-tolls")
    history = row.get_by_role("link", name=re.compile(r"linker-")).get_attribute("href")
    _axe_clean(editor, axe_source)
    shot(editor, "held in the queue")
    row.get_by_role("button", name="Approve").click()
    expect(editor.locator(f'tr[data-queue-comment="{kept}"]')).to_have_count(0)
    row = editor.locator(f'tr[data-queue-comment="{dropped}"]')
    row.get_by_label("Reason").fill("Advertising")
    row.get_by_role("button", name="Reject").click()
    expect(editor.locator(f'tr[data-queue-comment="{dropped}"]')).to_have_count(0)

    editor.goto("/admin/comments/?tab=reported")
    reported = editor.locator('tr[data-status="published"]').first
    expect(reported.locator("[data-report-reason]").first).to_be_visible()
    featured = reported.get_attribute("data-queue-comment")
    reported.get_by_role("button", name="Feature").click()
    editor.goto("/admin/comments/log/")
    for action in ("approve", "reject", "feature"):
        expect(editor.locator(f'tr[data-log-action="{action}"]').first).to_be_visible()
    assert featured

    editor.goto(history)
    expect(editor.locator(f'tr[data-history-comment="{kept}"]')).to_contain_text("Published")
    expect(editor.locator(f'tr[data-history-comment="{dropped}"]')).to_contain_text("Advertising")
    _axe_clean(editor, axe_source)
    editor.get_by_label("Suspend for (days)").fill("3")
    editor.locator("#suspend-reason").fill("Links to sales pages")
    editor.get_by_role("button", name="Suspend").click()
    expect(editor.locator('[data-standing="suspended"]')).to_be_visible()
    shot(editor, "reader suspended")

    reader.goto(thread)
    expect(reader.locator(f'[data-comment="{kept}"]')).to_contain_text("port-tolls")
    expect(reader.locator(f'[data-comment="{dropped}"]')).to_have_count(0)
    expect(reader.locator("#comment-body")).to_have_count(0)
    expect(reader.locator("[data-comments-prompt]")).to_contain_text(
        re.compile(r"Your account may not comment until \w+ \d{2}, \d{4}")
    )
    _axe_clean(reader, axe_source)
    shot(reader, "suspended reader")
