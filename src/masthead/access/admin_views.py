"""The meter experiments' pages in the Wagtail admin (``/admin/experiments/``, beside the
revenue dashboard): every experiment with its status, one experiment's results per variant
with 95% intervals, and start/stop buttons (POST).

Staff with the revenue permission (``revenue.view_revenue``, the "Revenue" group) or
superusers only; the URLs are registered through ``register_admin_urls``, so Wagtail's
admin-access check guards them first. Starting and stopping go through
``access.experiments``; a refused start shows its reason, never an error page.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .experiment_results import experiment_results
from .experiments import experiment_start, experiment_stop
from .models import Experiment, SimulationRun
from .simulation_chart import simulation_chart
from .simulation_runs import simulation_request

PERMISSION = "revenue.view_revenue"


def may_see(user) -> bool:  # noqa: ANN001
    return bool(user.is_active and (user.is_superuser or user.has_perm(PERMISSION)))


class _Guarded:
    def dispatch(self, request, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        if not may_see(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


class ExperimentIndexView(_Guarded, WagtailAdminTemplateMixin, TemplateView):
    page_title = "Meter experiments"
    header_icon = "pick"
    template_name = "access/admin/experiment_index.html"

    def get_context_data(self, **kwargs):  # noqa: ANN003
        context = super().get_context_data(**kwargs)
        context["experiments"] = Experiment.objects.prefetch_related("variants")
        return context


class ExperimentResultsView(_Guarded, WagtailAdminTemplateMixin, TemplateView):
    header_icon = "pick"
    template_name = "access/admin/experiment_results.html"

    def dispatch(self, request, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        self.experiment = get_object_or_404(Experiment, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return f"Experiment: {self.experiment.name}"

    def get_context_data(self, **kwargs):  # noqa: ANN003
        context = super().get_context_data(**kwargs)
        context.update(
            experiment=self.experiment,
            variants=self.experiment.variants.all(),
            results=experiment_results(self.experiment),
        )
        return context


@require_POST
def experiment_action(request, pk: int, action: str):  # noqa: ANN001
    if not may_see(request.user):
        raise PermissionDenied
    experiment = get_object_or_404(Experiment, pk=pk)
    try:
        if action == "start":
            experiment_start(experiment)
            messages.success(request, f"Started “{experiment.name}”.")
        else:
            experiment_stop(experiment)
            messages.success(
                request, f"Stopped “{experiment.name}”: everyone is on the site's policy."
            )
    except ValueError as exc:
        messages.error(request, f"Not started: {exc}.")
    return redirect(reverse("access_experiment_results", args=[experiment.pk]))


class SimulationForm(forms.Form):
    """A candidate policy and period; empty numbers keep what each view was decided with."""

    anonymous = forms.IntegerField(min_value=0, max_value=10_000, required=False)
    registered = forms.IntegerField(min_value=0, max_value=10_000, required=False)
    preview = forms.IntegerField(min_value=0, max_value=10_000, required=False)
    since = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):  # noqa: ANN201
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise forms.ValidationError("The first day is after the last.")
        return data


class SimulationView(_Guarded, WagtailAdminTemplateMixin, TemplateView):
    """Ask for a simulation (run by a task worker) and see the latest results as charts."""

    page_title = "Simulate a meter policy"
    header_icon = "pick"
    template_name = "access/admin/simulations.html"

    def post(self, request, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        form = SimulationForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        simulation_request(**form.cleaned_data)
        messages.success(request, "Simulation queued: the task workers run it.")
        return redirect(reverse("access_simulations"))

    def get_context_data(self, **kwargs):  # noqa: ANN003
        context = super().get_context_data(**kwargs)
        runs = list(SimulationRun.objects.all()[:10])
        context.setdefault("form", SimulationForm())
        context.update(
            runs=runs, charts=[(run, simulation_chart(run.result)) for run in runs if run.result]
        )
        return context
