"""API tokens for apps: issued with e-mail and password, stored only as a hash, revocable."""

import hashlib
import secrets

from django.conf import settings
from django.db import models

TOKEN_PREFIX = "mh_"  # noqa: S105 - a prefix, not a secret


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reader_tokens"
    )
    name = models.CharField(max_length=100, blank=True, default="App")
    key_hash = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=12, help_text="The token's first characters")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.hint}… ({self.user})"

    @classmethod
    def issue(cls, user, name: str = "App") -> tuple["ApiToken", str]:
        raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name[:100], key_hash=hash_token(raw), hint=raw[:10]
        )
        return token, raw


class SpentToken(models.Model):
    """A single-use token that has been used (its hash), so a second use is refused."""

    purpose = models.CharField(max_length=40)
    digest = models.CharField(max_length=64)
    spent_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["purpose", "digest"], name="spent_token_once")
        ]

    def __str__(self) -> str:
        return f"{self.purpose} {self.digest[:10]}…"
