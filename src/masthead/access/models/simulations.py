"""A simulation the revenue team asked for from the admin, run by a task worker (the same
replay as ``masthead simulate``; the result is its JSON object)."""

from django.db import models


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
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"simulation {self.pk} ({self.status})"
