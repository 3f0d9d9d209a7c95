"""Context every reader page needs: the publication's name and settings, navigation, banners.

Navigation and the publication's settings are cached briefly (and cleared when they change),
so a page view does not query them.
"""

from django.conf import settings
from django.core.cache import cache

NAV_KEY = "newsroom:nav:v1"
PUBLICATION_KEY = "newsroom:publication:v1"
CACHE_SECONDS = 60


def publication_settings() -> dict:
    data = cache.get(PUBLICATION_KEY)
    if data is None:
        from wagtail.models import Site

        from .models import PublicationSettings

        site = Site.objects.filter(is_default_site=True).first()
        obj = PublicationSettings.for_site(site) if site else PublicationSettings()
        data = {
            "tagline": obj.tagline,
            "description": obj.description,
            "contact_email": obj.contact_email,
            "share_campaign_tags": obj.share_campaign_tags,
        }
        cache.set(PUBLICATION_KEY, data, CACHE_SECONDS)
    return data


def navigation() -> list[dict]:
    data = cache.get(NAV_KEY)
    if data is None:
        from .selectors import sections_for_navigation

        data = [
            {"title": s.title, "slug": s.slug, "public_path": s.public_path}
            for s in sections_for_navigation()
        ]
        cache.set(NAV_KEY, data, CACHE_SECONDS)
    return data


def clear_publication_caches(**kwargs) -> None:
    cache.delete_many([NAV_KEY, PUBLICATION_KEY])


def publication(request):
    if request.path.startswith(("/admin/", "/static/", "/media/")):
        return {}
    from masthead.engagement.selectors import banners_for

    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": settings.SITE_URL,
        "publication": publication_settings(),
        "nav_sections": navigation(),
        "banners": banners_for(request),
    }
