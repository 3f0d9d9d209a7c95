"""The publication's own settings (tagline, contact, share tags), cached briefly.

Kept apart from the context processors so that the article path (``newsroom.reading``) can read
them without importing the page models' selectors.
"""

from wagtail.models import Site

from masthead import caching

from .models.settings import PublicationSettings

PUBLICATION_KEY = "newsroom:publication:v1"
CACHE_SECONDS = 60
LOCAL_SECONDS = 5


def publication_settings() -> dict:
    data = caching.get(PUBLICATION_KEY, local_seconds=LOCAL_SECONDS)
    if data is None:
        site = Site.objects.filter(is_default_site=True).first()
        obj = PublicationSettings.for_site(site) if site else PublicationSettings()
        data = {
            "tagline": obj.tagline,
            "description": obj.description,
            "contact_email": obj.contact_email,
            "share_campaign_tags": obj.share_campaign_tags,
        }
        caching.set(PUBLICATION_KEY, data, CACHE_SECONDS, local_seconds=LOCAL_SECONDS)
    return data
