"""Recording reader events. Views and other high-volume clicks go through the buffer; business
facts (sign-ups, subscriptions, cancellations...) are written at once, inside the caller's
transaction, so they stand or fall with the change they describe.

    view_record(reader, facts, decision, policy, reader_key="d:5b0f...", month="2026-11",
                promotion=False, now=now, channel="web")
    event_record(EventKind.CANCELLATION, reader_key="u:42", plan="monthly")
    signup_record("u:42", device_key="d:5b0f...")      # with its attribution
"""

from datetime import datetime
from decimal import Decimal

from django.utils import timezone

from masthead.metering import ArticleFacts, Decision, Policy, Reader, ReaderStatus, view_kind
from masthead.metering.keys import device_key, user_key

from . import buffer
from .bulk import event_row
from .kinds import EventKind
from .models import ReaderEvent
from .selectors import Attribution, attribution_for
from .traffic import Traffic, current_traffic

FIELDS = {f.name for f in ReaderEvent._meta.concrete_fields} - {"id", "kind", "created_at"}


def reader_key_of(request) -> str:
    """The meter's key of a request's reader, without creating a device: ``u:<id>`` signed
    in, ``d:<device id>`` with a device cookie, else ``""``."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return user_key(user.pk)
    device = getattr(request, "device", None)
    device_id = device.peek() if device is not None else None
    return device_key(device_id) if device_id else ""


def _traffic_fields(traffic: Traffic | None) -> dict:
    traffic = traffic or current_traffic()
    return {
        "source": traffic.source,
        "utm_source": traffic.utm_source,
        "utm_medium": traffic.utm_medium,
        "utm_campaign": traffic.utm_campaign,
    }


def view_record(
    reader: Reader,
    article: ArticleFacts,
    decision: Decision,
    policy: Policy,
    *,
    reader_key: str,
    month: str,
    promotion: bool,
    now: datetime,
    channel: str = "web",
    variant: str | None = None,
    propensity: float | None = None,
    traffic: Traffic | None = None,
) -> None:
    """Buffer the event of one view answered by the gate, with everything a replay needs."""
    row = event_row(
        kind=view_kind(decision),
        created_at=now,
        reader_key=reader_key[:40],
        article_id=article.id,
        channel=channel[:8],
        status=ReaderStatus.of(reader),
        access=str(article.access),
        sponsored=article.sponsored,
        gift=decision.gifted,
        promotion=promotion,
        month=month,
        outcome=str(decision.outcome),
        wall=str(decision.wall) if decision.wall else "",
        counted=decision.counted,
        remaining=decision.remaining,
        reason=decision.reason[:20],
        anonymous_allowance=policy.anonymous_allowance,
        registered_allowance=policy.registered_allowance,
        preview_paragraphs=policy.preview_paragraphs,
        variant=variant,
        propensity=propensity,
        **_traffic_fields(traffic),
    )
    buffer.append([row])


def _check(kind: EventKind, fields: dict) -> None:
    unknown = set(fields) - FIELDS
    if unknown:
        raise TypeError(f"not a reader-event field: {', '.join(sorted(unknown))}")
    if kind not in EventKind.values:
        raise ValueError(f"unknown event kind {kind!r}")


def event_record(
    kind: EventKind, *, reader_key: str = "", now: datetime | None = None, **fields
) -> ReaderEvent:
    """Write one event of ``kind`` now, in the caller's transaction; ``fields`` are
    ``ReaderEvent`` columns (checked)."""
    _check(kind, fields)
    event = ReaderEvent(
        kind=kind, created_at=now or timezone.now(), reader_key=reader_key[:40], **fields
    )
    event.save(force_insert=True)
    return event


def _attributed(attribution: Attribution) -> dict:
    return {
        "article_id": attribution.article_id,
        "wall": attribution.wall,
        "source": attribution.source,
        "utm_source": attribution.utm_source,
        "utm_medium": attribution.utm_medium,
        "utm_campaign": attribution.utm_campaign,
    }


def click_record(kind: EventKind, *, reader_key: str, **fields) -> None:
    """A wall click, an offer shown or chosen: buffered, tagged with this request's traffic."""
    _check(kind, fields)
    traffic = {k: v for k, v in _traffic_fields(None).items() if k not in fields}
    row = event_row(
        kind=str(kind), created_at=timezone.now(), reader_key=reader_key[:40], **traffic, **fields
    )
    buffer.append([row])


def merge_record(device_key: str, user_key: str, month: str, now: datetime | None = None):
    """A device's meter joined an account's this month (sign-in or sign-up carry-over)."""
    return event_record(
        EventKind.DEVICE_MERGED, reader_key=user_key, merged_key=device_key, month=month, now=now
    )


def signup_record(user_key: str, device_key: str = "", now: datetime | None = None):
    """A new account, attributed to what its device (and account) did in the last 24 hours."""
    now = now or timezone.now()
    keys = [k for k in (user_key, device_key) if k]
    attribution = attribution_for(keys, now)
    return event_record(
        EventKind.SIGNUP,
        reader_key=user_key,
        merged_key=device_key,
        now=now,
        offer=attribution.offer,
        **_attributed(attribution),
    )


def subscription_started_record(
    user_key: str,
    *,
    plan: str,
    offer: str,
    trial: bool,
    amount: Decimal | None,
    currency: str = "",
    now: datetime | None = None,
) -> ReaderEvent:
    """A subscription began (trial or paid), attributed like a sign-up; ``amount`` is what the
    first period charges (0 for a trial)."""
    now = now or timezone.now()
    attribution = attribution_for([user_key], now)
    return event_record(
        EventKind.SUBSCRIPTION_STARTED,
        reader_key=user_key,
        now=now,
        plan=plan[:50],
        offer=offer[:50],
        trial=trial,
        amount=amount,
        currency=currency[:3],
        **_attributed(attribution),
    )
