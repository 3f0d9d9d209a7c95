"""What an import remembers: which source item became which object, and the old comments.

``ImportedItem`` is the idempotency key of every import: one row per ``(source, kind,
source_id)``, written in the same transaction as the object it points to, with a hash of the
source item so that a second run can tell "unchanged" from "changed in the source".
"""

from django.conf import settings
from django.db import models


class ImportedItem(models.Model):
    source = models.CharField(max_length=16)  # wordpress, ghost, substack, media
    kind = models.CharField(max_length=24)  # articles, pages, sections, topics, authors, images
    source_id = models.CharField(max_length=400)
    object_id = models.BigIntegerField()
    content_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "source_id"], name="imports_item_source_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.kind} {self.source_id} -> {self.object_id}"


class ImportedComment(models.Model):
    """A comment carried in the export (WXR items hold the old site's comments), kept as
    plain, sanitised text beside the article it belongs to, for the comments feature to take
    in (README, "Import"). ``parent_source_id`` links replies within the same source."""

    source = models.CharField(max_length=16)
    source_id = models.CharField(max_length=400)
    article = models.ForeignKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="+")
    parent_source_id = models.CharField(max_length=400, blank=True)
    author_name = models.CharField(max_length=200, blank=True)
    author_email = models.CharField(max_length=254, blank=True)
    author_url = models.CharField(max_length=400, blank=True)
    body = models.TextField()
    created_at = models.DateTimeField(null=True)
    approved = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "source_id"], name="imports_comment_key")
        ]

    def __str__(self) -> str:
        return f"{self.source} comment {self.source_id}"


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "queued"
    RUNNING = "running", "running"
    DONE = "done", "done"
    REFUSED = "refused", "refused"  # the file is unusable or hostile: nothing was written
    FAILED = "failed", "failed"  # the run stopped on an error: resume it


class ImportRun(models.Model):
    """One import asked for on the admin's Import page (``/admin/import/``), run by a task
    worker: first a dry run of the uploaded file, then, when the editor confirms it, the real
    run of the same file (``dry_run`` False, ``checked_by`` the dry run). ``done`` of ``total``
    is its progress (items, or bytes of a member CSV); ``report`` is the report's JSON
    (CONTRACT.md, "Import") once it has ended; ``error`` the one line of a refused file."""

    source = models.CharField(max_length=16)  # wordpress, ghost, substack, members
    file_name = models.CharField(max_length=200)  # as uploaded, for display
    path = models.CharField(max_length=500)  # the stored upload (under DATA_DIR/imports/)
    options = models.JSONField(default=dict, blank=True)
    dry_run = models.BooleanField(default=True)
    checked_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="runs"
    )
    status = models.CharField(
        max_length=8, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    done = models.BigIntegerField(default=0)
    total = models.BigIntegerField(default=0)
    report = models.JSONField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)  # the worker's heartbeat while running

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("run_import", "Can import content and readers (admin Import page)")]

    def __str__(self) -> str:
        what = "dry run" if self.dry_run else "import"
        return f"{self.source} {what} {self.pk} ({self.status})"
