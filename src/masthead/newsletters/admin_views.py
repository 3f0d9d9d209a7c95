"""Admin views: send an article as an issue (with previews and a test send), and follow
issues' progress and stats. Registered through ``register_admin_urls``, so Wagtail's
admin-access check guards them, and each checks its own permission too: sending needs the
newsletters' change permission; reading issues (their recipients' failed addresses included)
needs the issues' view permission, or the sending one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from masthead.newsroom.models import ArticlePage

from .admin_forms import SendIssueForm
from .mail.render import preview_html
from .models import Issue, Newsletter, ReaderKind
from .selectors import issue_progress
from .sending.testsend import issue_send_test
from .services.issues import IssueRefused, issue_cancel, issue_create


def _may_send(user) -> None:
    if not user.has_perm("newsletters.change_newsletter"):
        raise PermissionDenied


def may_read_issues(user) -> bool:
    return user.has_perm("newsletters.view_issue") or user.has_perm("newsletters.change_newsletter")


def _may_read(user) -> None:
    if not may_read_issues(user):
        raise PermissionDenied


def send_issue(request, page_id):
    _may_send(request.user)
    article = get_object_or_404(ArticlePage, pk=page_id)
    initial = {"subject": article.title, "preheader": article.standfirst[:200]}
    form = SendIssueForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if "test" in request.POST:
            draft = Issue(
                newsletter=data["newsletter"],
                article=article,
                subject=data["subject"],
                preheader=data["preheader"],
            )
            issue_send_test(draft, request.user.email)
            messages.success(request, f"Test sent to {request.user.email} (both versions).")
        else:
            try:
                issue = issue_create(
                    data["newsletter"],
                    article,
                    data["subject"],
                    data["preheader"],
                    by=request.user,
                    scheduled_at=data["scheduled_at"],
                )
            except IssueRefused as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, f"Issue queued: {issue.subject}")
                return redirect("newsletters_issue", issue.pk)
    newsletter = form["newsletter"].value() or ""
    context = {
        "form": form,
        "article": article,
        "live": article.live,
        "newsletter": newsletter,
        "kinds": [(k.value, k.label) for k in ReaderKind],
        "page_title": f"Send as newsletter: {article.title}",
    }
    return TemplateResponse(request, "newsletters/admin/send.html", context)


def preview(request, page_id, kind):
    _may_send(request.user)
    article = get_object_or_404(ArticlePage, pk=page_id)
    if kind not in ReaderKind.values:
        raise PermissionDenied
    newsletter = Newsletter.objects.filter(pk=request.GET.get("newsletter") or 0).first()
    newsletter = newsletter or Newsletter.objects.filter(active=True).first()
    if newsletter is None:
        return HttpResponse("Create a newsletter first.", content_type="text/plain")
    subject = request.GET.get("subject", article.title)[:200]
    html = preview_html(newsletter, article, subject, request.GET.get("preheader", "")[:200], kind)
    return HttpResponse(html)


def issue_index(request):
    _may_read(request.user)
    issues = Issue.objects.select_related("newsletter", "article")[:100]
    rows = [(issue, issue_progress(issue)) for issue in issues]
    return TemplateResponse(
        request, "newsletters/admin/issues.html", {"rows": rows, "page_title": "Newsletter issues"}
    )


def issue_detail(request, issue_id):
    _may_read(request.user)
    issue = get_object_or_404(Issue.objects.select_related("newsletter", "article"), pk=issue_id)
    context = {
        "issue": issue,
        "progress": issue_progress(issue),
        "failures": issue.deliveries.filter(state="failed").order_by("pk")[:50],
        "page_title": f"Issue: {issue.subject}",
        "refresh": issue.state in {"queued", "sending"},
    }
    return TemplateResponse(request, "newsletters/admin/issue.html", context)


@require_POST
def issue_cancel_view(request, issue_id):
    _may_send(request.user)
    issue = get_object_or_404(Issue, pk=issue_id)
    if issue_cancel(issue):
        messages.success(request, "The issue is cancelled; messages already sent stay sent.")
    return redirect(reverse("newsletters_issue", args=[issue.pk]))
