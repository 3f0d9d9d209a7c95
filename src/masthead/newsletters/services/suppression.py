"""The suppression list: fed by the provider's tracking webhooks (through anymail) and by
editors. A hard bounce, a rejection or a complaint stops all mail to the address; soft bounces
(a full mailbox, a deferral) are counted only. Suppressed addresses are skipped at send time.
"""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import Source, Suppression, SuppressionReason, WebhookEvent
from .subscriptions import subscriptions_leave_all

SUPPRESSING = {
    "bounced": SuppressionReason.HARD_BOUNCE,
    "rejected": SuppressionReason.REJECTED,
    "complained": SuppressionReason.COMPLAINT,
}
SOFT = {"deferred", "autoresponded"}


def suppression_add(email: str, reason: str, detail: str = "") -> Suppression:
    email = email.strip().lower()
    with transaction.atomic():
        row, _ = Suppression.objects.select_for_update().get_or_create(
            email=email, defaults={"reason": reason, "suppressed": True}
        )
        row.suppressed, row.reason, row.detail = True, reason, detail[:300]
        row.lifted_at = row.lifted_by = None
        row.save()
    return row


def suppression_count_soft_bounce(email: str, detail: str = "") -> Suppression:
    email = email.strip().lower()
    with transaction.atomic():
        row, created = Suppression.objects.select_for_update().get_or_create(
            email=email, defaults={"suppressed": False, "reason": SuppressionReason.NONE}
        )
        row.soft_bounces += 1
        row.detail = detail[:300] or row.detail
        row.save(update_fields=["soft_bounces", "detail", "updated_at"])
    return row


def suppression_lift(row: Suppression, editor) -> None:
    row.suppressed = False
    row.lifted_at, row.lifted_by = timezone.now(), editor
    row.save(update_fields=["suppressed", "lifted_at", "lifted_by", "updated_at"])


def tracking_event_apply(
    provider: str, event_id: str, event_type: str, email: str, detail=""
) -> bool:
    """Apply one provider event once (a redelivered webhook changes nothing twice)."""
    if not email:
        return False
    if event_type not in SUPPRESSING and event_type not in SOFT and event_type != "unsubscribed":
        return False
    if event_id:
        try:
            with transaction.atomic():
                WebhookEvent.objects.create(provider=provider[:40], event_id=event_id[:200])
        except IntegrityError:
            return False
    if event_type == "unsubscribed":  # the provider's own unsubscribe link or header
        for user in get_user_model().objects.filter(email__iexact=email.strip()):
            subscriptions_leave_all(user, Source.ONE_CLICK)
    elif event_type in SUPPRESSING:
        suppression_add(email, SUPPRESSING[event_type], detail)
    else:
        suppression_count_soft_bounce(email, detail)
    return True
