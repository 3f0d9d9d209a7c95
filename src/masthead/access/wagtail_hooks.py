"""Admin wiring for meter experiments: their pages and a menu item (see ``admin_views``)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from masthead import converters  # noqa: F401 - registers <id:>

from . import admin_views


@hooks.register("register_admin_urls")
def register_experiment_urls():
    return [
        path("experiments/", admin_views.ExperimentIndexView.as_view(), name="access_experiments"),
        path(
            "experiments/new/",
            admin_views.ExperimentCreateView.as_view(),
            name="access_experiment_new",
        ),
        path("simulate/", admin_views.SimulationView.as_view(), name="access_simulations"),
        path(
            "experiments/<id:pk>/",
            admin_views.ExperimentResultsView.as_view(),
            name="access_experiment_results",
        ),
        path(
            "experiments/<id:pk>/<str:action>/",
            admin_views.experiment_action,
            name="access_experiment_action",
        ),
    ]


class _ExperimentMenuItem(MenuItem):
    def is_shown(self, request):  # noqa: ANN001
        return admin_views.may_see(request.user)


@hooks.register("register_admin_menu_item")
def register_experiment_menu_item():
    return _ExperimentMenuItem(
        "Meter experiments", reverse("access_experiments"), icon_name="pick", order=460
    )
