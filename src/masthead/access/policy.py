"""The meter's current policy and promotions, read from the database and cached briefly.

Staff edit the allowances in Wagtail's settings; a change reaches every server process within
``POLICY_CACHE_SECONDS``, and at once in the process that saved it (a signal clears the cache).
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from wagtail.models import Site

from masthead import caching
from masthead.metering import Policy, Window

from .experiment_policy import with_experiment
from .models import MeterSettings, Promotion

POLICY_CACHE_SECONDS = 30
LOCAL_SECONDS = 5
_KEY = "access:policy:v1"


def _load() -> dict:
    site = Site.objects.filter(is_default_site=True).first()
    meter = MeterSettings.for_site(site) if site else MeterSettings()
    now = timezone.now()
    promotions = [
        (p.starts_at, p.ends_at, p.banner_text, p.link_url, p.link_text)
        for p in Promotion.objects.filter(ends_at__gt=now).order_by("starts_at")[:20]
    ]
    return {"meter": meter, "promotions": promotions}


def _cached() -> dict:
    data = caching.get(_KEY, local_seconds=LOCAL_SECONDS)
    if data is None:
        data = _load()
        caching.set(_KEY, data, POLICY_CACHE_SECONDS, local_seconds=LOCAL_SECONDS)
    return data


def clear_policy_cache() -> None:
    caching.delete(_KEY)


def meter_settings():
    return _cached()["meter"]


def current_policy() -> Policy:
    meter = meter_settings()
    return Policy(
        anonymous_allowance=meter.anonymous_allowance,
        registered_allowance=meter.registered_allowance,
        preview_paragraphs=meter.preview_paragraphs,
        time_zone=settings.TIME_ZONE,
    )


def policy_for(ctx, *, counting: bool = False) -> Policy:
    """The policy that applies to this reader (an ``access.readers.ReaderContext``).

    The one place a policy is chosen: the gate, ``/api/v1/me/`` and every channel ask it, so
    a per-reader policy (an experiment's arm, say) only has to be chosen here: inside a running
    meter experiment, an assigned anonymous device gets its variant's allowance
    (``experiment_policy``); ``counting`` (the gate on a counting channel): a new device is
    assigned by the id the meter is about to give it, so its first view meets its variant.
    """
    return with_experiment(ctx, current_policy(), counting=counting)


def preview_paragraphs() -> int:
    return meter_settings().preview_paragraphs


def promotion_windows() -> list[Window]:
    return [Window(start, end) for start, end, *_ in _cached()["promotions"]]


ANNOUNCE_DAYS = 14  # a scheduled promotion's banner shows this many days before it starts


def promotion_to_announce(now=None):
    """The promotion a banner should show now: the one under way, else the next one starting
    within ``ANNOUNCE_DAYS`` (so readers learn its date ahead), or None."""
    now = now or timezone.now()
    ahead = None
    for start, end, text, url, link_text in _cached()["promotions"]:
        found = {"text": text, "link_url": url, "link_text": link_text}
        found |= {"starts_at": start, "ends_at": end}
        if start <= now < end:
            return {**found, "under_way": True}
        if ahead is None and now < start <= now + timedelta(days=ANNOUNCE_DAYS):
            ahead = {**found, "under_way": False}
    return ahead
