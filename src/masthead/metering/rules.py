"""The meter's rules, in the order they apply.

1. An entitled reader (active, trialing or complimentary) reads everything: ``FULL``, no meter.
2. Inside a free-access promotion every article is open to everyone: ``FULL``, uncounted.
3. A ``free`` article is ``FULL`` and uncounted; so is sponsored content, whatever its access.
4. A ``subscribers`` article walls everyone else at once (``subscribers-only``), uncounted.
5. Otherwise the article is metered: the store counts the view only if the allowance permits.
   Allowed: ``METERED`` with ``remaining = limit - used``. Not allowed: ``WALLED`` behind the
   reader's wall (``wall_for``), uncounted. Reopening an article already counted this month is
   always allowed and costs nothing, even with the allowance used up.

Channels and gifts (``resolve``, ``after_gift``): a channel that never counts (feeds, search,
metadata, e-mail) shows a metered article's preview only. On a counting channel a valid gift
link opens any article not already open to the reader, in full and uncounted; an invalid one
changes nothing. Gifts and the meter are writes, so on a counting channel ``resolve`` answers
"awaiting" (the preview) and the gate's ``record`` finishes the decision.

Worked example, a registered reader (allowance 10) who has read 9 articles this month::

    >>> from datetime import datetime, UTC
    >>> reader, now = Reader(ReaderKind.REGISTERED), datetime(2026, 11, 5, tzinfo=UTC)
    >>> read = set(range(1, 10))
    >>> decide(reader, ArticleFacts(42), now, Policy(), counted_ids=read).remaining
    0
    >>> decide(reader, ArticleFacts(42), now, Policy(), counted_ids=read | {42}).counted
    False
    >>> decide(reader, ArticleFacts(43), now, Policy(), counted_ids=read | {42}).wall
    <Wall.SUBSCRIPTION: 'subscription'>
    >>> metered_article = assess(reader, ArticleFacts(43), now, Policy())
    >>> resolve(metered_article, Channel.EMAIL).full_text
    False
    >>> resolve(metered_article, Channel.WEB, gift=True).reason
    <Reason.AWAITING_GIFT: 'awaiting-gift'>
    >>> after_gift(metered_article, Channel.WEB, redeemed=True).full_text
    True
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime

from .channels import Channel
from .decision import Assessment, Decision, Outcome, Reason, Wall
from .meter import tally
from .outcomes import awaiting, gifted, metered, over_allowance, settle, uncounted

__all__ = ["after_gift", "assess", "conclude", "decide", "resolve", "settle"]
from .policy import Access, ArticleFacts, Policy, Reader, Window, require_aware


def assess(
    reader: Reader,
    article: ArticleFacts,
    now: datetime,
    policy: Policy,
    promotions: Iterable[Window] = (),
) -> Assessment:
    """Settle what can be known without the meter store (rules 1-4), or name the limit (5)."""
    require_aware(now)
    limit = policy.allowance_for(reader.kind)
    if limit is None:
        return Assessment(Outcome.FULL, None, None, Reason.ENTITLED)
    if any(window.contains(now) for window in promotions):
        return Assessment(Outcome.FULL, None, None, Reason.PROMOTION)
    if article.access is Access.FREE:
        return Assessment(Outcome.FULL, None, None, Reason.FREE)
    if article.sponsored:
        return Assessment(Outcome.FULL, None, None, Reason.SPONSORED)
    if article.access is Access.SUBSCRIBERS:
        return Assessment(Outcome.WALLED, Wall.SUBSCRIBERS_ONLY, None, Reason.SUBSCRIBERS_ONLY)
    return Assessment(None, None, limit, Reason.METERED)


def resolve(assessment: Assessment, channel: Channel, *, gift: bool = False) -> Decision:
    """The read-only decision for ``channel``: final, or, on a counting channel that must
    redeem a gift or ask the meter, an "awaiting" decision that shows the preview only."""
    if assessment.outcome is Outcome.FULL:
        return settle(assessment)
    if gift and channel.counts:
        return awaiting(assessment, Reason.AWAITING_GIFT)
    if assessment.outcome is not None:
        return settle(assessment)
    if channel.counts:
        return awaiting(assessment, Reason.AWAITING_METER)
    return uncounted(assessment)


def after_gift(assessment: Assessment, channel: Channel, *, redeemed: bool) -> Decision:
    """The gift rule: a redeemed gift opens the article in full without touching the meter;
    a gift that could not be redeemed (expired, used up, not for this article) changes
    nothing, so the reader is decided as if there were no gift."""
    return gifted() if redeemed else resolve(assessment, channel)


def conclude(
    reader: Reader, assessment: Assessment, *, allowed: bool, used: int, newly_counted: bool
) -> Decision:
    """Turn the meter store's answer into a decision.

    ``allowed``: whether this view is within the allowance (a re-read always is);
    ``used``: the reader's count this month after this view; ``newly_counted``: whether this
    view added to that count. A settled assessment ignores the store's numbers, but a store that
    claims to have counted a view that needed no meter, or a walled view, is a bug: ``ValueError``.
    """
    if used < 0:
        raise ValueError("used cannot be negative")
    if newly_counted and not allowed:
        raise ValueError("a walled view never counts")
    if assessment.outcome is not None:
        if newly_counted:
            raise ValueError(f"a {assessment.reason!r} view must not be counted")
        return settle(assessment)
    limit = assessment.limit if assessment.limit is not None else 0
    remaining = max(limit - used, 0)
    if allowed:
        return metered(remaining=remaining, limit=limit, used=used, counted=newly_counted)
    return over_allowance(reader, remaining=remaining, limit=limit, used=used)


def decide(
    reader: Reader,
    article: ArticleFacts,
    now: datetime,
    policy: Policy,
    promotions: Iterable[Window] = (),
    *,
    counted_ids: Collection[int],
) -> Decision:
    """What would happen if ``reader`` opened ``article`` at ``now``, given the ids already
    counted for them this month. Nothing is mutated: for simulation and tests."""
    assessment = assess(reader, article, now, policy, promotions)
    if assessment.outcome is not None:
        return settle(assessment)
    answer = tally(counted_ids, article.id, assessment.limit or 0)
    return conclude(
        reader,
        assessment,
        allowed=answer.allowed,
        used=answer.used,
        newly_counted=answer.newly_counted,
    )
