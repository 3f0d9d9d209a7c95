"""What an imported reader brought that Django's user has no room for: note, labels, consent.

One row per reader, made by the first import that names them and kept by later ones (a re-run
finds it unchanged). ``grant`` is the complimentary access the import made, so a re-run does
not make another; ``consent`` says where and when the newsletter consent came from.
"""

from django.conf import settings
from django.db import models


class MemberRecord(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_record"
    )
    note = models.TextField(blank=True)
    labels = models.JSONField(default=list, blank=True)
    source = models.CharField(max_length=16, help_text="ghost, substack or masthead")
    consent = models.CharField(max_length=300, blank=True)
    grant = models.ForeignKey(
        "billing.AccessGrant", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.user} ({self.source})"
