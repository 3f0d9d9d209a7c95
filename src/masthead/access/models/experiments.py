"""Meter experiments: readers assigned at random, and sticky, to variant allowances.

An ``Experiment`` has ``ExperimentVariant`` rows, each an anonymous allowance and a share of
readers; the readers no variant takes (the *holdout*, ``1 - sum of shares``) stay on the site's
policy and are recorded as the ``holdout`` variant with that probability, so they are the
experiment's control. Assignment is ``metering.assignment`` (a keyed hash of the reader key and
the experiment's ``slug``): no state per reader. Only one experiment runs at a time; start and
stop go through ``access.experiments`` (services), never ``save()``.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class ExperimentStatus(models.TextChoices):
    DRAFT = "draft", "draft"
    RUNNING = "running", "running"
    STOPPED = "stopped", "stopped"


class Experiment(models.Model):
    slug = models.SlugField(max_length=40, unique=True, help_text="Also the assignment key.")
    name = models.CharField(max_length=200)
    status = models.CharField(
        max_length=8, choices=ExperimentStatus.choices, default=ExperimentStatus.DRAFT
    )
    started_at = models.DateTimeField(null=True, blank=True)
    stopped_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name


class ExperimentVariant(models.Model):
    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="variants")
    name = models.SlugField(max_length=30)
    anonymous_allowance = models.PositiveSmallIntegerField(validators=[MaxValueValidator(100)])
    share = models.FloatField(validators=[MinValueValidator(0.0), MaxValueValidator(1.0)])

    class Meta:
        ordering = ["anonymous_allowance", "name"]
        constraints = [
            models.UniqueConstraint(fields=["experiment", "name"], name="experiment_variant_name")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.anonymous_allowance} free, {self.share:.0%})"
