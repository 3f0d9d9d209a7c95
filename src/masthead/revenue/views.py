"""The revenue dashboard in the Wagtail admin (``/admin/revenue/``) and its CSV exports.

Only staff with the ``revenue.view_revenue`` permission (the "Revenue" group) get in; others
get 403. The figures come from ``selectors.dashboard``; this module only reads the period,
adds names (headlines, offer titles) to ids and renders.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.http import urlencode
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from masthead.access.models import Experiment, ExperimentStatus
from masthead.billing.models import Offer
from masthead.metering.estimate import TOO_FEW
from masthead.newsroom.models import ArticlePage

from . import charts, exports
from .forms import PeriodForm, default_range
from .rollups import today
from .selectors import Period, dashboard

PERMISSION = "revenue.view_revenue"
TOO_FEW_TO_TELL = "too few to tell"
TOP = 15
# (metric, label, format): "n" a count, "%" a ratio shown as a percentage, "$" money a month.
FIGURES = [
    ("readers", "Readers", "n"),
    ("views", "Views", "n"),
    ("counted_views", "Counted views", "n"),
    ("meter_messages", "Meter messages", "n"),
    ("walls", "Walls shown", "n"),
    ("walls_registration", "Registration walls", "n"),
    ("walls_subscription", "Subscription walls", "n"),
    ("walls_trial_expired", "Trial-expired walls", "n"),
    ("walls_access_expired", "Access-expired walls", "n"),
    ("walls_subscribers_only", "Subscribers-only walls", "n"),
    ("readers_walled", "Readers who met a wall", "n"),
    ("stop_rate", "Meter stop rate", "%"),
    ("registrations", "Registrations", "n"),
    ("registration_wall_conversion", "Registration-wall conversion", "%"),
    ("subscriptions", "New subscriptions", "n"),
    ("paid_stop_conversion", "Paid stop conversion", "%"),
    ("trials", "Trials started", "n"),
    ("trial_to_paid", "Trial-to-paid", "%"),
    ("active_subscribers", "Active subscribers (now)", "n"),
    ("mrr", "MRR (now)", "$"),
    ("cancellations", "Cancellations", "n"),
    ("lapses", "Lapses", "n"),
    ("churn", "Churn", "%"),
    ("gift_opens", "Gift links opened", "n"),
    ("newsletter_signups", "Newsletter sign-ups", "n"),
    ("callout_answers", "Callout answers", "n"),
]


def _percent(value) -> str:
    return f"{float(value) * 100:.1f}%"


def figure_cards(figures: dict) -> list[dict]:
    """One card per headline figure; a ratio's card also says its n and 95% interval, or
    "too few to tell" instead of the figure when its n is below ``TOO_FEW``."""
    cards = []
    for name, label, kind in FIGURES:
        value, n, detail = figures[name], None, ""
        if kind == "%":
            rate = figures["rates"][name]
            n = rate["n"]
            if rate["enough"]:
                shown = _percent(value)
                detail = f"95%: {_percent(rate['low'])} to {_percent(rate['high'])}; n = {n:,}"
            else:
                shown, detail = TOO_FEW_TO_TELL, f"n = {n:,}, fewer than {TOO_FEW}"
        elif kind == "$":
            shown = f"{value:,.2f}"
        else:
            shown = f"{value:,}"
        cards.append(
            {"name": name, "label": label, "value": value, "shown": shown, "n": n, "detail": detail}
        )
    return cards


def require_revenue(user) -> None:
    if not user.has_perm(PERMISSION):
        raise PermissionDenied("The revenue dashboard needs the Revenue permission.")


def period_from(request) -> tuple[Period, PeriodForm]:
    form = PeriodForm(request.GET or None, today=today())
    if form.is_bound and form.is_valid():
        return Period(form.cleaned_data["start"], form.cleaned_data["end"]), form
    return Period(*default_range(today())), form


def with_titles(rows: list[dict]) -> list[dict]:
    ids = [r["article_id"] for r in rows]
    titles: dict[int, str] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        titles.update(ArticlePage.objects.filter(pk__in=chunk).values_list("pk", "title"))
    return [
        {**r, "title": titles.get(r["article_id"], f"(article {r['article_id']})")} for r in rows
    ]


def with_offer_titles(rows: list[dict]) -> list[dict]:
    titles = dict(
        Offer.objects.filter(slug__in=[r["offer"] for r in rows]).values_list("slug", "title")
    )
    return [{**r, "title": titles.get(r["offer"], r["offer"])} for r in rows]


def tables(data: dict, *, top: int | None = TOP) -> dict[str, list[dict]]:
    content = data["articles"][:top] if top else data["articles"]
    return {
        "funnel": [{"step": s, "value": v} for s, v in data["funnel"]],
        "daily": data["daily"],
        "content": with_titles(content),
        "offers": with_offer_titles(data["offers"]),
        "sources": data["sources"],
        "sections": data["sections"],
    }


CAPTIONS = {
    "funnel": "Funnel",
    "daily": "Day by day",
    "content": "Content that converts",
    "offers": "Offers",
    "sources": "Sources",
    "sections": "Sections",
}


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    if hasattr(value, "strftime"):
        return value.strftime("%a %-d %b")
    return str(value)


def shown_tables(data: dict[str, list[dict]], query: str) -> dict[str, dict]:
    out = {}
    for name, rows in data.items():
        columns = exports.COLUMNS[name]
        out[name] = {
            "name": name,
            "caption": CAPTIONS[name],
            "columns": [label for _, label in columns],
            "cells": [[_cell(row.get(key, "")) for key, _ in columns] for row in rows],
            "url": f"{reverse('revenue_export', args=[name])}?{query}",
        }
    return out


class RevenueDashboardView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Revenue"
    header_icon = "table"
    template_name = "revenue/dashboard.html"

    def dispatch(self, request, *args, **kwargs):
        require_revenue(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        period, form = period_from(self.request)
        data = dashboard(period)
        query = urlencode({"period": "custom", "start": period.start, "end": period.end})
        daily = data["daily"]
        context.update(
            form=form,
            period=period,
            experiment=Experiment.objects.filter(status=ExperimentStatus.RUNNING).first(),
            figures=figure_cards(data["figures"]),
            shown=shown_tables(tables(data), query),
            content_total=len(data["articles"]),
            funnel_chart=charts.funnel_chart("funnel", "Funnel", data["funnel"]),
            charts=[
                (
                    f"{label} per day",
                    charts.bar_chart(
                        f"daily-{name}",
                        f"{label} per day",
                        [(d["day"].strftime("%b %-d"), d[name]) for d in daily],
                    ),
                )
                for name, label in (
                    ("readers", "Readers"),
                    ("views", "Views"),
                    ("walls", "Walls"),
                    ("registrations", "Registrations"),
                    ("subscriptions", "Subscriptions"),
                )
            ],
        )
        return context


def revenue_export(request, table: str):
    require_revenue(request.user)
    if table not in exports.COLUMNS:
        raise Http404("No such table.")
    period, _ = period_from(request)
    rows = tables(dashboard(period), top=None)[table]
    return exports.csv_response(table, rows, period.start, period.end)
