"""The vocabulary of reader events: what happened, who the reader was, where they came from.

Every value here is stored in ``ReaderEvent`` rows, so values never change once released (add
new ones instead). ``EventKind`` groups:

* one row per **view** that a counting channel answered (web page, print view, API): exactly
  one of ``VIEW_KINDS``. A meter message was shown on every ``view_counted`` and
  ``view_reread`` (the outcome is ``metered``); a wall on every ``wall_shown``;
* the reader's **steps**: wall clicks, offers shown and chosen, checkouts, sign-ups;
* **billing** facts: subscriptions started, trials converted, cancellations, lapses;
* **engagement**: callout answers, newsletter sign-ups;
* ``device_merged``: a device's meter joined an account's (sign-in carry-over), so a replay can
  join the two keys.

The view kinds and reader statuses are the meter's own (``metering.viewkinds``,
``metering.status``): this module gives them labels, never other values.
"""

from django.db import models

from masthead.metering import DEVICE_MERGED, Channel, ReaderStatus, ViewKind

__all__ = ["ATTRIBUTED_KINDS", "CHANNELS", "READER_STATUSES", "VIEW_KINDS", "WALL_CLICK_KINDS"]
__all__ += ["EventKind", "ReaderStatus", "Source"]  # ReaderStatus: the meter's, re-exported


class EventKind(models.TextChoices):
    VIEW_COUNTED = ViewKind.VIEW_COUNTED.value, "view counted on the meter"
    VIEW_REREAD = ViewKind.VIEW_REREAD.value, "re-read of an article already counted this month"
    VIEW_FREE = ViewKind.VIEW_FREE.value, "free or sponsored article (never metered)"
    VIEW_SUBSCRIBER = ViewKind.VIEW_SUBSCRIBER.value, "full-access (subscriber) view"
    VIEW_GIFT = ViewKind.VIEW_GIFT.value, "opened by a gift link"
    VIEW_PROMOTION = ViewKind.VIEW_PROMOTION.value, "open in a free-access promotion"
    VIEW_UNMETERED = ViewKind.VIEW_UNMETERED.value, "shown uncounted: meter store unreachable"
    WALL_SHOWN = ViewKind.WALL_SHOWN.value, "wall shown"
    DEVICE_MERGED = DEVICE_MERGED, "device's views carried to the account"
    WALL_CLICK_REGISTER = "wall_click_register", "wall click: register"
    WALL_CLICK_SIGNIN = "wall_click_signin", "wall click: sign in"
    WALL_CLICK_OFFER = "wall_click_offer", "wall click: offer"
    OFFER_SHOWN = "offer_shown", "offer shown"
    OFFER_CHOSEN = "offer_chosen", "offer chosen"
    SIGNUP = "signup", "registration"
    CHECKOUT_STARTED = "checkout_started", "checkout started"
    SUBSCRIPTION_STARTED = "subscription_started", "subscription started"
    TRIAL_CONVERTED = "trial_converted", "trial converted to paid"
    CANCELLATION = "cancellation", "cancellation requested"
    LAPSE = "lapse", "subscription access ended"
    CALLOUT_ANSWER = "callout_answer", "callout answered"
    NEWSLETTER_SIGNUP = "newsletter_signup", "newsletter sign-up"


VIEW_KINDS = frozenset(EventKind(kind) for kind in ViewKind)
# Kinds that carry an attribution (last article, wall/offer clicked, source, UTM tags).
ATTRIBUTED_KINDS = frozenset({EventKind.SIGNUP, EventKind.SUBSCRIPTION_STARTED})
WALL_CLICK_KINDS = frozenset(
    {EventKind.WALL_CLICK_REGISTER, EventKind.WALL_CLICK_SIGNIN, EventKind.WALL_CLICK_OFFER}
)


# Who the reader was when the event happened (the meter's reader, with the lapse).
_STATUS_LABELS = {
    ReaderStatus.ANONYMOUS: "anonymous",
    ReaderStatus.REGISTERED: "registered",
    ReaderStatus.SUBSCRIBER: "subscriber (active, trialing or complimentary)",
    ReaderStatus.TRIAL_EXPIRED: "registered, trial ended unpaid",
    ReaderStatus.ACCESS_EXPIRED: "registered, paid or granted access ended",
}
READER_STATUSES = [(status.value, _STATUS_LABELS[status]) for status in ReaderStatus]


class Source(models.TextChoices):
    """The class of the ``Referer`` host (the host itself is never stored)."""

    DIRECT = "direct", "direct (no referrer)"
    INTERNAL = "internal", "internal (our own pages)"
    SEARCH = "search", "search engine"
    SOCIAL = "social", "social network"
    EMAIL = "email", "e-mail or newsletter"
    OTHER = "other", "other website"


# The channel a view came through: the gate's own (``metering.Channel``), stored as its value.
CHANNELS = [(str(channel), str(channel)) for channel in Channel]
