"""axe-core in Chromium on the reader-facing pages: zero serious or critical violations.

Every violation axe reports (any impact) is also written next to the screenshots as
``axe-violations.json``, so that moderate and minor findings stay visible.
"""

import json

import pytest
from playwright.sync_api import expect

from .helpers import (
    axe_violations,
    format_violations,
    meter_remaining,
    open_article,
    serious,
    sign_in,
    wall_kind,
)

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def front_page(page, live):
    page.goto("/")


def section(page, live):
    page.goto(live.sections()[0])
    expect(page.locator("main h1")).to_be_visible()


def article_metered(page, live):
    open_article(page, live.metered()[0])
    assert meter_remaining(page) == "2"


def article_registration_wall(page, live):
    for path in live.metered()[:3]:
        open_article(page, path)
    open_article(page, live.metered()[3])
    assert wall_kind(page) == "registration"


def article_subscribers_wall(page, live):
    open_article(page, live.subscribers_only()[0])
    assert wall_kind(page) == "subscribers-only"


def article_sponsored(page, live):
    open_article(page, live.sponsored()[0])
    expect(page.locator("[data-sponsored]")).to_be_visible()


def subscribe(page, live):
    page.goto("/subscribe/")
    expect(page.locator("[data-offer]").first).to_be_visible()


def sign_in_page(page, live):
    page.goto("/accounts/login/")
    expect(page.locator("#id_login")).to_be_visible()


def sign_up_page(page, live):
    page.goto("/accounts/signup/")
    expect(page.locator("#id_email")).to_be_visible()


def account(page, live):
    sign_in(page, "subscriber@example.com", "masthead-demo", next_path="/account/")
    expect(page.locator("main h1")).to_be_visible()


PAGES = [
    front_page,
    section,
    article_metered,
    article_registration_wall,
    article_subscribers_wall,
    article_sponsored,
    subscribe,
    sign_in_page,
    sign_up_page,
    account,
]


@pytest.mark.parametrize("prepare", PAGES, ids=[p.__name__ for p in PAGES])
def test_no_serious_accessibility_violations(prepare, live, reader_page, axe_source, shot):
    page = reader_page
    prepare(page, live)
    shot(page, prepare.__name__)
    violations = axe_violations(page, axe_source)
    (shot.folder / "axe-violations.json").write_text(
        json.dumps({"url": page.url, "violations": violations}, indent=2)
    )
    bad = serious(violations)
    assert not bad, f"axe-core on {page.url}:\n{format_violations(bad)}"
