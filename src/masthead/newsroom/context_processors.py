"""Context every reader page needs: the publication's name and settings, navigation, banners.

Navigation and the publication's settings are cached briefly (and cleared when they change),
so a page view does not query them.
"""

from django.conf import settings

from masthead import caching
from masthead.engagement.selectors import banners_for

from .publication import PUBLICATION_KEY, publication_settings
from .selectors import sections_for_navigation

NAV_KEY = "newsroom:nav:v1"
CACHE_SECONDS = 60
LOCAL_SECONDS = 5


def navigation() -> list[dict]:
    data = caching.get(NAV_KEY, local_seconds=LOCAL_SECONDS)
    if data is None:
        data = [
            {"title": s.title, "slug": s.slug, "public_path": s.public_path}
            for s in sections_for_navigation()
        ]
        caching.set(NAV_KEY, data, CACHE_SECONDS, local_seconds=LOCAL_SECONDS)
    return data


def clear_publication_caches(**kwargs) -> None:
    caching.delete(NAV_KEY, PUBLICATION_KEY)


def publication(request):
    if request.path.startswith(("/admin/", "/static/", "/media/")):
        return {}
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": settings.SITE_URL,
        "publication": publication_settings(),
        "nav_sections": navigation(),
        "banners": banners_for(request),
    }
