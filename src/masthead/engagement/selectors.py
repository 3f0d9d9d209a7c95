"""Which banners a page shows: live, in their window, site-wide or for the page's section."""

from django.db.models import Q
from django.utils import timezone

from masthead import caching

from .dismissals import dismissed_keys
from .models import Banner
from .promotion_banner import promotion_banner

CACHE_SECONDS = 30
CACHE_KEY = "engagement:banners:v1"


def clear_banner_cache(**kwargs) -> None:
    caching.delete(CACHE_KEY)


def live_banners(now=None) -> list[Banner]:
    now = now or timezone.now()
    banners = caching.get(CACHE_KEY, local_seconds=5)
    if banners is None:
        banners = list(
            Banner.objects.filter(live=True)
            .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
            .select_related("section")
            .order_by("-starts_at", "-id")[:10]
        )
        caching.set(CACHE_KEY, banners, CACHE_SECONDS, local_seconds=5)
    return [
        b
        for b in banners
        if (b.starts_at is None or b.starts_at <= now) and (b.ends_at is None or b.ends_at > now)
    ]


def banners_for(request) -> list:
    path = request.path
    dismissed = dismissed_keys(request)
    shown = []
    promotion = promotion_banner()
    if promotion is not None:
        shown.append(promotion)
    for banner in live_banners():
        if banner.section_id and not path.startswith(f"/{banner.section.slug}/"):
            continue
        if banner.dismissible and banner.dismiss_key in dismissed:
            continue
        shown.append(
            {
                "key": banner.dismiss_key,
                "text": banner.text,
                "link_url": banner.link_url,
                "link_text": banner.link_text,
                "dismissible": banner.dismissible,
                "kind": "announcement",
            }
        )
    return shown
