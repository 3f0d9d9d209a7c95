"""Addresses that must not receive mail: hard bounces and complaints (from the provider's
tracking webhooks) or an editor's decision. Soft bounces are counted, not suppressed."""

from django.conf import settings
from django.db import models


class SuppressionReason(models.TextChoices):
    HARD_BOUNCE = "bounced", "Hard bounce"
    COMPLAINT = "complained", "Spam complaint"
    REJECTED = "rejected", "Rejected by the provider"
    MANUAL = "manual", "Added by an editor"
    NONE = "", "Not suppressed (soft bounces only)"


class Suppression(models.Model):
    email = models.EmailField(max_length=254, unique=True)
    suppressed = models.BooleanField(default=True, db_index=True)
    reason = models.CharField(max_length=16, choices=SuppressionReason.choices, blank=True)
    soft_bounces = models.PositiveIntegerField(default=0)
    detail = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.email


class WebhookEvent(models.Model):
    """Provider events already applied, so a redelivered webhook changes nothing twice."""

    provider = models.CharField(max_length=40)
    event_id = models.CharField(max_length=200)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["provider", "event_id"], name="one_event_each")
        ]

    def __str__(self) -> str:
        return f"{self.provider}:{self.event_id}"
