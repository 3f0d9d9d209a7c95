"""``ReaderEvent``: one append-only row per thing a reader did or that happened to them.

Pseudonymous by construction: the reader is the meter's key (``u:<user id>`` or
``d:<device id>``), never an e-mail address, IP address or user agent; the referrer is kept as
its class only (``Source``). Article, offer and callout are plain values, not foreign keys, so
this bottom layer depends on nothing above it and rows outlive what they mention.

View rows carry every input the pure meter engine needs to replay the decision exactly (see the
package docstring); other kinds leave those columns empty.
"""

from django.db import models

from .kinds import CHANNELS, READER_STATUSES, EventKind, Source


class ReaderEvent(models.Model):
    kind = models.CharField(max_length=24, choices=EventKind.choices)
    created_at = models.DateTimeField()
    reader_key = models.CharField(max_length=40, blank=True)
    article_id = models.BigIntegerField(null=True, blank=True)
    channel = models.CharField(max_length=8, choices=CHANNELS, blank=True)
    # The view's inputs and outcome, for replay.
    status = models.CharField(max_length=16, choices=READER_STATUSES, blank=True)
    access = models.CharField(max_length=12, blank=True)
    sponsored = models.BooleanField(default=False)
    gift = models.BooleanField(default=False)
    promotion = models.BooleanField(default=False)
    month = models.CharField(max_length=7, blank=True)
    outcome = models.CharField(max_length=8, blank=True)
    wall = models.CharField(max_length=20, blank=True)
    counted = models.BooleanField(default=False)
    remaining = models.SmallIntegerField(null=True, blank=True)
    reason = models.CharField(max_length=20, blank=True)
    anonymous_allowance = models.SmallIntegerField(null=True, blank=True)
    registered_allowance = models.SmallIntegerField(null=True, blank=True)
    preview_paragraphs = models.SmallIntegerField(null=True, blank=True)
    # Meter experiments: the reader's variant and the probability it was assigned with.
    variant = models.CharField(max_length=40, null=True, blank=True)
    propensity = models.FloatField(null=True, blank=True)
    # Where the reader came from (views: this request; sign-ups, subscriptions: attribution).
    source = models.CharField(max_length=8, choices=Source.choices, blank=True)
    utm_source = models.CharField(max_length=60, blank=True)
    utm_medium = models.CharField(max_length=60, blank=True)
    utm_campaign = models.CharField(max_length=60, blank=True)
    # Business facts.
    offer = models.CharField(max_length=50, blank=True)
    plan = models.CharField(max_length=50, blank=True)
    trial = models.BooleanField(default=False)
    amount = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    ref = models.CharField(max_length=60, blank=True)
    merged_key = models.CharField(max_length=40, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["created_at"], name="events_created_idx"),
            models.Index(fields=["reader_key", "created_at"], name="events_reader_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.reader_key} {self.created_at:%Y-%m-%d %H:%M}"
