"""Reads of the event log that the site itself needs: a sign-up's or subscription's attribution.

The attribution of a conversion at time T looks at the reader's events in ``[T - 24 h, T]``,
under the reader's key and every device key merged into it in that window:

* ``article_id``: the last article they viewed;
* ``wall``: the wall of the last wall click (or of the last wall shown, if they clicked none);
* ``offer``: the offer of the last offer click or choice;
* ``source``: the referrer class of the first view of the window that did not come from our own
  pages (``internal`` if all did; ``direct`` if there was no view);
* ``utm_*``: the first UTM tags seen in the window.

Events still in this process's buffer are written first; another process's buffer is at most
``buffer.FLUSH_SECONDS`` behind.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from masthead.metering.keys import is_account_key

from . import buffer
from .kinds import VIEW_KINDS, WALL_CLICK_KINDS, EventKind, Source
from .models import ReaderEvent

WINDOW = timedelta(hours=24)
MAX_EVENTS = 1000


@dataclass(frozen=True)
class Attribution:
    article_id: int | None = None
    wall: str = ""
    offer: str = ""
    source: str = Source.DIRECT
    utm_source: str = ""
    utm_medium: str = ""
    utm_campaign: str = ""


def _keys_with_devices(keys: list[str], since: datetime, now: datetime) -> list[str]:
    merged = ReaderEvent.objects.filter(
        kind=EventKind.DEVICE_MERGED,
        reader_key__in=[k for k in keys if is_account_key(k)],
        created_at__gte=since,
        created_at__lte=now,
    ).values_list("merged_key", flat=True)
    return sorted(set(keys) | {k for k in merged if k})


def attribution_for(keys: list[str], now: datetime) -> Attribution:
    keys = [k for k in keys if k]
    if not keys:
        return Attribution()
    buffer.flush()
    since = now - WINDOW
    rows = list(
        ReaderEvent.objects.filter(
            reader_key__in=_keys_with_devices(keys, since, now),
            created_at__gte=since,
            created_at__lte=now,
        )
        .exclude(kind=EventKind.DEVICE_MERGED)
        .order_by("-created_at", "-id")
        .values(
            "kind",
            "article_id",
            "wall",
            "offer",
            "source",
            "utm_source",
            "utm_medium",
            "utm_campaign",
        )[:MAX_EVENTS]
    )
    rows.reverse()  # oldest first
    views = [r for r in rows if r["kind"] in VIEW_KINDS]
    clicks = [r for r in rows if r["kind"] in WALL_CLICK_KINDS]
    offers = [r for r in rows if r["offer"] and r["kind"] != EventKind.OFFER_SHOWN]
    walls = [r for r in views if r["wall"]]
    outside = [r for r in views if r["source"] and r["source"] != Source.INTERNAL]
    tagged = next((r for r in rows if r["utm_source"] or r["utm_campaign"]), None)
    if outside:
        source = outside[0]["source"]
    elif views:
        source = views[0]["source"] or Source.DIRECT
    else:
        source = Source.DIRECT
    return Attribution(
        article_id=next((r["article_id"] for r in reversed(views) if r["article_id"]), None),
        wall=(clicks[-1]["wall"] if clicks else "") or (walls[-1]["wall"] if walls else ""),
        offer=offers[-1]["offer"] if offers else "",
        source=source,
        utm_source=tagged["utm_source"] if tagged else "",
        utm_medium=tagged["utm_medium"] if tagged else "",
        utm_campaign=tagged["utm_campaign"] if tagged else "",
    )
