"""An issue (an article sent as a newsletter) and its recipients, each a row with a state.

The recipient list is snapshotted into ``Delivery`` rows when sending starts; workers claim
batches of rows in transactions, so a worker killed at any point resumes without duplicates
or losses (see ``sending/``).
"""

from django.conf import settings
from django.db import models

from masthead.metering import ReaderStatus

from .catalog import Newsletter


class IssueState(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    QUEUED = "queued", "Queued"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    CANCELLED = "cancelled", "Cancelled"


class ReaderKind(models.TextChoices):
    """Which cut of the article a recipient receives (the gate's e-mail channel): the reader
    statuses (``metering.ReaderStatus``) an issue is rendered for."""

    SUBSCRIBER = ReaderStatus.SUBSCRIBER.value, "Subscriber: the whole article"
    REGISTERED = ReaderStatus.REGISTERED.value, "Registered reader: the preview"


class Issue(models.Model):
    newsletter = models.ForeignKey(Newsletter, on_delete=models.PROTECT, related_name="issues")
    article = models.ForeignKey(
        "newsroom.ArticlePage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField(max_length=200)
    preheader = models.CharField(max_length=200, blank=True)
    state = models.CharField(max_length=16, choices=IssueState.choices, default=IssueState.QUEUED)
    test_email = models.EmailField(blank=True, help_text="A test send goes only to this address")
    scheduled_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    snapshot_done = models.BooleanField(default=False)
    step = models.PositiveIntegerField(default=0, help_text="Generation of the sending chain")
    track_opens = models.BooleanField(default=False)
    track_clicks = models.BooleanField(default=False)
    links = models.JSONField(default=list, blank=True, help_text="Targets of tracked links")
    # Rendered once per reader kind when sending starts (never per recipient).
    html_subscriber = models.TextField(blank=True)
    text_subscriber = models.TextField(blank=True)
    html_registered = models.TextField(blank=True)
    text_registered = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.newsletter}: {self.subject}"

    @property
    def is_test(self) -> bool:
        return bool(self.test_email)


class DeliveryState(models.TextChoices):
    PENDING = "pending", "Pending"
    CLAIMED = "claimed", "Claimed by a worker"
    SENT = "sent", "Accepted by the mail server"
    FAILED = "failed", "Failed permanently"
    SKIPPED = "skipped", "Skipped (unsubscribed, suppressed or no longer entitled)"


class Delivery(models.Model):
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    email = models.EmailField(max_length=254)
    state = models.CharField(
        max_length=16, choices=DeliveryState.choices, default=DeliveryState.PENDING
    )
    kind = models.CharField(max_length=16, choices=ReaderKind.choices, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=64, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    clicked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issue", "email"], name="one_delivery_per_address")
        ]
        indexes = [models.Index(fields=["issue", "state"])]

    def __str__(self) -> str:
        return f"{self.email} ({self.state})"
