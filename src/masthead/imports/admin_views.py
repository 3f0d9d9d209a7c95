"""The Import page of the Wagtail admin (``/admin/import/``, CONTRACT.md): upload a WordPress
export (WXR), a Ghost export (JSON), a Substack export (zip) or a member CSV; a task worker
makes a dry run of it and the page shows what would be created, updated, left unchanged or
refused; the editor then runs the import itself, whose progress the page follows, and reads
its report. A failed or interrupted run can be resumed: it skips what is already there.

Staff with the import permission (``imports.run_import``) or superusers only; the URLs are
registered through ``register_admin_urls``, so Wagtail's admin-access check guards them
first. The work is in ``background``; these views only store, queue and show.
"""

from pathlib import Path

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .background import (
    KEEP_UPLOADS,
    import_confirm,
    import_request,
    import_resume,
    interrupted,
    resumable,
)
from .models import ImportRun, ImportStatus

PERMISSION = "imports.run_import"
MAX_UPLOAD = 12 * 1024 * 1024  # masthead.asgi refuses larger request bodies (413)
SOURCES = [
    ("wordpress", "WordPress export (WXR, .xml)"),
    ("ghost", "Ghost export (.json)"),
    ("substack", "Substack export (.zip)"),
    ("members", "Readers: a member CSV (Ghost, Substack or Masthead)"),
]
ACTIONS = ("run", "resume")


def may_import(user) -> bool:  # noqa: ANN001
    return bool(user.is_active and (user.is_superuser or user.has_perm(PERMISSION)))


class ImportForm(forms.Form):
    source = forms.ChoiceField(label="What the file is", choices=SOURCES)
    file = forms.FileField(
        label="File",
        help_text="Up to 12 MB here; a larger export goes through `masthead import` (README).",
    )
    access_tag = forms.CharField(
        label="WordPress: the category or tag of subscribers-only posts",
        required=False,
        max_length=200,
        help_text="Empty: every post is metered, as the site's other articles.",
    )
    member_format = forms.ChoiceField(
        label="Member CSV format",
        required=False,
        choices=[("", "From the header"), ("ghost", "Ghost"), ("substack", "Substack")]
        + [("masthead", "Masthead (export members)")],
    )

    def clean_file(self):  # noqa: ANN201
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError("The file is larger than 12 MB: use `masthead import`.")
        if upload.size == 0:
            raise forms.ValidationError("The file is empty.")
        return upload

    def options(self) -> dict:
        data = self.cleaned_data
        if data["source"] == "wordpress" and data["access_tag"].strip():
            return {"access_tag": data["access_tag"].strip()}
        if data["source"] == "members" and data["member_format"]:
            return {"format": data["member_format"]}
        return {}


class _Guarded:
    parent: tuple[str, str] | None = None

    def dispatch(self, request, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        if not may_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

    def get_breadcrumbs_items(self):  # noqa: ANN201
        items = list(self.breadcrumbs_items)  # type: ignore[attr-defined]
        if self.parent:
            items.append({"url": reverse(self.parent[0]), "label": self.parent[1]})
        return [*items, {"url": "", "label": self.get_page_title()}]  # type: ignore[attr-defined]


class ImportIndexView(_Guarded, WagtailAdminTemplateMixin, TemplateView):
    page_title = "Import"
    header_icon = "upload"
    template_name = "imports/admin/index.html"

    def post(self, request, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        run = import_request(
            source=form.cleaned_data["source"],
            upload=form.cleaned_data["file"],
            options=form.options(),
            user=request.user,
        )
        messages.success(request, "File received: a task worker is checking it (a dry run).")
        return redirect(reverse("imports_admin_run", args=[run.pk]))

    def get_context_data(self, **kwargs):  # noqa: ANN003
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ImportForm())
        context["runs"] = list(ImportRun.objects.all()[:20])
        return context


def _progress(run: ImportRun) -> dict:
    percent = min(100, round(100 * run.done / run.total)) if run.total else 0
    if run.status == ImportStatus.DONE:
        percent = 100
    unit = "bytes" if run.source == "members" else "items"
    return {
        "status": run.status,
        "done": run.done,
        "total": run.total,
        "percent": percent,
        "unit": unit,
        "interrupted": interrupted(run),
    }


class ImportRunView(_Guarded, WagtailAdminTemplateMixin, TemplateView):
    parent = ("imports_admin", "Import")
    header_icon = "upload"
    template_name = "imports/admin/run.html"

    def dispatch(self, request, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        if not may_import(request.user):
            raise PermissionDenied
        self.run = get_object_or_404(ImportRun, pk=kwargs["run_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        what = "Dry run" if self.run.dry_run else "Import"
        return f"{what} {self.run.pk}: {self.run.file_name}"

    def get_context_data(self, **kwargs):  # noqa: ANN003
        context = super().get_context_data(**kwargs)
        run = self.run
        report = run.report or {}
        kept = Path(run.path).is_file()
        following = list(run.runs.all()) if run.dry_run else []
        counts = [
            {"kind": kind, **c}
            for kind, c in (report.get("counts") or {}).items()
            if any(c.values())
        ]
        context.update(
            run=run,
            progress=_progress(run),
            counts=counts,
            rejected=(report.get("rejected") or [])[:500],
            rejected_more=max(0, len(report.get("rejected") or []) - 500),
            merged=(report.get("merged") or [])[:200],
            missing=(report.get("missing_media") or [])[:200],
            missing_more=max(0, len(report.get("missing_media") or []) - 200),
            following=following,
            can_run=run.dry_run and run.status == ImportStatus.DONE and not following and kept,
            # A dry run nobody ran, or a failed run, whose file was pruned (KEEP_UPLOADS).
            upload_gone=not kept
            and not following
            and (
                (run.dry_run and run.status == ImportStatus.DONE)
                or run.status == ImportStatus.FAILED
            ),
            keep_days=KEEP_UPLOADS.days,
            can_resume=resumable(run),
            active=run.status in (ImportStatus.QUEUED, ImportStatus.RUNNING),
        )
        return context


def import_status(request, run_id: int):  # noqa: ANN001
    """The run's progress as JSON, for the page's own polling."""
    if not may_import(request.user):
        raise PermissionDenied
    run = get_object_or_404(ImportRun, pk=run_id)
    return JsonResponse(_progress(run))


@require_POST
def import_action(request, run_id: int, action: str):  # noqa: ANN001
    if not may_import(request.user):
        raise PermissionDenied
    if action not in ACTIONS:
        raise Http404("No such action.")
    run = get_object_or_404(ImportRun, pk=run_id)
    if action == "run":
        started = import_confirm(run, request.user)
        if started is None:
            messages.error(request, "Nothing to run: only a finished dry run can be imported.")
            return redirect(reverse("imports_admin_run", args=[run.pk]))
        messages.success(request, "Import queued: a task worker runs it.")
        return redirect(reverse("imports_admin_run", args=[started.pk]))
    if import_resume(run):
        messages.success(request, "Resumed: what is already imported is skipped.")
    else:
        messages.error(request, "This run is not one to resume (it is running or finished).")
    return redirect(reverse("imports_admin_run", args=[run.pk]))
