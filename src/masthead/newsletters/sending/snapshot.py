"""Starting an issue: its two bodies rendered once, its recipient list copied into rows.

Both steps are idempotent — a worker that dies half-way through the snapshot leaves rows that
the next one skips (``ignore_conflicts`` on the unique issue/address pair) — and the list is
read in chunks, so memory stays flat however long it is.
"""

from itertools import islice

from allauth.account.models import EmailAddress
from django.db.models import Exists, OuterRef
from django.utils import timezone

from ..mail.render import issue_render
from ..models import Delivery, Issue, IssueState, Subscription

CHUNK = 2000


def issue_start(issue: Issue) -> None:
    if not issue.html_subscriber:
        issue_render(issue)
        issue.state = IssueState.SENDING
        issue.started_at = issue.started_at or timezone.now()
        issue.save(
            update_fields=[
                "html_subscriber", "text_subscriber", "html_registered", "text_registered",
                "links", "state", "started_at",
            ]
        )  # fmt: skip
    if not issue.snapshot_done and not issue.is_test:
        issue_snapshot(issue)


def issue_snapshot(issue: Issue) -> int:
    verified = EmailAddress.objects.filter(
        user_id=OuterRef("user_id"), email__iexact=OuterRef("user__email"), verified=True
    )
    rows = (
        Subscription.objects.filter(newsletter_id=issue.newsletter_id, active=True)
        .filter(user__is_active=True, user__email__gt="")
        .filter(Exists(verified))
        .order_by("user_id")
        .values_list("user_id", "user__email")
        .iterator(chunk_size=CHUNK)
    )
    while chunk := list(islice(rows, CHUNK)):
        Delivery.objects.bulk_create(
            [Delivery(issue_id=issue.pk, user_id=uid, email=email.lower()) for uid, email in chunk],
            ignore_conflicts=True,
            batch_size=500,
        )
    Issue.objects.filter(pk=issue.pk).update(snapshot_done=True)
    issue.snapshot_done = True
    return Delivery.objects.filter(issue_id=issue.pk).count()
