"""Keep the fast article route and cached navigation in step with what editors publish."""

from django.apps import apps
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from .context_processors import clear_publication_caches
from .models import ArticlePage, PublicationSettings, SectionPage
from .routing import forget_route
from .site_record import site_record_sync


def _page_changed(sender, instance=None, **kwargs):
    page = instance or kwargs.get("page")
    if page is not None:
        forget_route(page)
    clear_publication_caches()


def _page_moving(sender, instance=None, **kwargs):
    if instance is not None:
        forget_route(instance)


def _restriction_changed(sender, instance=None, **kwargs):
    """A view restriction covers the page and everything under it: their routes go at once,
    so the next request falls through to Wagtail, which enforces the restriction."""
    page = getattr(instance, "page", None)
    if page is not None:
        for each in page.get_descendants(inclusive=True).only("url_path"):
            forget_route(each)


def _migrated(sender, using="default", **kwargs):
    """After every ``migrate``, the default Wagtail Site follows ``MASTHEAD_SITE_URL``."""
    if using == "default":
        site_record_sync()


def connect():
    for model in (ArticlePage, SectionPage):
        page_published.connect(_page_changed, sender=model, dispatch_uid=f"pub-{model.__name__}")
        page_unpublished.connect(
            _page_changed, sender=model, dispatch_uid=f"unpub-{model.__name__}"
        )
        post_delete.connect(_page_changed, sender=model, dispatch_uid=f"del-{model.__name__}")
    pre_page_move.connect(_page_moving, dispatch_uid="newsroom-pre-move")
    post_page_move.connect(_page_changed, dispatch_uid="newsroom-post-move")
    post_save.connect(
        clear_publication_caches,
        sender=PublicationSettings,
        dispatch_uid="publication-settings-saved",
    )
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"restriction-{signal is post_save}",
        )
    post_migrate.connect(
        _migrated, sender=apps.get_app_config("newsroom"), dispatch_uid="newsroom-site-record"
    )
