"""The thread as its own server-rendered part of the article page (``/comments/<article id>/``).

The article page links here and a small script swaps this part in (``X-Comments-Part: 1``
answers the part alone); without JavaScript the link opens the same thread as a page. Every
write is a plain form POST (CSRF-protected) that redirects back to the comment, so the thread
works without any script. What the reader may see and do comes from ``access.thread_access``:
a reader who may not read the whole article gets the count and a prompt, never a comment.
"""

from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from .access import thread_access
from .models import Comment, Commenter, ReportReason, Status
from .render import ListRenderer
from .rules import CommentRefused
from .selectors import SORTS, published_count, thread_for
from .services import (
    EDIT_MINUTES,
    comment_delete,
    comment_edit,
    comment_like,
    comment_post,
    comment_report,
    may_edit,
)
from .tokens import read_unsubscribe_token

PART_HEADER = "X-Comments-Part"


def _private(response):
    patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ["Cookie", PART_HEADER])
    return response


def _access(request, article_id):
    access = thread_access(request, request.user, article_id)
    if access is None:
        raise Http404("There is no published article with that id.")
    return access


def _render(request, access, *, status=200, error="", draft="", parent_id=None):
    user = request.user
    thread = None
    if access.may_read:
        thread = thread_for(access.page.pk, viewer=user, sort=request.GET.get("sort", ""))
        for comment in thread.comments:
            _decorate(comment, user, access, thread.liked)
            for reply in comment.reply_list:
                _decorate(reply, user, access, thread.liked)
        count = thread.count
    else:
        count = published_count(access.page.pk) if access.state.shown else 0
    if parent_id is None and request.method == "GET":
        parent_id = request.GET.get("reply")
    parent = _reply_target(thread, parent_id)
    context = {
        "access": access,
        "article": access.snapshot,
        "thread": thread,
        "count": count,
        "sorts": SORTS,
        "error": error,
        "draft": draft,
        "parent": parent,
        "posted": request.GET.get("posted", "")[:20],
        "thread_url": reverse("comments:thread", args=[access.page.pk]),
        "login_url": reverse("account_login"),
    }
    if thread is not None:
        context["comment_list"] = ListRenderer(request, access, context["thread_url"]).render(
            thread.comments
        )
    part = request.headers.get(PART_HEADER) == "1"
    template = "comments/thread_part.html" if part else "comments/thread_page.html"
    return _private(render(request, template, context, status=status))


def _decorate(comment, user, access, liked) -> None:
    comment.mine = user.is_authenticated and comment.author_id == user.pk
    comment.liked = comment.pk in liked
    comment.editable = comment.mine and may_edit(user, comment)
    comment.can_act = access.may_read and user.is_authenticated and not comment.deleted


def _reply_target(thread, parent_id):
    if thread is None or not parent_id:
        return None
    try:
        pk = int(parent_id)
    except (TypeError, ValueError):
        return None
    for comment in thread.comments:
        if comment.pk == pk or any(r.pk == pk for r in comment.reply_list):
            return comment
    return None


def _back(access, comment_id=None, **params) -> HttpResponseRedirect:
    url = reverse("comments:thread", args=[access.page.pk])
    if params:
        url += "?" + "&".join(f"{k}={v}" for k, v in params.items())
    if comment_id:
        url += f"#comment-{comment_id}"
    return HttpResponseRedirect(url, status=303)


@require_http_methods(["GET", "HEAD", "POST"])
def thread(request, article_id):
    access = _access(request, article_id)
    if request.method != "POST":
        return _render(request, access)
    body = request.POST.get("body", "")
    parent_id = request.POST.get("parent") or None
    if access.refusal is not None:
        exc = access.refusal
        return _render(request, access, status=exc.status, error=exc.message, draft=body)
    try:
        comment, _ = comment_post(request, request.user, access.page, body, parent_id)
    except CommentRefused as exc:
        return _render(
            request, access, status=exc.status, error=exc.message, draft=body, parent_id=parent_id
        )
    return _back(access, comment.pk, posted=comment.status)


