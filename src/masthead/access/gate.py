"""The gate: the one function that decides what a reader may see of an article.

Every channel — the article page, the print view, the JSON API, feeds, search, Open Graph and
JSON-LD — calls ``gate_article`` and renders only what it returns::

    gated = gate_article(reader_for_request(request), article)
    gated.decision.outcome     # Outcome.FULL / METERED / WALLED
    gated.preview              # body blocks everyone may see (the first paragraphs)
    gated.rest                 # the gated part: [] unless the reader is entitled to it

A valid gift link token (``gift=``) opens the article in full without counting it.
With ``count=False`` (feeds, search, listings, previews of other channels) nothing is counted
and a metered or subscribers-only article shows only its preview.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.utils import timezone

from masthead.metering import (
    Access,
    ArticleFacts,
    Decision,
    Outcome,
    assess,
    conclude,
    month_key,
    month_name,
    render_message,
    resets_at,
    wall_for,
)

from . import events
from .cut import split_body
from .gifts import redeem_gift
from .policy import current_policy, meter_settings, promotion_windows
from .readers import ReaderContext
from .stores import MeterStoreUnavailable, get_meter_store

logger = logging.getLogger(__name__)


@dataclass
class GatedArticle:
    decision: Decision
    preview: list
    rest: list
    meter_message: str = ""
    wall: dict | None = None
    reader_status: str = "anonymous"
    meter: dict = field(default_factory=dict)

    @property
    def full_text(self) -> bool:
        return self.decision.full_text

    @property
    def gated(self) -> bool:
        return not self.decision.full_text


def article_facts(article) -> ArticleFacts:
    return ArticleFacts(
        id=article.pk, access=Access(article.access), sponsored=article.is_sponsored
    )


def _settled(assessment) -> Decision:
    return Decision(
        outcome=assessment.outcome,
        wall=assessment.wall,
        remaining=None,
        limit=None,
        used=None,
        counted=False,
        reason=assessment.reason,
    )


def _uncounted(assessment) -> Decision:
    """A channel that never counts (feeds, search): the preview only, no store round trip."""
    return Decision(
        outcome=Outcome.WALLED,
        wall=None,
        remaining=None,
        limit=assessment.limit,
        used=None,
        counted=False,
        reason="uncounted-channel",
    )


def _metered(ctx: ReaderContext, assessment, article_id: int, month: str) -> Decision:
    store = get_meter_store()
    try:
        result = store.record(ctx.meter_key, month, article_id, assessment.limit)
    except MeterStoreUnavailable:
        failure = settings.METER_STORE_FAILURE
        logger.warning("meter store unavailable; failing %s for article %s", failure, article_id)
        if failure == "closed":
            return Decision(
                outcome=Outcome.WALLED,
                wall=wall_for(ctx.reader),
                remaining=None,
                limit=assessment.limit,
                used=None,
                counted=False,
                reason="meter-unavailable",
            )
        return Decision(
            outcome=Outcome.FULL,
            wall=None,
            remaining=None,
            limit=assessment.limit,
            used=None,
            counted=False,
            reason="meter-unavailable",
        )
    return conclude(
        ctx.reader,
        assessment,
        allowed=result.allowed,
        used=result.used,
        newly_counted=result.newly_counted,
    )


def gate_article(
    ctx: ReaderContext,
    article,
    now: datetime | None = None,
    *,
    count: bool = True,
    channel: str = "web",
    gift: str | None = None,
) -> GatedArticle:
    now = now or timezone.now()
    policy = current_policy()
    assessment = assess(ctx.reader, article_facts(article), now, policy, promotion_windows())
    month = month_key(now, policy.time_zone)
    if assessment.outcome is Outcome.FULL:
        decision = _settled(assessment)
    elif gift and count and redeem_gift(gift, article, ctx.meter_key, now):
        # A gift link opens this one article in full, without touching the reader's meter.
        decision = Decision(
            outcome=Outcome.FULL,
            wall=None,
            remaining=None,
            limit=None,
            used=None,
            counted=False,
            reason="gift",
        )
    elif assessment.outcome is not None:
        decision = _settled(assessment)
    elif count:
        decision = _metered(ctx, assessment, article.pk, month)
    else:
        decision = _uncounted(assessment)

    preview, rest = split_body(article.body, policy.preview_paragraphs)
    if not decision.full_text:
        rest = []
    gated = GatedArticle(decision=decision, preview=preview, rest=rest, reader_status=ctx.status)
    if count:
        _add_copy(gated, ctx, policy, now)
        events.record_decision(
            ctx, article_facts(article), decision, channel, now=now, policy=policy
        )
    return gated


def _add_copy(gated: GatedArticle, ctx: ReaderContext, policy, now: datetime) -> None:
    meter = meter_settings()
    d = gated.decision
    variables = {
        "remaining": d.remaining if d.remaining is not None else 0,
        "limit": d.limit if d.limit is not None else 0,
        "used": d.used if d.used is not None else 0,
        "month": month_name(now, policy.time_zone),
        "registered_limit": policy.registered_allowance,
    }
    variables["numberArticlesLeft"] = variables["remaining"]  # the reference page's name
    if d.outcome == Outcome.METERED:
        template = meter.last_article_message if d.is_last_free else meter.meter_message
        gated.meter_message = render_message(template, **variables)
    if d.outcome == Outcome.WALLED and d.wall is not None:
        prefix = {
            "registration": "registration_wall",
            "subscription": "subscription_wall",
            "subscribers-only": "subscribers_wall",
            "trial-expired": "trial_expired",
            "access-expired": "access_expired",
        }[str(d.wall)]
        gated.wall = {
            "kind": str(d.wall),
            "title": render_message(getattr(meter, f"{prefix}_title"), **variables),
            "text": render_message(getattr(meter, f"{prefix}_text"), **variables),
            "marketing": meter.marketing_line,
            "benefits": meter.benefit_list(),
        }
    gated.meter = {
        "limit": d.limit,
        "used": d.used,
        "remaining": d.remaining,
        "resets_at": resets_at(now, policy.time_zone),
    }
