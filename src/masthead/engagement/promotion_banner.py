"""The banner of a free-access promotion (``data-promotion``): its text and link, and its
dates — announced ahead ("Saturday, December 5"), then "until ..." while it runs."""

from datetime import timedelta

from django.utils import formats, timezone

from masthead.access.policy import promotion_to_announce


def _day(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "l, F j")


def promotion_banner(now=None) -> dict | None:
    """The banner for the promotion under way or coming soon, or None (none, or no text)."""
    now = now or timezone.now()
    promotion = promotion_to_announce(now)
    if promotion is None or not promotion["text"]:
        return None
    start, last = promotion["starts_at"], promotion["ends_at"] - timedelta(microseconds=1)
    if promotion["under_way"]:
        same_day = timezone.localtime(last).date() == timezone.localtime(now).date()
        when, moment = ("today" if same_day else f"until {_day(last)}"), promotion["ends_at"]
    elif _day(start) == _day(last):
        when, moment = _day(start), start
    else:
        when, moment = f"{_day(start)} to {_day(last)}", start
    return {
        "key": "promotion",
        "text": promotion["text"],
        "when": when,
        "datetime": moment.isoformat(),
        "starts_on": timezone.localtime(start).date().isoformat(),
        "link_url": promotion["link_url"],
        "link_text": promotion["link_text"],
        "dismissible": False,
        "kind": "promotion",
    }
