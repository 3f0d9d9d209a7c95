"""Moderation: each reader's standing (suspension, ban, reply e-mails) and the log of every
moderator action."""

from django.conf import settings
from django.db import models


class Commenter(models.Model):
    """A reader as a commenter. Made on first need by ``services``, never by a read."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="commenter"
    )
    suspended_until = models.DateTimeField(null=True, blank=True)
    banned_at = models.DateTimeField(null=True, blank=True)
    standing_reason = models.CharField(max_length=300, blank=True)
    reply_mail = models.BooleanField(
        default=True, help_text="E-mail this reader when someone replies to them."
    )

    def __str__(self) -> str:
        return f"Commenter {self.user_id}"


class ModerationAction(models.TextChoices):
    APPROVE = "approve", "Approved"
    REJECT = "reject", "Rejected"
    FEATURE = "feature", "Featured"
    UNFEATURE = "unfeature", "Unfeatured"
    DISMISS_REPORTS = "dismiss", "Reports dismissed"
    SUSPEND = "suspend", "Suspended"
    BAN = "ban", "Banned"
    REINSTATE = "reinstate", "Reinstated"


class ModerationLog(models.Model):
    """One moderator action: who did what to which comment or reader, when and why."""

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=12, choices=ModerationAction.choices)
    comment = models.ForeignKey(
        "comments.Comment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.action} by {self.moderator_id}"
