"""Writes of billing state: grants now; subscriptions arrive with the payment providers."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from .models import AccessGrant


def grant_access(user, *, days: int, note: str = "", now=None) -> AccessGrant:
    """Complimentary full access from now for ``days`` days; it ends by itself."""
    if days < 1 or days > 3650:
        raise ValueError("--days must be between 1 and 3650.")
    now = now or timezone.now()
    with transaction.atomic():
        return AccessGrant.objects.create(
            user=user, starts_at=now, ends_at=now + timedelta(days=days), note=note[:300]
        )


def grant_access_by_email(email: str, *, days: int, note: str = "") -> AccessGrant:
    user = get_user_model().objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise ValueError(f"no reader with the e-mail {email!r}.")
    return grant_access(user, days=days, note=note)
