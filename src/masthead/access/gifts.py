"""Gift links: create them within a monthly limit, and redeem them within a device cap.

A subscriber creates a link to one article::

    link, remaining = create_gift_link(subscriber, article)
    link.token                   # 43 random URL-safe characters; the URL is <article>?gift=<token>

Anyone opening ``<article>?gift=<token>`` reads that article in full without touching their own
meter, while the link is unexpired and fewer than ``gift_link_devices`` readers have used it.
Both limits are counted inside one write transaction that is serialised per subscriber
(PostgreSQL advisory lock; SQLite's IMMEDIATE transactions), so parallel requests cannot exceed
them.
"""

import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from masthead.metering import month_key

from .locks import serialize
from .models import GiftLink, GiftRedemption
from .policy import current_policy, meter_settings
from .readers import reader_for_user

_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")


class GiftError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


def gift_url(link) -> str:
    """The absolute URL a subscriber shares: the article's address with ``?gift=<token>``."""
    return f"{settings.SITE_URL}{link.article.public_path}?gift={link.token}"


def gifts_left(user, now=None) -> int:
    month = month_key(now or timezone.now(), current_policy().time_zone)
    used = GiftLink.objects.filter(sender=user, month=month).count()
    return max(meter_settings().gift_links_per_month - used, 0)


def create_gift_link(user, article, now=None) -> tuple[GiftLink, int]:
    """Create a gift link for a subscriber, or raise ``GiftError``."""
    now = now or timezone.now()
    if not reader_for_user(user, now=now).status.entitled:
        raise GiftError("not_subscriber", "Gift links are a benefit for subscribers.")
    meter = meter_settings()
    month = month_key(now, current_policy().time_zone)
    with transaction.atomic():
        serialize(f"masthead.gifts:{user.pk}:{month}")
        used = GiftLink.objects.filter(sender=user, month=month).count()
        if used >= meter.gift_links_per_month:
            raise GiftError(
                "gift_limit_reached",
                f"You have sent all {meter.gift_links_per_month} gift links for this month.",
            )
        link = GiftLink.objects.create(
            token=secrets.token_urlsafe(32),
            sender=user,
            article=article,
            month=month,
            created_at=now,
            expires_at=now + timedelta(days=meter.gift_link_days),
        )
    return link, meter.gift_links_per_month - used - 1


def redeem_gift(token: str, article, reader_key: str, now=None) -> bool:
    """Whether ``token`` opens ``article`` for this reader now (recording the reader)."""
    if not reader_key or not _TOKEN.fullmatch(token or ""):
        return False  # not a token we could have issued: no database lookup
    now = now or timezone.now()
    link = GiftLink.objects.filter(token=token, article_id=article.pk, expires_at__gt=now).first()
    if link is None:
        return False
    if GiftRedemption.objects.filter(link=link, reader_key=reader_key).exists():
        return True
    cap = meter_settings().gift_link_devices
    try:
        with transaction.atomic():
            serialize(f"masthead.gift:{link.pk}")
            if GiftRedemption.objects.filter(link=link).count() >= cap:
                return False
            GiftRedemption.objects.create(link=link, reader_key=reader_key)
    except IntegrityError:
        return True  # the same reader redeemed it in a parallel request
    return True
