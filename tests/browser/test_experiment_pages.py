"""The revenue team's experiment pages in Chromium, checked with axe: the demo's finished
experiment's results (per variant, with intervals), the new-experiment form (empty, and
refused with its errors shown), and a created experiment's page, with no serious or critical
violation on any of them. The experiment it starts is stopped again: the journeys after it share
the live site, and a running one gives 20% of their new devices 2 or 4 free articles (the
reader journey's "2 left, then 2 again" in CI's PostgreSQL + Redis pass)."""

import re

import pytest
from playwright.sync_api import expect

from .helpers import admin_sign_in, axe_violations, format_violations, serious

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
EDITOR = "editor@example.com"
PASSWORD = "masthead-demo"


def _no_serious(page, axe_source) -> None:
    violations = serious(axe_violations(page, axe_source))
    assert not violations, f"{page.url}\n{format_violations(violations)}"


def test_experiment_results_and_the_new_experiment_form_pass_axe(
    live, new_context, shot, axe_source
):
    page = new_context().new_page()
    admin_sign_in(page, EDITOR, PASSWORD)

    page.goto("/admin/experiments/")
    finished = page.locator('[data-experiment="demo-allowance"] a').first
    finished.click()
    expect(page).to_have_url(re.compile(r"/admin/experiments/[0-9]+/$"))
    expect(page.locator("main table").first).to_be_visible()
    shot(page, "experiment results")
    _no_serious(page, axe_source)

    page.goto("/admin/experiments/new/")
    expect(page.locator("main form")).to_be_visible()
    shot(page, "new experiment")
    _no_serious(page, axe_source)

    page.fill("input[name=name]", "")
    page.fill("input[name=allowances]", "two, 99")
    page.locator("main form button[type=submit], main form input[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/experiments/new/$"))
    shot(page, "new experiment refused")
    _no_serious(page, axe_source)

    page.fill("input[name=name]", "Two or four free articles")
    page.fill("input[name=allowances]", "2, 4")
    page.fill("input[name=share]", "20")
    page.locator("main form button[type=submit], main form input[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/experiments/[0-9]+/$"))
    shot(page, "experiment created")
    _no_serious(page, axe_source)

    page.locator("[data-action=stop]").click()
    expect(page.locator(".messages")).to_contain_text("everyone is on the site's policy")
