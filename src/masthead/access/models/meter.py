"""One row per reader, month and article: the database meter store's ledger.

The unique constraint is what makes counting exact: a re-read inserts nothing, and a new
article is inserted only inside a transaction that first checked the month's count.
"""

from django.db import models

from masthead.metering.keys import KEY_HELP


class MeterView(models.Model):
    reader_key = models.CharField(max_length=64, help_text=KEY_HELP)
    month = models.CharField(max_length=7, help_text="YYYY-MM in the publication's time zone")
    article_id = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["reader_key", "month", "article_id"], name="meter_view_once"
            )
        ]
        indexes = [models.Index(fields=["month"], name="meter_view_month_idx")]

    def __str__(self) -> str:
        return f"{self.reader_key} {self.month} #{self.article_id}"
