"""Writing comments: the one home of the rules for the web page and the API alike.

    comment, created = comment_post(request, user, page, body, parent_id, reader_status=...)
    comment_edit(user, comment, body)      # the author, within EDIT_MINUTES
    comment_delete(user, comment)          # the author (kept as "deleted" while it has replies)
    comment_like(request, user, comment)   # once per reader; returns the like count
    comment_report(request, user, comment, reason, note)

Every refusal is a ``rules.CommentRefused``. Posting the same text twice in a row (a double
submit) returns the first comment instead of making another.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from masthead.access.locks import serialize

from . import notifications
from .models import Comment, CommentLike, CommentReport, ReportReason, Status
from .rules import CommentRefused, check_body, initial_status
from .throttle import check_rate

EDIT_MINUTES = 15
DUPLICATE_SECONDS = 300


def _parent(page, parent_id) -> Comment | None:
    if parent_id in (None, ""):
        return None
    try:
        pk = int(parent_id)
    except (TypeError, ValueError):
        raise CommentRefused(400, "invalid_parent", "'parent' must be a comment id.") from None
    parent = (
        Comment.objects.filter(pk=pk, article_id=page.pk, status=Status.PUBLISHED, deleted=False)
        .only("pk", "parent_id", "author_id")
        .first()
        if 0 < pk < 2**63
        else None
    )
    if parent is None:
        raise CommentRefused(400, "invalid_parent", "There is no such comment to reply to.")
    if parent.parent_id is not None:  # one level of replies: join the top-level comment
        parent = Comment.objects.only("pk", "parent_id", "author_id").get(pk=parent.parent_id)
    return parent


def comment_post(request, user, page, raw_body, parent_id=None) -> tuple[Comment, bool]:
    """Add ``user``'s comment (or reply) to ``page``; the caller checked ``check_may_comment``."""
    body = check_body(raw_body)
    parent = _parent(page, parent_id)
    now = timezone.now()
    with transaction.atomic():
        serialize(f"masthead.comments:{user.pk}")
        duplicate = Comment.objects.filter(
            article_id=page.pk,
            author=user,
            parent=parent,
            body=body,
            deleted=False,
            created_at__gte=now - timedelta(seconds=DUPLICATE_SECONDS),
        ).first()
        if duplicate is not None:
            return duplicate, False
        check_rate(request, user, posting=True)
        status, reason = initial_status(user, body)
        comment = Comment.objects.create(
            article_id=page.pk,
            author=user,
            parent=parent,
            body=body,
            status=status,
            status_reason=reason,
            created_at=now,
        )
    if parent is not None and status == Status.PUBLISHED:
        notifications.reply_posted(comment)
    return comment, True


def may_edit(user, comment: Comment, now=None) -> bool:
    now = now or timezone.now()
    return (
        comment.author_id == getattr(user, "pk", None)
        and not comment.deleted
        and now - comment.created_at <= timedelta(minutes=EDIT_MINUTES)
    )


def comment_edit(user, comment: Comment, raw_body) -> Comment:
    if comment.author_id != getattr(user, "pk", None):
        raise CommentRefused(403, "not_author", "Only its author may edit a comment.")
    if not may_edit(user, comment):
        raise CommentRefused(
            403, "edit_window_closed", f"Comments can be edited for {EDIT_MINUTES} minutes."
        )
    body = check_body(raw_body)
    status, reason = initial_status(user, body)
    if comment.status != Status.PUBLISHED and status == Status.PUBLISHED:
        status, reason = comment.status, comment.status_reason  # an edit never skips a queue
    Comment.objects.filter(pk=comment.pk).update(
        body=body, status=status, status_reason=reason, edited_at=timezone.now()
    )
    comment.refresh_from_db()
    return comment


def comment_delete(user, comment: Comment) -> None:
    if comment.author_id != getattr(user, "pk", None):
        raise CommentRefused(403, "not_author", "Only its author may delete a comment.")
    with transaction.atomic():
        if comment.replies.exists():
            Comment.objects.filter(pk=comment.pk).update(deleted=True, body="")
        else:
            comment.delete()


def _visible(comment: Comment) -> None:
    if comment.status != Status.PUBLISHED or comment.deleted:
        raise CommentRefused(404, "comment_not_found", "There is no such comment.")


def comment_like(request, user, comment: Comment, like: bool = True) -> int:
    """Like (or unlike) a published comment once; returns its like count."""
    _visible(comment)
    if comment.author_id == user.pk:
        raise CommentRefused(403, "own_comment", "You cannot like your own comment.")
    check_rate(request, user, posting=False)
    with transaction.atomic():
        if like:
            try:
                with transaction.atomic():
                    CommentLike.objects.create(comment=comment, user=user)
            except IntegrityError:
                pass
            else:
                Comment.objects.filter(pk=comment.pk).update(like_count=F("like_count") + 1)
        elif CommentLike.objects.filter(comment=comment, user=user).delete()[0]:
            Comment.objects.filter(pk=comment.pk).update(like_count=F("like_count") - 1)
    return Comment.objects.values_list("like_count", flat=True).get(pk=comment.pk)


def comment_report(request, user, comment: Comment, reason, note="") -> bool:
    """Report a published comment once; True when this was a new report (moderators mailed)."""
    _visible(comment)
    if reason not in ReportReason.values:
        raise CommentRefused(400, "invalid_reason", "Choose a reason for the report.")
    note = str(note or "").replace("\x00", "").strip()[:500]
    check_rate(request, user, posting=False)
    try:
        with transaction.atomic():
            report = CommentReport.objects.create(
                comment=comment, reporter=user, reason=reason, note=note
            )
            Comment.objects.filter(pk=comment.pk).update(report_count=F("report_count") + 1)
    except IntegrityError:
        return False
    notifications.comment_reported(report)
    return True
