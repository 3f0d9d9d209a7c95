"""Creating issues: an article, a newsletter, a subject; sent now, at a time, or as a test."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..models import Issue, IssueState, Newsletter
from ..sending.steps import deferrable
from ..sending.tasks import enqueue_step


class IssueRefused(Exception):
    pass


def issue_create(
    newsletter: Newsletter,
    article,
    subject: str = "",
    preheader: str = "",
    *,
    by=None,
    scheduled_at=None,
    test_email: str = "",
) -> Issue:
    """Queue ``article`` as an issue of ``newsletter``; task workers send it."""
    if not newsletter.active:
        raise IssueRefused(f"The newsletter {newsletter.slug!r} is archived.")
    if article is None or not article.live:
        raise IssueRefused("Only a published article can be sent.")
    now = timezone.now()
    later = scheduled_at is not None and scheduled_at > now
    issue = Issue(
        newsletter=newsletter,
        article=article,
        subject=(subject or article.title).strip()[:200],
        preheader=(preheader or article.standfirst or "").strip()[:200],
        state=IssueState.SCHEDULED if later else IssueState.QUEUED,
        scheduled_at=scheduled_at if later else None,
        created_by=by if getattr(by, "is_authenticated", False) else None,
        test_email=test_email,
        track_opens=newsletter.track_opens,
        track_clicks=newsletter.track_clicks,
    )
    start = scheduled_at if later else now
    lease = timedelta(seconds=settings.NEWSLETTER_LEASE)
    # With the database backend the tasks commit with the issue; the immediate backend sends
    # at once, so it runs after the issue's transaction, not inside it.
    with transaction.atomic():
        issue.save()
        if deferrable():
            _enqueue(issue.pk, start if later else None, start + lease)
    if not deferrable():
        _enqueue(issue.pk, None, None)
    return issue


def _enqueue(issue_id: int, run_after, watchdog_at) -> None:
    enqueue_step(issue_id, 0, run_after)
    enqueue_step(issue_id, 0, watchdog_at)  # a no-op unless the first worker died first


def issue_cancel(issue: Issue) -> bool:
    """Stop a scheduled or running issue; rows already sent stay sent."""
    return bool(
        Issue.objects.filter(pk=issue.pk)
        .exclude(state__in=[IssueState.SENT, IssueState.CANCELLED])
        .update(state=IssueState.CANCELLED, finished_at=timezone.now())
    )
