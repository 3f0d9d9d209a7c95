"""The dashboard: who may see it, its hooked figures, the period form, CSV exports, the home
panel, MRR from billing's rows, and a query count that does not grow with the event log."""

import csv
import io
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from masthead.billing.models import Offer, Plan, Subscription
from masthead.events.kinds import VIEW_KINDS, EventKind
from masthead.events.models import ReaderEvent
from masthead.events.services import event_record
from masthead.revenue.rollups import rollups_rebuild
from tests import factories

from .history import write_history

pytestmark = pytest.mark.django_db
URL = "/admin/revenue/"


def metrics(html: str) -> dict[str, str]:
    return dict(re.findall(r'data-metric="([a-z_]+)" data-value="([0-9.]+)"', html))


def test_only_staff_with_the_revenue_permission_get_in(client, analyst):
    assert client.get(URL).status_code == 302  # to the admin's sign-in
    client.force_login(factories.user("editor2@example.org", is_staff=True))
    assert client.get(URL).status_code in (302, 403)
    client.force_login(analyst)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("readers", "views", "counted_views", "walls", "registrations", "subscriptions",
                 "stop_rate", "mrr", "walls_registration", "churn", "trial_to_paid"):  # fmt: skip
        assert name in metrics(html)
    assert 'href="/admin/revenue/"' in client.get("/admin/").content.decode()


def test_figures_from_generated_events_and_bounded_queries(client, analyst, world):
    articles = [factories.article(world).pk for _ in range(8)]
    write_history(10, 8, articles)
    event_record(EventKind.OFFER_SHOWN, reader_key="d:x", offer="intro")  # every table has rows
    rollups_rebuild()
    client.force_login(analyst)
    client.get(URL)  # warm the admin's own caches
    with CaptureQueriesContext(connection) as small:
        html = client.get(URL).content.decode()
    values = metrics(html)
    views = ReaderEvent.objects.filter(kind__in=VIEW_KINDS)
    assert int(values["views"]) == views.count()
    assert int(values["readers"]) == views.values("reader_key").distinct().count()
    assert 0 < float(values["stop_rate"]) <= 1
    assert "<svg" in html and 'role="img"' in html and "<title" in html

    write_history(60, 10, articles, seed=11)
    rollups_rebuild()
    with CaptureQueriesContext(connection) as large:
        client.get(URL + "?period=90")
    assert len(large) == len(small), [q["sql"][:80] for q in large.captured_queries]


@pytest.mark.parametrize(
    "query",
    [
        "?period=custom&start=2026-02-30&end=2026-03-01",
        "?period=custom&start=2026-03-10&end=2026-03-01",
        "?period=custom&start=2026-03-10",
        "?period=custom&start=1900-01-01&end=2026-03-01",
        "?period=custom&start=2999-01-01&end=2999-01-02",
        "?period=forever",
        "?period=custom&start=2026-03-01T00:00&end=x",
    ],
)
def test_bad_periods_get_a_form_error_not_a_crash(client, analyst, query):
    client.force_login(analyst)
    response = client.get(URL + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "data-period-errors" in html and "Showing the last 30 days" in html
    assert "readers" in metrics(html)


def test_a_nul_in_the_period_is_refused_at_the_door(client, analyst):
    client.force_login(analyst)
    assert client.get(URL + "?period=custom&start=%00&end=x").status_code == 400


def test_a_custom_period_is_shown(client, analyst):
    client.force_login(analyst)
    day = timezone.localdate()
    start = day - timedelta(days=3)
    html = client.get(f"{URL}?period=custom&start={start}&end={day}").content.decode()
    assert "data-period-errors" not in html and f"{start:%-d %b %Y}" in html


def test_every_table_exports_formula_safe_csv(client, analyst, world):
    page = factories.article(world, title='=HYPERLINK("http://evil.example")')
    write_history(5, 8, [page.pk])
    rollups_rebuild()
    client.force_login(analyst)
    html = client.get(URL).content.decode()
    tables = re.findall(r'data-table="([a-z]+)"', html)
    assert set(tables) == {"funnel", "daily", "content", "offers", "sources", "sections"}
    for name in tables:
        link = re.search(rf'href="([^"]+)" download data-csv="{name}"', html).group(1)
        response = client.get(link.replace("&amp;", "&"))
        assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        assert len(rows) >= 1
    content = client.get("/admin/revenue/export/content.csv").content.decode()
    assert (
        "'=HYPERLINK" in content and "\n=HYPERLINK" not in content and ",=HYPERLINK" not in content
    )
    assert client.get("/admin/revenue/export/nothing.csv").status_code == 404


def test_mrr_counts_yearly_by_twelve_and_intro_prices_as_charged(client, analyst):
    monthly = Plan.objects.create(name="Monthly", slug="monthly", amount="15.00")
    yearly = Plan.objects.create(name="Yearly", slug="yearly", amount="120.00", interval="year")
    intro = Offer.objects.create(
        plan=monthly, slug="three-for-nine", title="3 months for $9", intro_amount="9.00",
        intro_periods=3,
    )  # fmt: skip
    end = timezone.now() + timedelta(days=20)
    for i, (plan, offer, status) in enumerate(
        [(monthly, None, "active"), (yearly, None, "active"), (monthly, intro, "active"),
         (monthly, None, "trialing"), (monthly, None, "canceled")]
    ):  # fmt: skip
        Subscription.objects.create(
            user=factories.user(f"s{i}@example.org"), plan=plan, offer=offer, status=status,
            provider_subscription_id=f"sub_{i}", current_period_end=end, trial_end=end,
        )  # fmt: skip
    client.force_login(analyst)
    values = metrics(client.get(URL).content.decode())
    assert Decimal(values["mrr"]) == Decimal("15.00") + Decimal("10.00") + Decimal("3.00")
    assert values["active_subscribers"] == "4"


def test_churn_is_the_share_of_the_starting_base_that_ended(client, analyst):
    """Of the subscriptions live at the period's start, the share whose access ended in it: a
    trial that started and lapsed inside the period is a lapse, not churn."""
    plan = Plan.objects.create(name="Monthly", slug="monthly", amount="15.00")
    now = timezone.now()
    rows = [  # (created days ago, ended days ago)
        (40, None), (40, 10), (45, None), (50, 35), (5, 1),
    ]  # fmt: skip
    for i, (created, ended) in enumerate(rows):
        sub = Subscription.objects.create(
            user=factories.user(f"c{i}@example.org"), plan=plan, provider_subscription_id=f"c_{i}",
            status="canceled" if ended else "active", current_period_end=now + timedelta(days=9),
            ended_at=now - timedelta(days=ended) if ended else None,
        )  # fmt: skip
        Subscription.objects.filter(pk=sub.pk).update(created_at=now - timedelta(days=created))
        if ended:
            event_record(EventKind.LAPSE, reader_key=f"u:{sub.user_id}", plan="monthly")
    rollups_rebuild()
    client.force_login(analyst)
    values = metrics(client.get(URL).content.decode())  # the last 30 days
    assert values["lapses"] == "3"
    assert float(values["churn"]) == pytest.approx(1 / 3, abs=1e-3)  # of 3 live 30 days ago


def test_the_admin_home_has_the_summary_panel(client, analyst):
    client.force_login(analyst)
    html = client.get("/admin/").content.decode()
    assert "data-revenue-summary" in html and 'data-summary-metric="readers"' in html
