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


# Admin, static and media requests skip the reader context (no navigation or banner
# lookups), but their error pages extend base.html, so they get its names, empty.
# (A filter argument such as ``default:publication.tagline`` must exist, so the keys are there.)
BARE_PUBLICATION = {
    "tagline": "",
    "description": "",
    "contact_email": "",
    "share_campaign_tags": "",
}
BARE_CONTEXT = {"publication": BARE_PUBLICATION, "nav_sections": [], "banners": []}


def publication(request):
    if request.path.startswith(("/admin/", "/static/", "/media/")):
        return {
            "site_name": settings.WAGTAIL_SITE_NAME,
            "site_url": settings.SITE_URL,
            **BARE_CONTEXT,
        }
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": settings.SITE_URL,
        "publication": publication_settings(),
        "nav_sections": navigation(),
        "banners": banners_for(request),
    }
