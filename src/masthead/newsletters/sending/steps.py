"""The sending chain: an issue is sent by a chain of task steps, each one a bounded stretch of
work, so that a worker killed at any moment delays an issue but never strands it.

Each step first advances the issue's ``step`` counter (compare-and-set, so of two tasks with
the same number only one runs) and, in the same transaction, enqueues a *watchdog* for the
next number, due when the leases it is about to take would have run out. It then claims and
sends batches until half a lease has passed, and enqueues the next step at once when work is
left. If the worker dies, the watchdog picks the issue up; if it does not, the watchdog finds
its number taken and does nothing. With the immediate backend (tests, the plain demo) a
single step sends everything.
"""

import time
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from django_tasks import default_task_backend

from ..models import Delivery, DeliveryState, Issue, IssueState
from . import claim
from .deliver import Pacer, batch_send
from .snapshot import issue_start
from .testsend import issue_send_test

OPEN = [DeliveryState.PENDING, DeliveryState.CLAIMED]


def deferrable() -> bool:
    return default_task_backend.supports_defer


def _advance(issue_id: int, step: int, enqueue) -> bool:
    with transaction.atomic():
        taken = (
            Issue.objects.filter(pk=issue_id, step=step)
            .exclude(state__in=[IssueState.SENT, IssueState.CANCELLED])
            .update(step=step + 1)
        )
        if taken and deferrable():
            lease = timedelta(seconds=settings.NEWSLETTER_LEASE)
            enqueue(issue_id, step + 1, timezone.now() + lease)
    return bool(taken)


def _finish_if_done(issue: Issue) -> bool:
    if Delivery.objects.filter(issue_id=issue.pk, state__in=OPEN).exists():
        return False
    Issue.objects.filter(pk=issue.pk).exclude(state=IssueState.CANCELLED).update(
        state=IssueState.SENT, finished_at=timezone.now()
    )
    return True


def _next_due(issue: Issue):
    """When the earliest open row becomes claimable (a retry's time or a lease's end)."""
    rows = Delivery.objects.filter(issue_id=issue.pk, state__in=OPEN).aggregate(
        retry=Min("next_attempt_at"), claimed=Min("claimed_at")
    )
    lease = timedelta(seconds=settings.NEWSLETTER_LEASE)
    times = [rows["retry"], rows["claimed"] and rows["claimed"] + lease]
    return min((t for t in times if t), default=timezone.now())


def issue_step_run(issue_id: int, step: int, enqueue) -> None:
    """Run step ``step`` of an issue; ``enqueue(issue_id, step, run_after)`` queues a task."""
    if not _advance(issue_id, step, enqueue):
        return
    issue = Issue.objects.select_related("newsletter", "article").get(pk=issue_id)
    now = timezone.now()
    if issue.state == IssueState.SCHEDULED and issue.scheduled_at and issue.scheduled_at > now:
        if deferrable():
            enqueue(issue_id, step + 1, issue.scheduled_at)
        return
    if issue.article is None:
        Issue.objects.filter(pk=issue_id).update(state=IssueState.CANCELLED)
        return
    issue_start(issue)
    if issue.is_test:
        issue_send_test(issue, issue.test_email)
        Issue.objects.filter(pk=issue_id).update(state=IssueState.SENT, finished_at=timezone.now())
        return
    budget = settings.NEWSLETTER_LEASE * 0.5 if deferrable() else float("inf")
    deadline = time.monotonic() + budget
    _send_until(issue, deadline)
    if _finish_if_done(issue):
        return
    if deferrable():
        run_after = None if time.monotonic() >= deadline else _next_due(issue)
        enqueue(issue_id, step + 1, run_after)


def _send_until(issue: Issue, deadline: float) -> None:
    pacer = Pacer(settings.NEWSLETTER_RATE)
    batch_size = settings.NEWSLETTER_BATCH
    if settings.NEWSLETTER_RATE:
        batch_size = max(1, min(batch_size, int(settings.NEWSLETTER_RATE * 10)))
    with get_connection(fail_silently=False) as mail:
        while time.monotonic() < deadline:
            if Issue.objects.filter(pk=issue.pk, state=IssueState.CANCELLED).exists():
                return
            batch = claim.batch_claim(issue.pk, batch_size)
            if batch:
                batch_send(issue, batch, mail, pacer, deadline)
                continue
            if (
                deferrable()
                or not Delivery.objects.filter(issue_id=issue.pk, state__in=OPEN).exists()
            ):
                return
            # Immediate backend: wait here for retries and for leases of dead workers.
            wait = (_next_due(issue) - timezone.now()).total_seconds()
            time.sleep(min(max(wait, 0.05), 5))
