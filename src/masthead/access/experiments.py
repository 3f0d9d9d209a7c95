"""Meter experiments: start, stop (services) and the running experiment's assignment
(selectors), read by ``policy`` when it chooses a reader's policy.

    experiment_create("Two, three or five", [2, 3, 5], 0.6)   # a draft: 20% of readers each
    experiment_start(experiment)        # refuses unsound variants or a second running one
    assignment_for("d:5b0f...")         # Assignment("five-free", 5, 0.2) or None
    experiment_stop(experiment)         # everyone is back on the site's policy at once

Only anonymous readers are assigned (the variants are anonymous allowances); the readers no
variant takes are the ``holdout`` (the site's policy, recorded with its probability). A reader
never gets more than the largest variant's allowance or the site's, whichever is larger.
"""

from typing import NamedTuple

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from masthead import caching
from masthead.metering.assignment import Arm, assign, check_arms
from masthead.metering.keys import is_device_key

from .models import Experiment, ExperimentStatus, ExperimentVariant

HOLDOUT = "holdout"
_KEY = "access:experiment:v1"
CACHE_SECONDS = 30
LOCAL_SECONDS = 5


class Assignment(NamedTuple):
    """A reader's variant: its name, the allowance (``None``: the site's) and probability."""

    variant: str
    allowance: int | None
    propensity: float


def arms_of(experiment: Experiment) -> tuple[Arm, ...]:
    return tuple(Arm(v.name, v.anonymous_allowance, v.share) for v in experiment.variants.all())


def experiment_create(name: str, allowances: list[int], share: float) -> Experiment:
    """A draft experiment: ``share`` of new readers split evenly over one variant per allowance
    (``free-<n>``), the rest the holdout; ``ValueError`` when the variants are unsound."""
    allowances = sorted(set(allowances))
    if not allowances:
        raise ValueError("an experiment needs at least one variant")
    if not 0 < share <= 1:
        raise ValueError("the share of new readers must be above 0 and at most 1")
    each = share / len(allowances)
    arms = tuple(Arm(f"free-{n}", n, each) for n in allowances)
    check_arms(arms)
    base = slugify(name)[:30] or "experiment"
    slug, n = base, 1
    while Experiment.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    with transaction.atomic():
        experiment = Experiment.objects.create(slug=slug, name=name)
        ExperimentVariant.objects.bulk_create(
            ExperimentVariant(
                experiment=experiment, name=a.name, anonymous_allowance=a.allowance, share=a.share
            )
            for a in arms
        )
    return experiment


def experiment_start(experiment: Experiment, now=None) -> Experiment:
    """Start ``experiment``; ``ValueError`` when its variants are unsound or one is running."""
    arms = arms_of(experiment)
    if not arms:
        raise ValueError("an experiment needs at least one variant")
    check_arms(arms)
    if any(arm.name == HOLDOUT for arm in arms):
        raise ValueError(f"{HOLDOUT!r} is the name of the readers no variant takes")
    with transaction.atomic():
        running = Experiment.objects.select_for_update().filter(status=ExperimentStatus.RUNNING)
        if running.exclude(pk=experiment.pk).exists():
            raise ValueError("another experiment is running: stop it first")
        if experiment.status != ExperimentStatus.DRAFT:
            raise ValueError("only a draft experiment can start")
        experiment.status = ExperimentStatus.RUNNING
        experiment.started_at = now or timezone.now()
        experiment.save(update_fields=["status", "started_at"])
    caching.delete(_KEY)
    return experiment


def experiment_stop(experiment: Experiment, now=None) -> Experiment:
    """Stop ``experiment``: every reader is back on the site's policy."""
    if experiment.status == ExperimentStatus.RUNNING:
        experiment.status = ExperimentStatus.STOPPED
        experiment.stopped_at = now or timezone.now()
        experiment.save(update_fields=["status", "stopped_at"])
    caching.delete(_KEY)
    return experiment


def running_experiment() -> tuple[str, tuple[Arm, ...]] | None:
    """The running experiment's slug and arms (cached briefly), or ``None``."""
    data = caching.get(_KEY, local_seconds=LOCAL_SECONDS)
    if data is None:
        experiment = (
            Experiment.objects.filter(status=ExperimentStatus.RUNNING)
            .prefetch_related("variants")
            .first()
        )
        data = ("", ()) if experiment is None else (experiment.slug, arms_of(experiment))
        caching.set(_KEY, data, CACHE_SECONDS, local_seconds=LOCAL_SECONDS)
    return None if not data[0] else data


def assignment_for(reader_key: str) -> Assignment | None:
    """The anonymous reader's variant in the running experiment (``None``: no experiment, or
    not an anonymous device)."""
    running = running_experiment()
    if running is None or not is_device_key(reader_key):
        return None
    slug, arms = running
    arm = assign(reader_key, slug, arms)
    if arm is None:
        holdout = max(0.0, 1.0 - sum(a.share for a in arms))
        return Assignment(HOLDOUT, None, holdout) if holdout > 0 else None
    return Assignment(arm.name, arm.allowance, arm.share)
