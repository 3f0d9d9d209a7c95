"""Editors' results pages in the Wagtail admin: an index of callouts, one callout's results
(tallies drawn as SVG bars, free-text answers listed as escaped text) and its CSV export.

The URLs are registered through ``register_admin_urls``, so Wagtail's admin-access check
guards them; readers without admin access never reach these views.
"""

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..models import Callout
from .export import callout_csv_response
from .selectors import poll_results, text_answers


class CalloutResultsIndexView(WagtailAdminTemplateMixin, TemplateView):
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
    return callout_csv_response(get_object_or_404(Callout, pk=pk))
