"""Context every reader page needs: the publication's name, navigation, banners."""

from django.conf import settings


def publication(request):
    if request.path.startswith(("/admin/", "/django-admin/", "/static/", "/media/")):
        return {}
    from masthead.engagement.selectors import banners_for

    from .selectors import sections_for_navigation

    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": settings.SITE_URL,
        "nav_sections": sections_for_navigation(),
        "banners": banners_for(request),
    }
