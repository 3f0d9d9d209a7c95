"""Step: 62 days of reader history behind the revenue dashboard and ``masthead simulate``.

The events come from the documented generative model of ``masthead.synthetic.history`` (Zipf-like
article popularity, a mix of one-off and returning readers, referrer classes, sign-up and
subscription rates near published figures), each view decided by the site's own rules under the
demo's meter policy, so ``masthead simulate`` with no options reproduces every recorded
decision. Readers first seen in the last 14 days were in a small meter experiment (2 or 5 free
articles for a fifth of new readers each; the rest on the site's 3), so the results page and
the inverse-propensity estimate have data; a second, draft experiment can be started from
``/admin/experiments/``. Seeded: the same day gives the same history.

Bulk-inserted by ``events.bulk.write_events`` (``COPY`` on PostgreSQL) with a progress bar;
about 130,000 events; then the revenue dashboard's rollups are brought up to date
(``revenue.rollups.rollups_update``), and the ``history_accounts`` step gives the history's
readers their accounts and subscriptions. Idempotent: a demo that already has history older
than an hour is left as it is; ``reset`` removes it.
"""

import time
from datetime import timedelta

from django.db import transaction

from masthead.access.models import Experiment, ExperimentStatus, ExperimentVariant
from masthead.access.policy import current_policy
from masthead.engagement.models import Callout
from masthead.events.bulk import write_events
from masthead.events.kinds import VIEW_KINDS
from masthead.events.models import ReaderEvent
from masthead.metering.assignment import Arm
from masthead.newsroom.models import ArticlePage
from masthead.revenue.rollups import rollups_update
from masthead.synthetic.history import EVENTS_PER_READER, Model, generate

from .. import callout
from ..catalogue import billing
from ..context import Demo
from . import newsletters

ARMS = (Arm("two-free", 2, 0.2), Arm("five-free", 5, 0.2))
EXPERIMENT = "demo-allowance"
DRAFT = "demo-allowance-next"  # a draft the revenue team can start from the admin


def catalogue_offers() -> dict:
    """The demo catalogue's offers as the generator takes them: every offer for new
    subscribers ``(slug, plan, first charge, trial?)``, the plans' prices, and the two a paid
    wall shows (the first two introductory offers, as the site's wall shows them)."""
    plans = {plan["slug"]: plan["amount"] for plan in billing.PLANS}
    offers = tuple(
        (o["slug"], o["plan"], "0.00" if o["kind"] == "trial" else o["intro_amount"],
         o["kind"] == "trial")
        for o in billing.OFFERS
        if o.get("new_subscribers_only", True)
    )  # fmt: skip
    intros = [slug for slug, _, _, trial in offers if not trial]
    return {"offers": offers, "prices": tuple(plans.items()), "wall_offers": tuple(intros[:2])}


def history_model() -> Model:
    return Model(
        arms=ARMS,
        policy=current_policy(),
        memo=True,
        experiment=EXPERIMENT,
        **catalogue_offers(),
    )


def _articles() -> list[tuple[int, str, bool]]:
    """Live articles, newest first (the model's popularity rank): ``(id, access, sponsored)``."""
    rows = ArticlePage.objects.live().order_by("-first_published_at", "-pk")
    return [
        (pk, access, bool(sponsor.strip()))
        for pk, access, sponsor in rows.values_list("pk", "access", "sponsor")
    ]


def _callout() -> tuple[int, str] | None:
    """The live article that places the demo's reader callout, and the callout's ``ref``."""
    chosen = Callout.objects.filter(title=callout.TITLE).first()
    if chosen is None:
        return None
    for pk, body in ArticlePage.objects.live().order_by("pk").values_list("pk", "body"):
        blocks = body.raw_data if hasattr(body, "raw_data") else body
        if any(block.get("type") == "callout" for block in blocks or ()):
            return pk, f"callout:{chosen.pk}"
    return None


def build(demo: Demo) -> None:
    if demo.scale:
        return
    _experiment(demo)
    if ReaderEvent.objects.filter(
        kind__in=sorted(VIEW_KINDS), created_at__lt=demo.now - timedelta(hours=1)
    ).exists():
        rollups_update()  # a history from before rollups were built here: catch up
        return
    articles = _articles()
    if not articles:
        return
    started = time.monotonic()
    model = history_model()
    expected = int(model.days * model.readers_per_day * EVENTS_PER_READER)  # for the bar
    bar = demo.bar(total=expected, desc="Reader history", unit=" events")
    with transaction.atomic():
        events = generate(model, articles, demo.now, _callout(), newsletters.SLUGS)
        written = write_events(events, bar.update)
    bar.close()
    demo.count("reader events", written)
    days = rollups_update()  # the dashboard shows the history at once, not after the task runs
    demo.log(f"Reader history: rollups of {days} days")
    seconds = time.monotonic() - started
    demo.log(f"Reader history: {written:,} events over {model.days} days in {seconds:.1f}s")


def _experiment(demo: Demo) -> None:
    """The finished experiment behind the history's variants (stopped now: live readers of the
    demo get the site's policy, as CONTRACT.md's meter numbers expect)."""
    experiment, made = Experiment.objects.get_or_create(
        slug=EXPERIMENT,
        defaults={
            "name": "Anonymous allowance: 2 or 5 free articles",
            "status": ExperimentStatus.STOPPED,
            "started_at": demo.now - timedelta(days=history_model().experiment_days),
            "stopped_at": demo.now,
        },
    )
    if made:
        for arm in ARMS:
            ExperimentVariant.objects.create(
                experiment=experiment,
                name=arm.name,
                anonymous_allowance=arm.allowance,
                share=arm.share,
            )
        demo.count("experiments")
    draft, made = Experiment.objects.get_or_create(
        slug=DRAFT, defaults={"name": "Anonymous allowance: 2, 4 or 6 free articles"}
    )
    if made:
        for name, allowance in (("two", 2), ("four", 4), ("six", 6)):
            ExperimentVariant.objects.create(
                experiment=draft, name=name, anonymous_allowance=allowance, share=0.1
            )
        demo.count("experiments")


def reset(demo: Demo) -> None:
    ReaderEvent.objects.all().delete()
    Experiment.objects.filter(slug__in=[EXPERIMENT, DRAFT]).delete()
