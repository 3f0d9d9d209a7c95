"""The gate: what a reader may see of an article, decided once and recorded separately.

Every channel — the article page, the print view, the JSON API, feeds, search, Open Graph and
JSON-LD, e-mail — asks ``decide`` and renders only what it returns. ``decide`` never writes::

    gated = decide(reader_for_request(request), article, channel=Channel.WEB, gift=token)
    gated = record(reader, article, gated)   # counting channels only: web, print, API
    gated.decision.full_text    # the whole body, or the preview and (maybe) a wall
    gated.preview, gated.rest   # the always-public blocks; the gated ones ([] unless allowed)

On a counting channel a metered article or a gift link needs a write to be answered (the
meter's atomic check-and-count, the gift's capped redemption): until ``record`` has run, the
decision "awaits" and shows the preview only, so a channel that forgot to record leaks nothing.
``record`` makes those writes, logs the reader event and returns the final answer. The rules
themselves (gifts, channels, a lost meter store) live in the pure ``masthead.metering`` engine.
"""

import logging
from dataclasses import replace
from datetime import datetime

from django.conf import settings
from django.utils import timezone

from masthead import observability
from masthead.metering import (
    Access,
    ArticleFacts,
    Channel,
    Decision,
    Failure,
    Policy,
    after_gift,
    assess,
    conclude,
    month_key,
    resolve,
    unavailable,
)

from . import events
from .cut import split_body
from .experiment_policy import experiment_assignment
from .gated import GatedArticle
from .gifts import redeem_gift
from .policy import meter_settings, policy_for, promotion_windows
from .readers import ReaderContext
from .stores import MeterStoreUnavailable, get_meter_store

logger = logging.getLogger(__name__)

__all__ = ["Channel", "GatedArticle", "article_facts", "decide", "record"]


def article_facts(article) -> ArticleFacts:
    return ArticleFacts(
        id=article.pk, access=Access(article.access), sponsored=article.is_sponsored
    )


def decide(
    ctx: ReaderContext,
    article,
    *,
    now: datetime | None = None,
    policy: Policy | None = None,
    channel: Channel = Channel.WEB,
    gift: str | None = None,
) -> GatedArticle:
    """The reader's view of ``article`` on ``channel`` (and the cut body), without any write.

    ``policy`` defaults to ``policy_for(ctx, counting=channel.counts)``; ``gift`` is a gift
    link's token (counting channels only). ``article`` is a page or its snapshot: anything
    with ``pk``, ``access``, ``is_sponsored`` and ``body``.
    """
    now = now or timezone.now()
    policy = policy or policy_for(ctx, counting=channel.counts)
    facts = article_facts(article)
    assessment = assess(ctx.reader, facts, now, policy, promotion_windows())
    preview, withheld = split_body(article.body, policy.preview_paragraphs)
    return GatedArticle(
        facts=facts,
        decision=resolve(assessment, channel, gift=bool(gift)),
        preview=preview,
        withheld=withheld,
        reader_status=ctx.status,
        assessment=assessment,
        channel=channel,
        gift=gift,
        now=now,
        policy=policy,
        meter_settings=meter_settings(),
    )


def record(ctx: ReaderContext, article, gated: GatedArticle, *, log: bool = True) -> GatedArticle:
    """Make the writes a counting channel's view needs, log it, and return the final answer.

    Redeems the gift link (within its device cap) or counts the view on the meter (within
    the allowance, atomically), then appends the reader event (``log=False``: this view's
    event is logged already, see ``readers.VIEW_RECORDED``). Calling it for a channel that
    never counts is a mistake: ``ValueError``.
    """
    if not gated.channel.counts:
        raise ValueError(f"the {gated.channel} channel never counts; decide() is its answer")
    if ctx.known_meter_key() is None and experiment_assignment(ctx, counting=True) is not None:
        # Decided under the experiment arm of the id this new device is about to get: create
        # it (its cookie goes out), so the arm holds on its next view whatever this one counts.
        ctx.meter_key  # noqa: B018 - the property creates the device
    decision = gated.decision
    if decision.awaiting_gift:
        redeemed = redeem_gift(gated.gift, article, ctx.meter_key, gated.now)
        decision = after_gift(gated.assessment, gated.channel, redeemed=redeemed)
    if decision.awaiting_meter:
        decision = _count(ctx, gated, article.pk)
    if log:
        events.record_decision(
            ctx, gated.facts, decision, gated.channel, now=gated.now, policy=gated.policy
        )
        observability.gate_decision(decision.outcome)
    return replace(gated, decision=decision)


def _failure() -> Failure:
    return Failure.CLOSED if settings.METER_STORE_FAILURE == "closed" else Failure.OPEN


def _count(ctx: ReaderContext, gated: GatedArticle, article_id: int) -> Decision:
    """The meter's atomic check-and-count, turned into a decision by the engine."""
    assessment = gated.assessment
    month = month_key(gated.now, gated.policy.time_zone)
    try:
        result = get_meter_store().record(ctx.meter_key, month, article_id, assessment.limit)
    except MeterStoreUnavailable:
        observability.meter_store_failed()
        failure = _failure()
        logger.warning("meter store unavailable; failing %s for article %s", failure, article_id)
        return unavailable(ctx.reader, assessment, failure)
    return conclude(
        ctx.reader,
        assessment,
        allowed=result.allowed,
        used=result.used,
        newly_counted=result.newly_counted,
    )
