"""The meter experiments' pages in the Wagtail admin (``/admin/experiments/``, beside the
revenue dashboard): every experiment with its status, one experiment's results per variant
with 95% intervals, a form that creates one (``/admin/experiments/new/``), and start/stop
buttons (POST).

Staff with the revenue permission (``revenue.view_revenue``, the "Revenue" group) or
superusers only; the URLs are registered through ``register_admin_urls``, so Wagtail's
admin-access check guards them first. Starting and stopping go through
``access.experiments``; a refused start shows its reason, never an error page.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from masthead.access.experiments import experiment_create, experiment_start, experiment_stop
from masthead.access.models import Experiment

from .experiment_results import experiment_results
from .models import SimulationRun
from .simulation_chart import simulation_chart
from .simulation_runs import simulation_request

PERMISSION = "revenue.view_revenue"


def may_see(user) -> bool:  # noqa: ANN001
    return bool(user.is_active and (user.is_superuser or user.has_perm(PERMISSION)))


class _Guarded:
    """Revenue-team pages: the permission check, and breadcrumbs ending in the page's title
    (without them Wagtail's header names the page "Home")."""

    parent: tuple[str, str] | None = None  # (URL name, label) of the page above this one

    def dispatch(self, request, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        if not may_see(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

    def get_breadcrumbs_items(self):  # noqa: ANN201
        items = list(self.breadcrumbs_items)  # type: ignore[attr-defined]
        if self.parent:
            items.append({"url": reverse(self.parent[0]), "label": self.parent[1]})
        return [*items, {"url": "", "label": self.get_page_title()}]  # type: ignore[attr-defined]


class ExperimentIndexView(_Guarded, WagtailAdminTemplateMixin, TemplateView):
    page_title = "Meter experiments"
    parent = ("revenue_dashboard", "Revenue")
    header_icon = "pick"
    template_name = "revenue/admin/experiment_index.html"

    def get_context_data(self, **kwargs):  # noqa: ANN003
        context = super().get_context_data(**kwargs)
        context["experiments"] = Experiment.objects.prefetch_related("variants")
        return context


class ExperimentResultsView(_Guarded, WagtailAdminTemplateMixin, TemplateView):
    parent = ("revenue_experiments", "Meter experiments")
    header_icon = "pick"
    template_name = "revenue/admin/experiment_results.html"

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


class ExperimentForm(forms.Form):
    """A new experiment: its variants as free articles a month, and the share of new readers
    it takes (split evenly over the variants; the rest stay on the site's policy)."""

    name = forms.CharField(max_length=200)
    allowances = forms.CharField(
        max_length=60,
        label="Free articles a month, one variant each",
        help_text="Whole numbers from 0 to 100, separated by commas: for example 2, 3, 5.",
    )
    share = forms.IntegerField(
        min_value=1,
        max_value=100,
        initial=50,
        label="Share of new readers (%)",
        help_text="Split evenly over the variants; the others are the holdout (site's policy).",
    )
    start = forms.BooleanField(required=False, initial=True, label="Start it now")

    def clean_allowances(self) -> list[int]:
        parts = [p.strip() for p in self.cleaned_data["allowances"].split(",") if p.strip()]
        try:
            values = [int(p) for p in parts]
        except ValueError:
            raise forms.ValidationError("Use whole numbers separated by commas.") from None
        if not values or len(values) > 5:
            raise forms.ValidationError("Give one to five allowances.")
        if any(not 0 <= v <= 100 for v in values):
            raise forms.ValidationError("Each allowance must be between 0 and 100.")
        if len(set(values)) != len(values):
            raise forms.ValidationError("Each allowance once.")
        return values


class ExperimentCreateView(_Guarded, WagtailAdminTemplateMixin, TemplateView):
    """Create a meter experiment (a draft, or started at once) from allowances and a share."""

    page_title = "New meter experiment"
    parent = ("revenue_experiments", "Meter experiments")
    header_icon = "pick"
    template_name = "revenue/admin/experiment_new.html"

    def post(self, request, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        form = ExperimentForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        experiment = experiment_create(data["name"], data["allowances"], data["share"] / 100)
        if data["start"]:
            try:
                experiment_start(experiment)
                messages.success(request, f"Started “{experiment.name}”.")
            except ValueError as exc:
                messages.error(request, f"Created as a draft, not started: {exc}.")
        else:
            messages.success(request, f"Created “{experiment.name}” as a draft.")
        return redirect(reverse("revenue_experiment_results", args=[experiment.pk]))

    def get_context_data(self, **kwargs):  # noqa: ANN003
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ExperimentForm())
        return context


ACTIONS = ("start", "stop")


@require_POST
def experiment_action(request, pk: int, action: str):  # noqa: ANN001
    if not may_see(request.user):
        raise PermissionDenied
    if action not in ACTIONS:
        raise Http404("No such action.")
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
    return redirect(reverse("revenue_experiment_results", args=[experiment.pk]))


class SimulationForm(forms.Form):
    """A candidate policy and period; empty numbers keep what each view was decided with."""

    anonymous = forms.IntegerField(
        min_value=0,
        max_value=10_000,
        required=False,
        label="Free articles a month, anonymous readers",
        help_text="Empty: what each view was decided with.",
    )
    registered = forms.IntegerField(
        min_value=0,
        max_value=10_000,
        required=False,
        label="Free articles a month, registered readers",
    )
    preview = forms.IntegerField(
        min_value=0,
        max_value=10_000,
        required=False,
        label="Preview paragraphs on a wall",
    )
    since = forms.DateField(
        required=False,
        label="First day",
        help_text="Empty: from the first recorded view.",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = forms.DateField(
        required=False,
        label="Last day",
        help_text="Empty: today.",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean(self):  # noqa: ANN201
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise forms.ValidationError("The first day is after the last.")
        return data


class SimulationView(_Guarded, WagtailAdminTemplateMixin, TemplateView):
    """Ask for a simulation (run by a task worker) and see the latest results as charts."""

    page_title = "Simulate a meter policy"
    parent = ("revenue_dashboard", "Revenue")
    header_icon = "pick"
    template_name = "revenue/admin/simulations.html"

    def post(self, request, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        form = SimulationForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        simulation_request(**form.cleaned_data)
        messages.success(request, "Simulation queued: the task workers run it.")
        return redirect(reverse("revenue_simulations"))

    def get_context_data(self, **kwargs):  # noqa: ANN003
        context = super().get_context_data(**kwargs)
        runs = list(SimulationRun.objects.all()[:10])
        context.setdefault("form", SimulationForm())
        context.update(
            runs=runs, charts=[(run, simulation_chart(run.result)) for run in runs if run.result]
        )
        return context
