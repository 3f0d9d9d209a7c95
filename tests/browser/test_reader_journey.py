"""An anonymous reader reads through the meter to the registration wall, signs up, reads to the
subscription wall, subscribes through the demo provider and then reads everything."""

import re

import pytest
from playwright.sync_api import expect

from .helpers import (
    assert_full_text,
    me,
    meter_remaining,
    open_article,
    sign_up_on_form,
    unique_email,
    wall_kind,
)

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_reader_meter_registration_subscription(live, reader_page, shot):
    page = reader_page
    metered = live.metered()

    page.goto("/")
    expect(page.locator("main h1")).to_have_count(1)
    shot(page, "front page")

    # Anonymous: the allowance (3 in the demo), counted down 2, 1, 0 on the message.
    allowance = me(page)["meter"]["limit"]
    assert me(page)["status"] == "anonymous"
    assert allowance == 3, "the demo's anonymous allowance"
    assert len(metered) >= 10 + 2, "the demo has enough metered articles"
    for n, path in enumerate(metered[:allowance]):
        open_article(page, path)
        assert wall_kind(page) is None
        assert meter_remaining(page) == str(allowance - 1 - n)
        expect(page.locator("[data-article-body] .paywalled-content")).to_have_count(1)
        if n == allowance - 1:
            expect(page.locator("[data-meter-remaining]")).to_have_class(
                re.compile(r"meter-message--last")
            )
        shot(page, f"anonymous article {n + 1} meter {allowance - 1 - n}")

    # The next one is walled: registration wall, no meter message, no gated text.
    walled = metered[allowance]
    open_article(page, walled)
    assert wall_kind(page) == "registration"
    assert meter_remaining(page) is None
    expect(page.locator(".paywalled-content")).to_have_count(0)
    meter = me(page)["meter"]
    assert (meter["used"], meter["remaining"]) == (allowance, 0)
    shot(page, "registration wall")

    # Reopening an article already counted this month costs nothing.
    open_article(page, metered[0])
    assert wall_kind(page) is None
    assert meter_remaining(page) == "0"

    # Register from the wall; the e-mailed code confirms the address and signs the reader in.
    open_article(page, walled)
    page.locator("[data-paywall=registration] a", has_text="Register free").click()
    shot(page, "sign up form")
    email = unique_email("journey")
    sign_up_on_form(page, live, email)
    shot(page, "signed up")
    status = me(page)
    assert status["status"] == "registered"
    registered_allowance = status["meter"]["limit"]
    assert registered_allowance == 10, "the demo's registered allowance"

    # Registered: the allowance is 10 a month, and the device's views this month joined the
    # account at sign-up (a union). Sign-up returns the reader to the walled article, which
    # now opens and counts: 10 - 3 - 1 = 6 left. Then 5, 4, ... 0 and the subscription wall.
    expect(page).to_have_url(re.compile(re.escape(walled) + "$"))
    assert wall_kind(page) is None
    used = allowance + 1
    assert meter_remaining(page) == str(registered_allowance - used)
    assert me(page)["meter"]["used"] == used
    open_article(page, metered[0])  # read on this device before: still costs nothing
    assert meter_remaining(page) == str(registered_allowance - used)
    fresh = metered[allowance + 1 :]
    for path in fresh[: registered_allowance - used]:
        open_article(page, path)
        used += 1
        assert wall_kind(page) is None, path
        assert meter_remaining(page) == str(registered_allowance - used)
    shot(page, "registered last free article")
    assert me(page)["meter"]["remaining"] == 0
    subscription_walled = fresh[registered_allowance - allowance - 1]
    open_article(page, subscription_walled)
    assert wall_kind(page) == "subscription"
    assert meter_remaining(page) is None
    expect(page.locator(".paywalled-content")).to_have_count(0)
    offers = page.locator("[data-paywall=subscription] [data-offer]")
    expect(offers.first).to_be_visible()
    shot(page, "subscription wall")

    # Subscribe through the demo provider's test checkout.
    offer_slug = offers.first.get_attribute("data-offer")
    offers.first.get_by_role("button", name="Choose this offer").click()
    expect(page.get_by_role("button", name="Confirm test subscription")).to_be_visible()
    expect(page.locator("main")).to_contain_text(email)
    shot(page, f"test checkout {offer_slug}")
    page.get_by_role("button", name="Confirm test subscription").click()
    expect(page).to_have_url(re.compile(r"/account/$"))
    expect(page.locator(".messages")).to_contain_text("full access")
    shot(page, "account after subscribing")
    assert me(page)["status"] == "subscriber"

    # Everything opens: the walled article, a subscribers-only one, a fresh metered one,
    # with no wall and no meter message.
    for path in [subscription_walled, live.subscribers_only()[0], metered[-1]]:
        open_article(page, path)
        assert_full_text(page)
        assert meter_remaining(page) is None
    shot(page, "subscriber reads everything")
