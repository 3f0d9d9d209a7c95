"""The revenue team's view: the demo editor opens /admin/revenue/ in Chromium, sees every
contract figure hooked, the funnel and daily charts as SVG with their tables, changes the
period (a bad one gets a form error), downloads a CSV, and axe finds nothing serious."""

import re

import pytest
from playwright.sync_api import expect

from .helpers import admin_sign_in, axe_violations, format_violations, serious

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
EDITOR = "editor@example.com"
PASSWORD = "masthead-demo"
CONTRACT = ["readers", "views", "counted_views", "walls", "registrations", "subscriptions",
            "stop_rate", "mrr"]  # fmt: skip


def test_revenue_team_reads_the_dashboard(live, new_context, shot, axe_source):
    page = new_context().new_page()
    admin_sign_in(page, EDITOR, PASSWORD)
    expect(page.locator("[data-revenue-summary]")).to_be_visible()
    page.get_by_role("link", name="Revenue").first.click()
    expect(page).to_have_url(re.compile(r"/admin/revenue/$"))
    for name in CONTRACT:
        value = page.locator(f'[data-metric="{name}"]').get_attribute("data-value")
        assert re.fullmatch(r"[0-9]+(\.[0-9]+)?", value or ""), (name, value)
    charts = page.locator('svg.revenue-chart[role="img"]')
    assert charts.count() >= 6
    assert charts.first.locator("title").count() == 1
    shot(page, "revenue dashboard")
    violations = axe_violations(page, axe_source)
    assert not serious(violations), format_violations(serious(violations))

    page.select_option("#id_period", "custom")
    page.fill("#id_start", "2026-03-10")
    page.fill("#id_end", "2026-03-01")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("[data-period-errors]")).to_contain_text("must not be before")
    shot(page, "period error")

    page.select_option("#id_period", "7")
    page.get_by_role("button", name="Show").click()
    with page.expect_download() as download:
        page.locator('[data-csv="sources"]').click()
    assert download.value.suggested_filename.startswith("revenue-sources-")
