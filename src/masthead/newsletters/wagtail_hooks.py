"""Admin wiring: the "Send as newsletter" action on articles, the issues pages, and the
suppression list (editors see and lift suppressions)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from masthead import converters  # noqa: F401 - registers <id:>

from . import admin_views
from .models import Suppression


@hooks.register("register_admin_urls")
def register_newsletter_urls():
    return [
        path("newsletters/send/<id:page_id>/", admin_views.send_issue, name="newsletters_send"),
        path(
            "newsletters/preview/<id:page_id>/<slug:kind>/",
            admin_views.preview,
            name="newsletters_preview",
        ),
        path("newsletters/issues/", admin_views.issue_index, name="newsletters_issues"),
        path(
            "newsletters/issues/<id:issue_id>/", admin_views.issue_detail, name="newsletters_issue"
        ),
        path(
            "newsletters/issues/<id:issue_id>/cancel/",
            admin_views.issue_cancel_view,
            name="newsletters_issue_cancel",
        ),
    ]


class SendAsNewsletter(PageMenuItem):
    label = "Send as newsletter"
    icon_name = "mail"

    def is_shown(self, user):
        return (
            type(self.page.specific_deferred).__name__ == "ArticlePage"
            and self.page.live
            and user.has_perm("newsletters.change_newsletter")
        )

    @property
    def url(self):
        return reverse("newsletters_send", args=[self.page.pk])


@hooks.register("register_page_header_buttons")
def send_header_button(page, user, view_name, next_url=None):
    yield SendAsNewsletter(page=page, priority=40)


@hooks.register("register_page_listing_more_buttons")
def send_listing_button(page, user, next_url=None):
    yield SendAsNewsletter(page=page, priority=45)


class IssuesMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_read_issues(request.user)


@hooks.register("register_admin_menu_item")
def register_issues_menu_item():
    return IssuesMenuItem(
        "Newsletter issues", reverse("newsletters_issues"), icon_name="mail", order=460
    )


class SuppressionViewSet(ModelViewSet):
    model = Suppression
    icon = "warning"
    menu_label = "Suppressed addresses"
    menu_order = 470
    add_to_admin_menu = True
    list_display = ["email", "suppressed", "reason", "soft_bounces", "updated_at"]
    list_filter = ["suppressed", "reason"]
    search_fields = ["email"]
    form_fields = ["email", "suppressed", "reason", "detail"]


@hooks.register("register_admin_viewset")
def register_suppressions():
    return SuppressionViewSet("suppressions")


# What this app shows on lower layers' pages (masthead/parts.py).
@hooks.register("masthead_part:wall-aside")
def wall_newsletter_box():
    return "newsletters/parts/wall_aside.html"


@hooks.register("masthead_part:account-section")
def account_newsletters():
    return "newsletters/parts/account_section.html"
