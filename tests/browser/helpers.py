"""Small helpers shared by the browser journeys (all assertions go through the HTML hooks of
the contract: data-meter-remaining, data-paywall, data-offer, data-callout, ...)."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import Page, expect

PASSWORD = "Journey-pass-4821!"

AXE_RUN = """async () => {
  const result = await axe.run(document, {
    resultTypes: ["violations"],
    runOnly: {type: "tag",
              values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
  });
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html.slice(0, 200),
                              summary: n.failureSummary})),
  }));
}"""


def unique_email(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}@example.org"


def open_article(page: Page, path: str) -> None:
    response = page.goto(path)
    assert response is not None and response.status == 200, (path, response and response.status)
    expect(page.locator("[data-article-body]")).to_be_attached()


def meter_remaining(page: Page) -> str | None:
    meter = page.locator("[data-meter-remaining]")
    return meter.get_attribute("data-meter-remaining") if meter.count() else None


def wall_kind(page: Page) -> str | None:
    wall = page.locator("[data-paywall]")
    return wall.get_attribute("data-paywall") if wall.count() else None


def me(page: Page) -> dict:
    """The reader's entitlement from the JSON API, with this context's cookies."""
    response = page.context.request.get("/api/v1/me/")
    assert response.ok, response.status
    return response.json()


def assert_full_text(page: Page) -> None:
    """No wall, no meter message, and the gated part of the body is in the page."""
    assert wall_kind(page) is None, page.url
    expect(page.locator("[data-article-body] .paywalled-content")).to_have_count(1)


def sign_up_on_form(page: Page, live, email: str, password: str = PASSWORD) -> None:
    """Fill the sign-up form the page is on, then enter the code the site e-mailed."""
    expect(page).to_have_url(re.compile(r"/accounts/signup/"))
    page.fill("#id_email", email)
    page.fill("#id_password1", password)
    page.fill("#id_password2", password)
    page.locator("main form[action='/accounts/signup/'] button[type=submit]").click()
    expect(page.locator("#id_code")).to_be_visible()
    page.fill("#id_code", live.email_code(email))
    page.locator("main form[action='/accounts/confirm-email/'] button[type=submit]").first.click()
    expect(page.locator("#id_code")).to_have_count(0)


def admin_sign_in(page: Page, email: str, password: str) -> None:
    """Sign in on Wagtail's login form; the page ends on the admin's dashboard."""
    page.goto("/admin/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def sign_in(page: Page, email: str, password: str, next_path: str = "/account/") -> None:
    page.goto(f"/accounts/login/?next={next_path}")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.locator("main form[action='/accounts/login/'] button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(next_path)))


SETTLED = """() => [...document.querySelectorAll(".messages, .messages *")].every(
  el => el.getAnimations().every(a => a.playState !== "running"))"""


def axe_violations(page: Page, axe_source: str) -> list[dict]:
    """Run axe-core in the page. ``evaluate`` goes through the DevTools protocol, so the site's
    Content-Security-Policy (no inline scripts) stays on while axe runs."""
    # Let Wagtail's messages finish fading in first: axe reads a half-faded message's colours
    # and finds its contrast too low (a flaky failure on the experiment pages).
    page.wait_for_function(SETTLED, timeout=10_000)
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)
    return page.evaluate(AXE_RUN)


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            lines.append(f"    at {node['target']}: {node['html']}")
    return "\n".join(lines)


def serious(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in {"serious", "critical"}]
