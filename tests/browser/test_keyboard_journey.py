"""Keyboard only: from the wall of a subscribers-only article to a subscription, with Tab and
Enter (and typing into the form fields). Every element reached shows a visible focus."""

import re

import pytest
from playwright.sync_api import Page, expect

from .helpers import PASSWORD, assert_full_text, open_article, unique_email, wall_kind

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def tab_to(page: Page, selector: str, max_tabs: int = 80) -> int:
    """Press Tab until the focused element matches ``selector``; returns the presses used."""
    for presses in range(1, max_tabs + 1):
        page.keyboard.press("Tab")
        state = page.evaluate(
            """sel => { const el = document.activeElement;
                        return {match: !!el && el.matches(sel),
                                visible: !!el && el.matches(':focus-visible')}; }""",
            selector,
        )
        if state["match"]:
            assert state["visible"], f"{selector} has focus but no visible focus indicator"
            return presses
    raise AssertionError(f"{selector} not reached with {max_tabs} presses of Tab on {page.url}")


def test_keyboard_only_through_the_wall_to_subscribing(live, reader_page, shot):
    page = reader_page
    article = live.subscribers_only()[0]
    open_article(page, article)
    assert wall_kind(page) == "subscribers-only"

    # The first Tab lands on the skip link, which becomes visible.
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()

    # Tab to the first offer on the wall and choose it with Enter.
    offer = page.locator("[data-paywall] [data-offer]").first
    slug = offer.get_attribute("data-offer")
    tab_to(page, f"[data-paywall] [data-offer='{slug}'] button")
    shot(page, "offer focused on the wall")
    page.keyboard.press("Enter")

    # Not signed in: the site asks to register first, then comes back to the offer.
    expect(page).to_have_url(re.compile(r"/accounts/signup/"))
    email = unique_email("keyboard")
    tab_to(page, "#id_email")
    page.keyboard.type(email)
    tab_to(page, "#id_password1", max_tabs=5)
    page.keyboard.type(PASSWORD)
    tab_to(page, "#id_password2", max_tabs=5)
    page.keyboard.type(PASSWORD)
    shot(page, "sign up by keyboard")
    page.keyboard.press("Enter")
    expect(page.locator("#id_code")).to_be_visible()
    tab_to(page, "#id_code")
    page.keyboard.type(live.email_code(email))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/subscribe/\?offer=" + re.escape(slug)))
    tab_to(page, f"[data-offer='{slug}'] button")
    shot(page, "offer focused on the subscribe page")
    page.keyboard.press("Enter")

    confirm = ".checkout form button[type=submit]"
    expect(page.locator(confirm)).to_have_text("Confirm test subscription")
    tab_to(page, confirm)
    shot(page, "confirm focused")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/account/$"))
    expect(page.locator(".messages")).to_contain_text("full access")
    shot(page, "subscribed")

    open_article(page, article)
    assert_full_text(page)
    shot(page, "article open")


def test_dismissing_a_banner_by_keyboard_keeps_focus_on_the_page(live, reader_page, shot):
    """The dismiss button vanishes with its banner; focus goes to the main content (the skip
    link's target), not to <body>, and the next Tab continues from there."""
    page = reader_page
    page.goto("/")
    banner = page.locator("[data-banner][data-dismissible]").first
    expect(banner).to_be_visible()
    key = banner.get_attribute("data-banner")
    tab_to(page, f"[data-banner='{key}'] .banner__dismiss button")
    shot(page, "dismiss focused")
    page.keyboard.press("Enter")
    expect(banner).to_be_hidden()
    focused = page.evaluate(
        "() => { const el = document.activeElement;"
        " return {tag: el ? el.tagName : null, id: el ? el.id : null}; }"
    )
    assert focused["tag"] not in (None, "BODY", "HTML"), focused
    assert focused == {"tag": "MAIN", "id": "main"}, focused
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('main')"), (
        "the Tab after dismissing should move into the main content"
    )
    shot(page, "dismissed")
