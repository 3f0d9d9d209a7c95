"""Moderation in the Wagtail admin (``/admin/comments/``): the queue of pending, held and
reported comments with approve, reject (with a reason), feature and dismiss; each reader's
history with suspend for N days, ban and reinstate; and the moderation log.

Every view checks its own permission (``comments.moderate_comments``, or a superuser) after
Wagtail's admin-access check; every action is a POST that goes through ``moderation``, which
logs it.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import Comment, ModerationLog
from .moderation import (
    ModerationError,
    comment_approve,
    comment_feature,
    comment_reject,
    reader_ban,
    reader_reinstate,
    reader_suspend,
    reports_dismiss,
)
from .queue import TABS, queue, queue_counts, reader_history, reports_for

PERMISSION = "comments.moderate_comments"
PAGE_SIZE = 50


def may_moderate(user) -> bool:
    return bool(user.is_active and (user.is_superuser or user.has_perm(PERMISSION)))


class _Guarded(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "comment"

    def dispatch(self, request, *args, **kwargs):
        if not may_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items]
        if self.page_title != QueueView.page_title:
            items.append({"url": reverse("comments_admin_queue"), "label": "Comments"})
        return [*items, {"url": "", "label": self.get_page_title()}]


class QueueView(_Guarded):
    page_title = "Comment moderation"
    template_name = "comments/admin/queue.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tab = self.request.GET.get("tab", "all")
        tab = tab if tab in TABS else "all"
        page = Paginator(queue(tab), PAGE_SIZE).get_page(self.request.GET.get("page"))
        reports = reports_for(c.pk for c in page.object_list)
        for comment in page.object_list:
            comment.open_report_list = reports.get(comment.pk, [])
        counts = queue_counts()
        tabs = [(key, label, counts.get(key)) for key, label in TABS.items()]
        context.update(tab=tab, tabs=tabs, page_obj=page)
        return context


class ReaderView(_Guarded):
    template_name = "comments/admin/reader.html"

    def dispatch(self, request, *args, **kwargs):
        self.reader = get_object_or_404(get_user_model(), pk=kwargs["user_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return f"Commenter: {self.reader.get_full_name() or self.reader.email}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        history = reader_history(self.reader)
        context.update(reader=self.reader, now=timezone.now(), **history)
        return context


class LogView(_Guarded):
    page_title = "Moderation log"
    template_name = "comments/admin/log.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = ModerationLog.objects.select_related("moderator", "reader", "comment")
        context["page_obj"] = Paginator(rows, PAGE_SIZE).get_page(self.request.GET.get("page"))
        return context


def _back(request, default: str):
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = default
    return redirect(target)


COMMENT_ACTIONS = {"approve", "reject", "feature", "unfeature", "dismiss"}


@require_POST
def comment_action(request, comment_id: int, action: str):
    if not may_moderate(request.user):
        raise PermissionDenied
    comment = get_object_or_404(Comment, pk=comment_id)
    moderator = request.user
    try:
        if action == "approve":
            comment_approve(moderator, comment)
        elif action == "reject":
            comment_reject(moderator, comment, request.POST.get("reason", ""))
        elif action in ("feature", "unfeature"):
            comment_feature(moderator, comment, action == "feature")
        elif action == "dismiss":
            reports_dismiss(moderator, comment)
        else:
            raise PermissionDenied
    except ModerationError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Comment {comment.pk}: {action} done.")
    return _back(request, reverse("comments_admin_queue"))


@require_POST
def reader_action(request, user_id: int, action: str):
    if not may_moderate(request.user):
        raise PermissionDenied
    reader = get_object_or_404(get_user_model(), pk=user_id)
    reason = request.POST.get("reason", "").strip()
    try:
        if action == "suspend":
            try:
                days = int(request.POST.get("days", ""))
            except ValueError:
                raise ModerationError("Give the number of days.") from None
            reader_suspend(request.user, reader, days, reason)
        elif action == "ban":
            reader_ban(request.user, reader, reason)
        elif action == "reinstate":
            reader_reinstate(request.user, reader)
        else:
            raise PermissionDenied
    except ModerationError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Reader {reader.pk}: {action} done.")
    return redirect(reverse("comments_admin_reader", args=[reader.pk]))
