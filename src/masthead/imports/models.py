"""What an import remembers: which source item became which object, and the old comments.

``ImportedItem`` is the idempotency key of every import: one row per ``(source, kind,
source_id)``, written in the same transaction as the object it points to, with a hash of the
source item so that a second run can tell "unchanged" from "changed in the source".
"""

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
