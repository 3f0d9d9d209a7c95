"""``/api/v1/articles/<id>/comments/``: an article's thread for apps, with the same rules as the
web page (``masthead.comments.access``): comments only for a caller who may read the whole
article (``gated`` true and no ``results`` otherwise), posting when allowed, JSON errors."""

from django.http import HttpResponse, JsonResponse

from masthead.comments.access import thread_access
from masthead.comments.models import Comment
from masthead.comments.rules import CommentRefused
from masthead.comments.selectors import ThreadComment, published_count, thread_for
from masthead.comments.services import (
    comment_delete,
    comment_like,
    comment_post,
    comment_report,
)

from .auth import api_user
from .errors import ApiError, api_endpoint, json_body
from .views import check_csrf


def comment_json(comment: ThreadComment, replies: bool = True) -> dict:
    data = {
        "id": comment.pk,
        "author": None if comment.deleted else comment.author_name,
        "staff": comment.staff,
        "body": "" if comment.deleted else comment.body,
        "created_at": comment.created_at.isoformat(),
        "edited_at": comment.edited_at.isoformat() if comment.edited_at else None,
        "likes": comment.like_count,
        "status": comment.status,
        "featured": comment.featured,
        "deleted": comment.deleted,
        "parent": comment.parent_id,
    }
    if replies:
        data["replies"] = [comment_json(r, replies=False) for r in comment.reply_list]
    return data


def _refused(exc: CommentRefused) -> ApiError:
    return ApiError(exc.status, exc.code, exc.message)


@api_endpoint("GET", "POST")
def article_comments(request, article_id):
    user = api_user(request)
    access = thread_access(request, user, article_id)
    if access is None:
        raise ApiError(404, "article_not_found", "There is no published article with that id.")
    if request.method == "POST":
        return _post(request, user, access)
    if not access.may_read:
        count = published_count(access.page.pk) if access.state.shown else 0
        return JsonResponse({"count": count, "gated": True, "open": False, "results": []})
    thread = thread_for(access.page.pk, viewer=user, sort=request.GET.get("sort", ""))
    return JsonResponse(
        {
            "count": thread.count,
            "gated": False,
            "open": access.state.open,
            "sort": thread.sort,
            "results": [comment_json(c) for c in thread.comments],
        }
    )


def _post(request, user, access):
    if not user.is_authenticated:
        raise ApiError(401, "not_authenticated", "Sign in or send a bearer token.")
    check_csrf(request)
    data = json_body(request)
    if access.refusal is not None:
        raise _refused(access.refusal)
    parent = data.get("parent")
    if parent is not None and (isinstance(parent, bool) or not isinstance(parent, int | str)):
        raise ApiError(400, "invalid_parent", "'parent' must be a comment id or null.")
    try:
        comment, _ = comment_post(request, user, access.page, data.get("body"), parent)
    except CommentRefused as exc:
        raise _refused(exc) from None
    # A double submit gets the first comment back, as if it were the first answer.
    return JsonResponse(comment_json(ThreadComment.of(comment)), status=201)


def _acting(request, comment_id):
    """The signed-in caller and the comment, when they may read its article; else JSON errors."""
    user = api_user(request)
    if not user.is_authenticated:
        raise ApiError(401, "not_authenticated", "Sign in or send a bearer token.")
    check_csrf(request)
    comment = Comment.objects.filter(pk=comment_id).first()
    access = thread_access(request, user, comment.article_id) if comment else None
    if comment is None or access is None or not access.may_read:
        raise ApiError(404, "comment_not_found", "There is no such comment.")
    return user, comment


@api_endpoint("POST", "DELETE")
def comment_likes(request, comment_id):
    user, comment = _acting(request, comment_id)
    try:
        likes = comment_like(request, user, comment, like=request.method == "POST")
    except CommentRefused as exc:
        raise _refused(exc) from None
    return JsonResponse({"id": comment.pk, "likes": likes, "liked": request.method == "POST"})


@api_endpoint("POST")
def comment_reports(request, comment_id):
    user, comment = _acting(request, comment_id)
    data = json_body(request)
    try:
        comment_report(request, user, comment, data.get("reason"), data.get("note", ""))
    except CommentRefused as exc:
        raise _refused(exc) from None
    return JsonResponse({"id": comment.pk, "reported": True}, status=201)


@api_endpoint("DELETE")
def comment_detail(request, comment_id):
    user, comment = _acting(request, comment_id)
    try:
        comment_delete(user, comment)
    except CommentRefused as exc:
        raise _refused(exc) from None
    return HttpResponse(status=204)
