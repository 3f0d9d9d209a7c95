"""Admin wiring for callouts: results URLs, a menu item, and a "Results" snippet button."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem

from masthead import converters  # noqa: F401 - registers <id:>

from .callouts import admin_views
from .models import Callout


@hooks.register("register_admin_urls")
def register_callout_results_urls():
    return [
        path(
            "callouts/results/",
            admin_views.CalloutResultsIndexView.as_view(),
            name="engagement_callout_results_index",
        ),
        path(
            "callouts/<id:pk>/results/",
            admin_views.CalloutResultsView.as_view(),
            name="engagement_callout_results",
        ),
        path(
            "callouts/<id:pk>/results.csv",
            admin_views.callout_results_csv,
            name="engagement_callout_results_csv",
        ),
    ]


class CalloutResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_read_results(request.user)


@hooks.register("register_admin_menu_item")
def register_callout_results_menu_item():
    return CalloutResultsMenuItem(
        "Callout results",
        reverse("engagement_callout_results_index"),
        icon_name="help",
        order=450,
    )


@hooks.register("register_snippet_listing_buttons")
def callout_results_button(snippet, user, next_url=None):
    if isinstance(snippet, Callout) and admin_views.may_read_results(user):
        url = reverse("engagement_callout_results", args=[snippet.pk])
        yield ListingMenuItem("Results", url, icon_name="help", priority=90)
