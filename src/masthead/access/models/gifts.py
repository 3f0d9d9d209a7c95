"""Gift links: a subscriber opens one article for anyone, within monthly and device limits."""

from django.conf import settings
from django.db import models


class GiftLink(models.Model):
    token = models.CharField(max_length=43, unique=True)
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gift_links"
    )
    article = models.ForeignKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="+")
    month = models.CharField(max_length=7, help_text="YYYY-MM the link was created in")
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["sender", "month"], name="gift_sender_month_idx")]

    def __str__(self) -> str:
        return f"gift of #{self.article_id} by {self.sender_id}"


class GiftRedemption(models.Model):
    link = models.ForeignKey(GiftLink, on_delete=models.CASCADE, related_name="redemptions")
    reader_key = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["link", "reader_key"], name="gift_redeemed_once")
        ]

    def __str__(self) -> str:
        return f"{self.reader_key} via {self.link_id}"
