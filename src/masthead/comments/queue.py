"""What moderators read: the queue (pending, held by a rule, reported), a reader's history and
the log. Each list is one query with what its rows show (author, article) joined in."""

from django.db.models import Count, Exists, OuterRef, Q

from .models import Comment, Commenter, CommentReport, ModerationLog, Status

TABS = {
    "all": "Everything waiting",
    "pending": "Pending",
    "held": "Held by a rule",
    "reported": "Reported",
}


def _open_reports():
    return CommentReport.objects.filter(comment=OuterRef("pk"), resolved_at__isnull=True)


def queue(tab: str = "all"):
    reported = Exists(_open_reports())
    rows = Comment.objects.select_related("author", "article").annotate(reported=reported)
    rows = rows.annotate(open_reports=Count("reports", filter=Q(reports__resolved_at__isnull=True)))
    if tab == "pending":
        rows = rows.filter(status=Status.PENDING)
    elif tab == "held":
        rows = rows.filter(status=Status.HELD)
    elif tab == "reported":
        rows = rows.filter(reported=True, status=Status.PUBLISHED)
    else:
        rows = rows.filter(
            Q(status__in=[Status.PENDING, Status.HELD]) | Q(reported=True, status=Status.PUBLISHED)
        )
    return rows.order_by("created_at", "pk")


def queue_counts() -> dict[str, int]:
    return {
        "pending": Comment.objects.filter(status=Status.PENDING).count(),
        "held": Comment.objects.filter(status=Status.HELD).count(),
        "reported": Comment.objects.filter(status=Status.PUBLISHED)
        .filter(Exists(_open_reports()))
        .count(),
    }


def reader_history(user) -> dict:
    comments = (
        Comment.objects.filter(author=user).select_related("article").order_by("-created_at")[:200]
    )
    by_status = dict(
        Comment.objects.filter(author=user)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return {
        "comments": comments,
        "by_status": by_status,
        "standing": Commenter.objects.filter(user=user).first(),
        "log": ModerationLog.objects.filter(reader=user).select_related("moderator")[:100],
        "reports_against": CommentReport.objects.filter(comment__author=user).count(),
    }


def reports_for(comment_ids) -> dict[int, list]:
    found: dict[int, list] = {}
    for report in CommentReport.objects.filter(
        comment_id__in=list(comment_ids), resolved_at__isnull=True
    ).order_by("created_at"):
        found.setdefault(report.comment_id, []).append(report)
    return found
