"""Subscriptions (following Stripe's states), complimentary grants and webhook event ids."""

from django.conf import settings
from django.db import models

from ..entitlement_cache import forget_entitlements


class EntitlementRowsQuerySet(models.QuerySet):
    """Subscriptions and grants: the writes that bypass ``save()`` and its signals (``update``,
    ``bulk_create``, ``bulk_update``) forget the cached entitlements of the readers concerned,
    as saves and deletes do (``BillingConfig.ready``)."""

    def update(self, **kwargs):
        users = set(self.values_list("user_id", flat=True))
        changed = super().update(**kwargs)
        moved_to = kwargs.get("user_id", getattr(kwargs.get("user"), "pk", None))
        forget_entitlements(users | {moved_to})
        return changed

    def bulk_create(self, objs, *args, **kwargs):
        made = super().bulk_create(objs, *args, **kwargs)
        forget_entitlements(obj.user_id for obj in made)
        return made

    def bulk_update(self, objs, fields, *args, **kwargs):
        objs = list(objs)
        users = set(self.filter(pk__in=[o.pk for o in objs]).values_list("user_id", flat=True))
        changed = super().bulk_update(objs, fields, *args, **kwargs)
        forget_entitlements(users | {obj.user_id for obj in objs})
        return changed


class SubscriptionStatus(models.TextChoices):
    """A subscription's state, named as Stripe names them (the demo provider uses the same)."""

    TRIALING = "trialing", "trialing"
    ACTIVE = "active", "active"
    PAST_DUE = "past_due", "past due"
    CANCELED = "canceled", "canceled"
    UNPAID = "unpaid", "unpaid"
    INCOMPLETE = "incomplete", "incomplete"
    INCOMPLETE_EXPIRED = "incomplete_expired", "incomplete expired"
    PAUSED = "paused", "paused"


class Subscription(models.Model):
    Status = SubscriptionStatus  # templates: {% if sub.status == sub.Status.TRIALING %}

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions"
    )
    plan = models.ForeignKey("billing.Plan", null=True, blank=True, on_delete=models.SET_NULL)
    offer = models.ForeignKey("billing.Offer", null=True, blank=True, on_delete=models.SET_NULL)
    provider = models.CharField(max_length=10, default="demo")
    provider_subscription_id = models.CharField(max_length=100, unique=True)
    provider_customer_id = models.CharField(max_length=100, blank=True)
    status = models.CharField(
        max_length=20, choices=SubscriptionStatus.choices, default=SubscriptionStatus.INCOMPLETE
    )
    current_period_end = models.DateTimeField(null=True, blank=True)
    trial_end = models.DateTimeField(null=True, blank=True)
    cancel_at_period_end = models.BooleanField(default=False)
    past_due_since = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    converted = models.BooleanField(
        default=False, help_text="Has been active (paid) at least once."
    )
    trial_reminder_sent = models.BooleanField(default=False)
    provider_updated = models.BigIntegerField(default=0, help_text="Provider object's version")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EntitlementRowsQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "status"], name="subscription_user_idx")]

    def __str__(self) -> str:
        return f"{self.user} {self.status}"


class AccessGrant(models.Model):
    """Complimentary full access for a reader, ending by itself."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_grants"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EntitlementRowsQuerySet.as_manager()

    class Meta:
        ordering = ["-ends_at"]
        indexes = [models.Index(fields=["user", "ends_at"], name="grant_user_idx")]

    def __str__(self) -> str:
        return f"{self.user} until {self.ends_at:%Y-%m-%d}"


class WebhookEvent(models.Model):
    """Each provider event id is stored once: a duplicate delivery does nothing."""

    provider = models.CharField(max_length=10)
    event_id = models.CharField(max_length=100)
    type = models.CharField(max_length=100)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["provider", "event_id"], name="webhook_event_once")
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.event_id}"
