"""The comment settings in force (``CommentSettings`` of the default site), cached briefly and
forgotten when an editor saves them (``apps.CommentsConfig.ready``)."""

from wagtail.models import Site

from masthead import caching

from .models import CommentSettings

SECONDS = 30
LOCAL_SECONDS = 5
_KEY = "comments:settings:v1"


def comment_settings() -> CommentSettings:
    found = caching.get(_KEY, local_seconds=LOCAL_SECONDS)
    if found is None:
        site = Site.objects.filter(is_default_site=True).first()
        found = CommentSettings.for_site(site) if site else CommentSettings()
        caching.set(_KEY, found, SECONDS, local_seconds=LOCAL_SECONDS)
    return found


def clear_settings_cache(**kwargs) -> None:
    caching.delete(_KEY)


def words(text: str) -> list[str]:
    """The non-empty lines of a word list, lower-cased."""
    return [line.strip().lower() for line in text.splitlines() if line.strip()]
