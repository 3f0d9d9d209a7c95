"""Moderators' actions: every one of them changes a comment or a reader *and* writes one
``ModerationLog`` row, in one transaction, whichever door (admin view, demo, shell) it came
through::

    comment_approve(moderator, comment)              # pending/held/reported → published
    comment_reject(moderator, comment, "Abusive")    # → rejected, with the reason
    comment_feature(moderator, comment, True)        # pinned first in its thread
    reports_dismiss(moderator, comment)              # reported, but fine
    reader_suspend(moderator, user, days=7, reason="...")
    reader_ban(moderator, user, reason="...")  /  reader_reinstate(moderator, user)
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from . import notifications
from .models import Comment, Commenter, ModerationAction, ModerationLog, Status

MAX_SUSPENSION_DAYS = 3650


class ModerationError(Exception):
    pass


def _log(moderator, action, *, comment=None, reader=None, reason="") -> ModerationLog:
    return ModerationLog.objects.create(
        moderator=moderator,
        action=action,
        comment=comment,
        reader=reader if reader is not None else (comment.author if comment else None),
        reason=reason[:300],
    )


def _resolve_reports(comment: Comment, now) -> None:
    comment.reports.filter(resolved_at__isnull=True).update(resolved_at=now)


@transaction.atomic
def comment_approve(moderator, comment: Comment) -> Comment:
    was_published = comment.status == Status.PUBLISHED
    now = timezone.now()
    Comment.objects.filter(pk=comment.pk).update(status=Status.PUBLISHED, status_reason="")
    _resolve_reports(comment, now)
    _log(moderator, ModerationAction.APPROVE, comment=comment)
    comment.refresh_from_db()
    if not was_published and comment.parent_id:
        notifications.reply_posted(comment)
    return comment


@transaction.atomic
def comment_reject(moderator, comment: Comment, reason: str) -> Comment:
    reason = (reason or "").strip()
    if not reason:
        raise ModerationError("Give a reason for rejecting the comment.")
    Comment.objects.filter(pk=comment.pk).update(
        status=Status.REJECTED, status_reason=reason[:300], featured=False
    )
    _resolve_reports(comment, timezone.now())
    _log(moderator, ModerationAction.REJECT, comment=comment, reason=reason)
    comment.refresh_from_db()
    return comment


@transaction.atomic
def comment_feature(moderator, comment: Comment, featured: bool = True) -> Comment:
    if featured and comment.status != Status.PUBLISHED:
        raise ModerationError("Only a published comment can be featured.")
    Comment.objects.filter(pk=comment.pk).update(featured=featured)
    action = ModerationAction.FEATURE if featured else ModerationAction.UNFEATURE
    _log(moderator, action, comment=comment)
    comment.refresh_from_db()
    return comment


@transaction.atomic
def reports_dismiss(moderator, comment: Comment) -> None:
    _resolve_reports(comment, timezone.now())
    _log(moderator, ModerationAction.DISMISS_REPORTS, comment=comment)


def _commenter(user) -> Commenter:
    return Commenter.objects.select_for_update().get_or_create(user=user)[0]


@transaction.atomic
def reader_suspend(moderator, user, days: int, reason: str = "") -> Commenter:
    if not isinstance(days, int) or not 1 <= days <= MAX_SUSPENSION_DAYS:
        raise ModerationError(f"Suspend for 1 to {MAX_SUSPENSION_DAYS} days.")
    commenter = _commenter(user)
    commenter.suspended_until = timezone.now() + timedelta(days=days)
    commenter.standing_reason = reason[:300]
    commenter.save(update_fields=["suspended_until", "standing_reason"])
    _log(moderator, ModerationAction.SUSPEND, reader=user, reason=f"{days} days. {reason}".strip())
    return commenter


@transaction.atomic
def reader_ban(moderator, user, reason: str = "") -> Commenter:
    commenter = _commenter(user)
    commenter.banned_at = timezone.now()
    commenter.standing_reason = reason[:300]
    commenter.save(update_fields=["banned_at", "standing_reason"])
    _log(moderator, ModerationAction.BAN, reader=user, reason=reason)
    return commenter


@transaction.atomic
def reader_reinstate(moderator, user) -> Commenter:
    commenter = _commenter(user)
    commenter.banned_at = None
    commenter.suspended_until = None
    commenter.standing_reason = ""
    commenter.save(update_fields=["banned_at", "suspended_until", "standing_reason"])
    _log(moderator, ModerationAction.REINSTATE, reader=user)
    return commenter
