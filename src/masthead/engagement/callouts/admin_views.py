"""Editors' results pages in the Wagtail admin: an index of callouts, one callout's results
(tallies drawn as SVG bars, free-text answers listed as escaped text) and its CSV export.

The URLs are registered through ``register_admin_urls``, so Wagtail's admin-access check
guards them; each also checks its own permission (readers' answers are personal data): the
callouts' view or change permission (``may_read_results``).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..models import Callout
from .export import callout_csv_response
from .selectors import poll_results, text_answers


def may_read_results(user) -> bool:
    return user.has_perm("engagement.view_callout") or user.has_perm("engagement.change_callout")


class _Guarded:
    def dispatch(self, request, *args, **kwargs):
        if not may_read_results(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


class CalloutResultsIndexView(_Guarded, WagtailAdminTemplateMixin, TemplateView):
    """Every callout with its number of responses, linking to its results."""

    page_title = "Callout results"
    header_icon = "help"
    template_name = "engagement/admin/callout_index.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["callouts"] = Callout.objects.annotate(n_responses=Count("responses"))
        return context


class CalloutResultsView(WagtailAdminTemplateMixin, TemplateView):
    """One callout: number of responses, tallies per choice, free-text answers, CSV link."""

    header_icon = "help"
    template_name = "engagement/admin/callout_results.html"

    def dispatch(self, request, *args, **kwargs):
        if not may_read_results(request.user):
            raise PermissionDenied
        self.callout = get_object_or_404(Callout, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Results: {self.callout.title}"

    def get_breadcrumbs_items(self):
        index = {"url": reverse("engagement_callout_results_index"), "label": "Callout results"}
        return [*self.breadcrumbs_items, index, {"url": "", "label": self.callout.title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            callout=self.callout,
            total=self.callout.responses.count(),
            results=poll_results(self.callout),
            texts=text_answers(self.callout),
            csv_url=reverse("engagement_callout_results_csv", args=[self.callout.pk]),
        )
        return context


def callout_results_csv(request, pk: int):
    if not may_read_results(request.user):
        raise PermissionDenied
    return callout_csv_response(get_object_or_404(Callout, pk=pk))
