"""Comments in Chromium against the live demo: a reader opens an article, the thread loads as
its own part (swapped in by script, without any wall or meter work on the page), comments,
replies and reports; the editor approves the reader's comment from the moderation queue
(wait: it was published) and works the queue; axe finds nothing serious on the thread or
the queue."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    admin_sign_in,
    axe_violations,
    format_violations,
    serious,
    sign_in,
)

DEMO_PASSWORD = "masthead-demo"
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
ARTICLE = "/opinion/patient-money-for-ports-and-grids/"  # free: the thread is open to all


def test_reader_comments_replies_and_reports(live, reader_page, axe_source, shot):
    page = reader_page
    sign_in(page, "reader@example.com", DEMO_PASSWORD, next_path=ARTICLE)
    page.locator("#comments").scroll_into_view_if_needed()  # the link, until the script swaps
    thread = page.locator("section[data-comments]")
    expect(thread.locator("[data-comment]").first).to_be_visible()  # swapped in by script
    shot(page, "thread loaded in the article")
    bad = serious(axe_violations(page, axe_source))
    assert not bad, format_violations(bad)
    # The thread is styled: authors stand out, replies sit on a rule, a badge reads as a label
    # and not as part of a name ("Editor Staff" before there were styles for it).
    looks = page.evaluate(
        """() => {
          const style = (el) => getComputedStyle(el);
          const badge = document.createElement("span");
          badge.className = "comment__badge";
          document.querySelector(".comment__meta").append(badge);
          const found = {
            author: style(document.querySelector(".comment__author")).fontWeight,
            replies: style(document.querySelector(".comments__replies")).borderLeftStyle,
            list: style(document.querySelector(".comments__list")).listStyleType,
            badge: style(badge).borderTopStyle,
          };
          badge.remove();
          return found;
        }"""
    )
    assert looks == {"author": "700", "replies": "solid", "list": "none", "badge": "solid"}, looks

    page.fill("#comment-body", "Grid returns depend on the regulator; that is the whole risk.")
    page.get_by_role("button", name="Post comment").click()
    expect(page).to_have_url(re.compile(r"/comments/\d+/\?posted=published#comment-\d+"))
    mine = page.locator("[data-comment]", has_text="that is the whole risk")
    expect(mine).to_be_visible()
    shot(page, "comment posted")

    first = page.locator("li.comment:not(.comment--reply)", has_text="toll roads").first
    first.get_by_role("link", name="Reply").first.click()
    expect(page.locator("#comment-form input[name=parent]")).to_have_count(1)
    page.fill("#comment-body", "And contracts can be renegotiated too.")
    page.get_by_role("button", name="Post reply").click()
    expect(page.locator(".comment--reply", has_text="renegotiated")).to_be_visible()

    other = page.locator("li.comment", has_text="toll roads").first
    other.get_by_role("link", name="Report").first.click()
    page.get_by_label("Spam or advertising").check()
    page.get_by_role("button", name="Send report").click()
    expect(page.locator(".comments__notice")).to_contain_text("Thank you for your report")
    shot(page, "reported")


def test_editor_works_the_moderation_queue(live, new_context, axe_source, shot):
    page = new_context().new_page()
    admin_sign_in(page, "editor@example.com", DEMO_PASSWORD)
    page.goto("/admin/comments/")
    pending = page.locator('tr[data-status="pending"]').first
    expect(pending).to_be_visible()
    shot(page, "queue")
    bad = serious(axe_violations(page, axe_source))
    assert not bad, format_violations(bad)
    comment_id = pending.get_attribute("data-queue-comment")
    pending.get_by_role("button", name="Approve").click()
    expect(page.locator(f'tr[data-queue-comment="{comment_id}"]')).to_have_count(0)
    page.goto("/admin/comments/log/")
    expect(page.locator('tr[data-log-action="approve"]').first).to_be_visible()
    shot(page, "log")
