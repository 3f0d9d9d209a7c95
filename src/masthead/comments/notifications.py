"""E-mails about comments, sent by the task worker: to a reader when someone replies to them
(at most one per thread an hour, with a one-click unsubscribe), and to moderators on a report.

A reply mail carries the reply's text only when the recipient may read the whole article (the
same gate as the thread, ``visibility``); anyone else gets the link alone, so e-mail never
carries what the page would not show them. The hourly limit is a row per reader and article
(``ReplyNotice``) moved forward by a compare-and-set, so two workers cannot both send.
"""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from masthead import observability
from masthead.access.readers import reader_for_user

from .editorial import comment_settings, words
from .models import Comment, Commenter, CommentReport, ReplyNotice
from .tokens import unsubscribe_token
from .visibility import may_read_comments

KIND = "comments"  # the /metrics label of these mails
REPLY_INTERVAL = timedelta(hours=1)


def reply_posted(comment: Comment) -> None:
    transaction.on_commit(lambda: send_reply_notice.enqueue(comment.pk))


def comment_reported(report: CommentReport) -> None:
    transaction.on_commit(lambda: send_report_notice.enqueue(report.pk))


def _send(message: EmailMessage) -> None:
    with observability.emails_counted(KIND):
        message.send()


def _claim_hour(user, article_id: int, now) -> bool:
    """Take this hour's reply mail for (user, article); False when one went out already."""
    moved = ReplyNotice.objects.filter(
        user=user, article_id=article_id, sent_at__lte=now - REPLY_INTERVAL
    ).update(sent_at=now)
    if moved:
        return True
    try:
        with transaction.atomic():
            ReplyNotice.objects.create(user=user, article_id=article_id, sent_at=now)
    except IntegrityError:
        return False
    return True


def thread_url(comment: Comment) -> str:
    path = reverse("comments:thread", args=[comment.article_id])
    return f"{settings.SITE_URL}{path}#comment-{comment.pk}"


def _list_id() -> str:
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"Replies to comments <comment-replies.{host}>"


@task()
def send_reply_notice(reply_id: int) -> None:
    reply = (
        Comment.objects.select_related("parent__author", "author", "article")
        .filter(pk=reply_id, parent__isnull=False)
        .first()
    )
    if reply is None or reply.deleted or reply.status != "published":
        return
    recipient = reply.parent.author
    if recipient.pk == reply.author_id or not recipient.email or not recipient.is_active:
        return
    standing = Commenter.objects.filter(user=recipient).first()
    if standing is not None and (not standing.reply_mail or standing.banned_at):
        return
    if not _claim_hour(recipient, reply.article_id, timezone.now()):
        return
    article = reply.article
    unsubscribe = settings.SITE_URL + reverse(
        "comments:unsubscribe", args=[unsubscribe_token(recipient.pk)]
    )
    lines = [
        f"{reply.author.get_full_name() or 'A reader'} replied to your comment on "
        f"“{article.title}”."
    ]
    if may_read_comments(reader_for_user(recipient), article):
        lines.append(reply.body)
    lines += [f"Read the thread: {thread_url(reply)}", f"No more reply e-mails: {unsubscribe}"]
    message = EmailMessage(
        f"New reply to your comment on {settings.WAGTAIL_SITE_NAME}",
        "\n\n".join(lines),
        settings.DEFAULT_FROM_EMAIL,
        [recipient.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": _list_id(),
        },
    )
    _send(message)


def moderator_addresses() -> list[str]:
    listed = words(comment_settings().moderator_emails)
    if listed:
        return listed
    users = (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(
            Q(is_superuser=True)
            | Q(user_permissions__codename="moderate_comments")
            | Q(groups__permissions__codename="moderate_comments")
        )
    )
    return sorted({u.email for u in users.distinct() if u.email})


@task()
def send_report_notice(report_id: int) -> None:
    report = CommentReport.objects.select_related("comment__article").filter(pk=report_id).first()
    to = moderator_addresses()
    if report is None or not to:
        return
    comment = report.comment
    queue = settings.SITE_URL + reverse("comments_admin_queue")
    body = "\n\n".join(
        [
            f"A reader reported comment {comment.pk} on “{comment.article.title}” "
            f"({report.get_reason_display()}).",
            report.note or "(no note)",
            comment.body[:2000],
            f"The moderation queue: {queue}",
        ]
    )
    _send(
        EmailMessage(
            f"Comment reported: {report.get_reason_display()}",
            body,
            settings.DEFAULT_FROM_EMAIL,
            to,
        )
    )
