"""Reader events: an append-only log of gate decisions for the funnel analytics.

Written in batches (see ``masthead.access.events``); never read on the article path.
"""

from django.db import models


class ReaderEvent(models.Model):
    KINDS = [
        ("view_counted", "view counted"),
        ("view_free", "free view"),
        ("meter_message", "meter message shown"),
        ("wall_shown", "wall shown"),
    ]
    kind = models.CharField(max_length=20, choices=KINDS)
    reader_key = models.CharField(max_length=64)
    status = models.CharField(max_length=16)
    article_id = models.BigIntegerField()
    wall = models.CharField(max_length=20, blank=True)
    channel = models.CharField(max_length=10, default="web")
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["kind", "created_at"], name="reader_event_kind_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.reader_key} #{self.article_id}"
