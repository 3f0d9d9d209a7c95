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
"""

from django.db import models

from masthead.metering import Channel


class EventKind(models.TextChoices):
    VIEW_COUNTED = "view_counted", "view counted on the meter"
    VIEW_REREAD = "view_reread", "re-read of an article already counted this month"
    VIEW_FREE = "view_free", "free or sponsored article (never metered)"
    VIEW_SUBSCRIBER = "view_subscriber", "full-access (subscriber) view"
    VIEW_GIFT = "view_gift", "opened by a gift link"
    VIEW_PROMOTION = "view_promotion", "open in a free-access promotion"
    VIEW_UNMETERED = "view_unmetered", "shown uncounted: meter store unreachable"
    WALL_SHOWN = "wall_shown", "wall shown"
    DEVICE_MERGED = "device_merged", "device's views carried to the account"
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


VIEW_KINDS = frozenset(
    {
        EventKind.VIEW_COUNTED,
        EventKind.VIEW_REREAD,
        EventKind.VIEW_FREE,
        EventKind.VIEW_SUBSCRIBER,
        EventKind.VIEW_GIFT,
        EventKind.VIEW_PROMOTION,
        EventKind.VIEW_UNMETERED,
        EventKind.WALL_SHOWN,
    }
)
# Kinds that carry an attribution (last article, wall/offer clicked, source, UTM tags).
ATTRIBUTED_KINDS = frozenset({EventKind.SIGNUP, EventKind.SUBSCRIPTION_STARTED})
WALL_CLICK_KINDS = frozenset(
    {EventKind.WALL_CLICK_REGISTER, EventKind.WALL_CLICK_SIGNIN, EventKind.WALL_CLICK_OFFER}
)


class ReaderStatus(models.TextChoices):
    """Who the reader was when the event happened (the meter's reader, with the lapse)."""

    ANONYMOUS = "anonymous", "anonymous"
    REGISTERED = "registered", "registered"
    SUBSCRIBER = "subscriber", "subscriber (active, trialing or complimentary)"
    TRIAL_EXPIRED = "trial-expired", "registered, trial ended unpaid"
    ACCESS_EXPIRED = "access-expired", "registered, paid or granted access ended"


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
