"""Subscribing and leaving, with a line of history for every change."""

from django.db import transaction

from masthead.events.kinds import EventKind
from masthead.events.services import event_record
from masthead.metering.keys import user_key

from ..models import Action, Newsletter, Subscription, SubscriptionEvent
from ..selectors import active_newsletters, is_entitled


class NewsletterRefused(Exception):
    """A change the reader may not make (a subscribers-only newsletter, an unknown slug)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


def _check_may_join(user, newsletter: Newsletter, entitled: bool | None = None) -> None:
    if not newsletter.active:
        raise NewsletterRefused("newsletter_archived", f"{newsletter.name} is no longer sent.")
    if newsletter.subscribers_only:
        if entitled is None:
            entitled = is_entitled(user)
        if not entitled:
            raise NewsletterRefused(
                "subscribers_only",
                f"{newsletter.name} is for subscribers only: subscribe to receive it.",
            )


def subscription_set(
    user, newsletter: Newsletter, on: bool, source: str, actor=None, entitled: bool | None = None
) -> bool:
    """Join or leave one newsletter; returns whether anything changed. Joining a
    subscribers-only newsletter without a subscription raises ``NewsletterRefused``."""
    if on:
        _check_may_join(user, newsletter, entitled)
    with transaction.atomic():
        sub = (
            Subscription.objects.select_for_update()
            .filter(user=user, newsletter=newsletter)
            .first()
        )
        if sub is not None and sub.active == on:
            return False
        if sub is None and not on:
            return False
        if sub is None:
            sub = Subscription.objects.create(
                user=user, newsletter=newsletter, active=True, source=source
            )
        else:
            sub.active, sub.source = on, source
            sub.save(update_fields=["active", "source", "updated_at"])
        SubscriptionEvent.objects.create(
            user=user,
            newsletter=newsletter,
            action=Action.SUBSCRIBED if on else Action.UNSUBSCRIBED,
            source=source,
            actor=actor,
        )
        if on:  # the funnel's reader events (revenue dashboard, replays)
            event_record(
                EventKind.NEWSLETTER_SIGNUP, reader_key=user_key(user.pk), ref=newsletter.slug
            )
    return True


def subscriptions_replace(user, slugs: list[str], source: str) -> list[str]:
    """Make the reader's active subscriptions exactly ``slugs`` (the API's PUT). Checked in
    full before anything changes, so a refused slug leaves every subscription as it was."""
    by_slug = {n.slug: n for n in active_newsletters()}
    unknown = [s for s in slugs if s not in by_slug]
    if unknown:
        raise NewsletterRefused("unknown_newsletter", f"No such newsletter: {unknown[0]}.")
    wanted = set(slugs)
    entitled = is_entitled(user)
    for slug in wanted:
        _check_may_join(user, by_slug[slug], entitled)
    for slug, newsletter in by_slug.items():
        subscription_set(user, newsletter, slug in wanted, source, entitled=entitled)
    return [n.slug for n in active_newsletters() if n.slug in wanted]


def subscriptions_join(user, slugs: list[str], source: str) -> list[str]:
    """Join several newsletters at once (sign-up, e-mail confirmation); the ones the reader
    may not join are left out and returned."""
    refused = []
    entitled = is_entitled(user)
    for newsletter in active_newsletters():
        if newsletter.slug in slugs:
            try:
                subscription_set(user, newsletter, True, source, entitled=entitled)
            except NewsletterRefused:
                refused.append(newsletter.slug)
    return refused


def subscriptions_leave_all(user, source: str) -> int:
    changed = 0
    for sub in Subscription.objects.filter(user=user, active=True).select_related("newsletter"):
        changed += subscription_set(user, sub.newsletter, False, source)
    return changed
