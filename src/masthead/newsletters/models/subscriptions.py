"""Who receives which newsletter, and the history of every change (who, when, from where)."""

from django.conf import settings
from django.db import models

from .catalog import Newsletter


class Source(models.TextChoices):
    SIGNUP = "signup", "Sign-up form"
    ACCOUNT = "account", "Account page"
    PAGE = "page", "Newsletters page"
    WALL = "wall", "Registration wall"
    BANNER = "banner", "Banner"
    IMPORT = "import", "Import"
    API = "api", "API"
    ONE_CLICK = "one-click", "One-click unsubscribe"
    PREFERENCES = "preferences", "Preference page"
    ADMIN = "admin", "Admin"
    LAPSED = "lapsed", "Subscription lapsed"


class Action(models.TextChoices):
    SUBSCRIBED = "subscribed", "Subscribed"
    UNSUBSCRIBED = "unsubscribed", "Unsubscribed"


class Subscription(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="newsletter_subscriptions"
    )
    newsletter = models.ForeignKey(
        Newsletter, on_delete=models.CASCADE, related_name="subscriptions"
    )
    active = models.BooleanField(default=True)
    source = models.CharField(max_length=16, choices=Source.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "newsletter"], name="one_subscription_each")
        ]
        indexes = [models.Index(fields=["newsletter", "active"])]

    def __str__(self) -> str:
        return f"{self.user} → {self.newsletter}"


class SubscriptionEvent(models.Model):
    """One line of history; never updated."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=16, choices=Action.choices)
    source = models.CharField(max_length=16, choices=Source.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="An editor who made the change for the reader",
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.user} {self.action} {self.newsletter} ({self.source})"
