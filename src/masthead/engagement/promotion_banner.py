"""The banner of a free-access promotion (``data-promotion``): its text and link, and its
dates — announced ahead ("Saturday, December 5"), then "until ..." while it runs."""

from datetime import timedelta
from functools import lru_cache

from django.utils import formats, timezone
from django.utils.translation import get_language

from masthead.access.policy import promotion_to_announce


def _day(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "l, F j")


def promotion_banner(now=None) -> dict | None:
    """The banner for the promotion under way or coming soon, or None (none, or no text)."""
    now = now or timezone.now()
    promotion = promotion_to_announce(now)
    if promotion is None or not promotion["text"]:
        return None
    today = timezone.localtime(now).date()
    facts = tuple(promotion[k] for k in FACTS)
    return dict(_banner(facts, today, get_language(), timezone.get_current_timezone_name()))


FACTS = ("starts_at", "ends_at", "text", "link_url", "link_text", "under_way")


@lru_cache(maxsize=64)
def _banner(facts: tuple, today, language, time_zone) -> tuple:
    """The banner's items for these facts on ``today``: the same for every reader all day, so
    its dates are formatted once (the language and time zone are part of the key)."""
    start, end, text, link_url, link_text, under_way = facts
    last = end - timedelta(microseconds=1)
    if under_way:
        same_day = timezone.localtime(last).date() == today
        when, moment = ("today" if same_day else f"until {_day(last)}"), end
    elif _day(start) == _day(last):
        when, moment = _day(start), start
    else:
        when, moment = f"{_day(start)} to {_day(last)}", start
    return tuple(
        {
            "key": "promotion",
            "text": text,
            "when": when,
            "datetime": moment.isoformat(timespec="seconds"),  # HTML: at most 3 decimals
            "starts_on": timezone.localtime(start).date().isoformat(),
            "link_url": link_url,
            "link_text": link_text,
            "dismissible": False,
            "kind": "promotion",
        }.items()
    )