def _comment(access, comment_id) -> Comment:
    comment = Comment.objects.filter(pk=comment_id, article_id=access.page.pk).first()
    if comment is None:
        raise Http404("There is no such comment.")
    return comment


def _acting(request, access) -> CommentRefused | None:
    if not request.user.is_authenticated:
        return CommentRefused(401, "not_authenticated", "Sign in first.")
    if not access.may_read:
        return CommentRefused(403, "gated", "Only readers of the whole article may do that.")
    return None


@require_POST
def like(request, article_id, comment_id):
    access = _access(request, article_id)
    comment = _comment(access, comment_id)
    refusal = _acting(request, access)
    try:
        if refusal:
            raise refusal
        comment_like(request, request.user, comment, like=request.POST.get("like", "1") != "0")
    except CommentRefused as exc:
        return _render(request, access, status=exc.status, error=exc.message)
    return _back(access, comment.pk)


@require_http_methods(["GET", "HEAD", "POST"])
def report(request, article_id, comment_id):
    access = _access(request, article_id)
    comment = _comment(access, comment_id)
    refusal = _acting(request, access) or (
        CommentRefused(404, "comment_not_found", "There is no such comment.")
        if comment.status != Status.PUBLISHED or comment.deleted
        else None
    )
    if refusal:
        return _render(request, access, status=refusal.status, error=refusal.message)
    error, status = "", 200
    if request.method == "POST":
        try:
            comment_report(
                request,
                request.user,
                comment,
                request.POST.get("reason", ""),
                request.POST.get("note", ""),
            )
        except CommentRefused as exc:
            error, status = exc.message, exc.status
        else:
            return _back(access, comment.pk, posted="reported")
    context = {
        "access": access,
        "article": access.snapshot,
        "comment": comment,
        "comment_html": comment.html,
        "reasons": ReportReason.choices,
        "error": error,
        "thread_url": reverse("comments:thread", args=[access.page.pk]),
    }
    return _private(render(request, "comments/report.html", context, status=status))


@require_http_methods(["GET", "HEAD", "POST"])
def edit(request, article_id, comment_id):
    access = _access(request, article_id)
    comment = _comment(access, comment_id)
    refusal = _acting(request, access)
    if refusal is None and not may_edit(request.user, comment):
        refusal = CommentRefused(
            403,
            "edit_window_closed",
            f"Only its author may edit a comment, for {EDIT_MINUTES} minutes.",
        )
    if refusal:
        return _render(request, access, status=refusal.status, error=refusal.message)
    error, status, draft = "", 200, comment.body
    if request.method == "POST":
        draft = request.POST.get("body", "")
        try:
            comment_edit(request.user, comment, draft)
        except CommentRefused as exc:
            error, status = exc.message, exc.status
        else:
            return _back(access, comment.pk)
    context = {
        "access": access,
        "article": access.snapshot,
        "comment": comment,
        "draft": draft,
        "error": error,
        "thread_url": reverse("comments:thread", args=[access.page.pk]),
    }
    return _private(render(request, "comments/edit.html", context, status=status))


@require_POST
def delete(request, article_id, comment_id):
    access = _access(request, article_id)
    comment = _comment(access, comment_id)
    if not request.user.is_authenticated:
        return _render(request, access, status=401, error="Sign in first.")
    try:
        comment_delete(request.user, comment)
    except CommentRefused as exc:
        return _render(request, access, status=exc.status, error=exc.message)
    return _back(access, posted="deleted")


@csrf_exempt  # RFC 8058 one-click: the mail client posts without cookies or a token
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    user_id = read_unsubscribe_token(token)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    if user is None:
        return _private(render(request, "comments/unsubscribe.html", {"invalid": True}, status=400))
    if request.method == "POST":
        Commenter.objects.update_or_create(user=user, defaults={"reply_mail": False})
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return _private(HttpResponse("Unsubscribed.", content_type="text/plain"))
        return _private(render(request, "comments/unsubscribe.html", {"done": True}))
    return _private(render(request, "comments/unsubscribe.html", {"token": token}))
