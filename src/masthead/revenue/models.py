"""Daily rollups of the reader-event log: small tables the dashboard reads instead of events.

A day is a calendar day in the publication's time zone. Each table holds, per day, sums that add
up across days (so any period is a ``SUM``); distinct readers do not add up, so they are kept as
a compressed bitmap per day and segment over dense reader numbers (``ReaderIndex``), and a
period's readers are the popcount of the OR of its days' bitmaps — exact, in one query.
"""

from django.db import models


class DailyMetric(models.Model):
    """Events per day × kind × wall × source × variant × trial, and the money they carry."""

    day = models.DateField()
    kind = models.CharField(max_length=24)
    wall = models.CharField(max_length=20, blank=True)
    source = models.CharField(max_length=8, blank=True)
    variant = models.CharField(max_length=40, blank=True)
    trial = models.BooleanField(default=False)
    events = models.PositiveIntegerField(default=0)
    amount = models.DecimalField(max_digits=14, decimal_places=2, default=0)

    class Meta:
        indexes = [models.Index(fields=["day", "kind"], name="revenue_metric_day_idx")]
        permissions = [("view_revenue", "Can see the revenue dashboard")]

    def __str__(self) -> str:
        return f"{self.day} {self.kind} {self.events}"


class DailyArticle(models.Model):
    """Per day and article: views, walls, and the sign-ups and subscriptions attributed to it."""

    day = models.DateField()
    article_id = models.BigIntegerField()
    section = models.CharField(max_length=80, blank=True)
    views = models.PositiveIntegerField(default=0)
    counted = models.PositiveIntegerField(default=0)
    walls = models.PositiveIntegerField(default=0)
    signups = models.PositiveIntegerField(default=0)
    subscriptions = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["day"], name="revenue_article_day_idx")]

    def __str__(self) -> str:
        return f"{self.day} #{self.article_id}"


class DailyOffer(models.Model):
    day = models.DateField()
    offer = models.CharField(max_length=50)
    shown = models.PositiveIntegerField(default=0)
    chosen = models.PositiveIntegerField(default=0)
    checkouts = models.PositiveIntegerField(default=0)
    started = models.PositiveIntegerField(default=0)
    converted = models.PositiveIntegerField(default=0)
    revenue = models.DecimalField(max_digits=14, decimal_places=2, default=0)

    class Meta:
        indexes = [models.Index(fields=["day"], name="revenue_offer_day_idx")]

    def __str__(self) -> str:
        return f"{self.day} {self.offer}"


class DailyReaders(models.Model):
    """Distinct readers of a day in a segment (``all``, ``walled``, ``wall:<kind>``): their
    count, and the zlib-compressed bitmap of their ``ReaderIndex`` numbers."""

    day = models.DateField()
    segment = models.CharField(max_length=30)
    readers = models.PositiveIntegerField(default=0)
    bitmap = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "segment"], name="revenue_readers_once")
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.segment} {self.readers}"


class SpanReaders(models.Model):
    """The union of a week's (``span="week"``, from its Monday) or a calendar month's
    (``"month"``, from its first) ``DailyReaders`` bitmaps in a segment, kept by the rollups
    so a long period ORs a few of these and its edge days instead of every day
    (``revenue/spans.py``). ``through``: the last day with a daily row in the span (the same
    for every segment): the union may stand for a period's days only if the period covers
    the span from ``start`` to ``through``."""

    span = models.CharField(max_length=5)
    start = models.DateField()
    segment = models.CharField(max_length=30)
    through = models.DateField()
    readers = models.PositiveIntegerField(default=0)
    bitmap = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["span", "start", "segment"], name="revenue_span_once")
        ]

    def __str__(self) -> str:
        return f"{self.span} {self.start} {self.segment} {self.readers}"


class ReaderIndex(models.Model):
    """A dense number per pseudonymous reader key, for the bitmaps (``last_day``: the day it
    was first numbered); retention forgets keys with no event left."""

    key = models.CharField(max_length=40, unique=True)
    last_day = models.DateField()

    def __str__(self) -> str:
        return f"{self.pk} {self.key}"


class RollupState(models.Model):
    """How far the rollups have read the event log (the highest event id aggregated)."""

    name = models.CharField(max_length=30, unique=True)
    last_event_id = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.name} @{self.last_event_id}"


# A simulation the revenue team asked for from the admin, run by a task worker (the same
# replay as ``masthead simulate``; the result is its JSON object).
class SimulationStatus(models.TextChoices):
    QUEUED = "queued", "queued"
    RUNNING = "running", "running"
    DONE = "done", "done"
    FAILED = "failed", "failed"


class SimulationRun(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    since = models.DateField(null=True, blank=True)
    until = models.DateField(null=True, blank=True)
    anonymous = models.PositiveSmallIntegerField(null=True, blank=True)
    registered = models.PositiveSmallIntegerField(null=True, blank=True)
    preview = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(
        max_length=8, choices=SimulationStatus.choices, default=SimulationStatus.QUEUED
    )
    result = models.JSONField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        db_table = "access_simulationrun"  # created by access, which held it until issue 24
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"simulation {self.pk} ({self.status})"
