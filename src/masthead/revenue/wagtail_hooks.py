"""Admin wiring: the dashboard's URLs, a menu item and a home-page panel (each shown only to
staff with the revenue permission), and the permission in the group editor; the meter
experiments' and simulations' pages and their menu item (``experiment_views``)."""

from datetime import timedelta

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from masthead import converters  # noqa: F401 - registers <id:>

from . import experiment_views, views
from .rollups import today
from .selectors import Period, figures_of


class RevenueMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.PERMISSION)


class RevenueSummaryPanel(Component):
    """The last 7 days at a glance on the admin home, linking to the dashboard."""

    name = "revenue_summary"
    order = 110
    template_name = "revenue/summary_panel.html"

    def get_context_data(self, parent_context=None):
        end = today()
        period = Period(start=end - timedelta(days=6), end=end)
        figures = figures_of(period)
        names = ("readers", "views", "stop_rate", "registrations", "subscriptions", "mrr")
        cards = [c for c in views.figure_cards(figures) if c["name"] in names]
        return {"cards": cards, "url": reverse("revenue_dashboard"), "period": period}


@hooks.register("register_admin_urls")
def register_revenue_urls():
    return [
        path("revenue/", views.RevenueDashboardView.as_view(), name="revenue_dashboard"),
        path("revenue/export/<slug:table>.csv", views.revenue_export, name="revenue_export"),
    ]


@hooks.register("register_admin_menu_item")
def register_revenue_menu_item():
    return RevenueMenuItem("Revenue", reverse("revenue_dashboard"), icon_name="table", order=150)


@hooks.register("construct_homepage_panels")
def add_revenue_panel(request, panels):
    if request.user.has_perm(views.PERMISSION):
        panels.append(RevenueSummaryPanel())


@hooks.register("register_permissions")
def register_revenue_permission():
    return Permission.objects.filter(content_type__app_label="revenue", codename="view_revenue")


@hooks.register("register_admin_urls")
def register_experiment_urls():
    return [
        path(
            "experiments/",
            experiment_views.ExperimentIndexView.as_view(),
            name="revenue_experiments",
        ),
        path(
            "experiments/new/",
            experiment_views.ExperimentCreateView.as_view(),
            name="revenue_experiment_new",
        ),
        path("simulate/", experiment_views.SimulationView.as_view(), name="revenue_simulations"),
        path(
            "experiments/<id:pk>/",
            experiment_views.ExperimentResultsView.as_view(),
            name="revenue_experiment_results",
        ),
        path(
            "experiments/<id:pk>/<str:action>/",
            experiment_views.experiment_action,
            name="revenue_experiment_action",
        ),
    ]


class _ExperimentMenuItem(MenuItem):
    def is_shown(self, request):  # noqa: ANN001
        return experiment_views.may_see(request.user)


@hooks.register("register_admin_menu_item")
def register_experiment_menu_item():
    return _ExperimentMenuItem(
        "Meter experiments", reverse("revenue_experiments"), icon_name="pick", order=460
    )
