"""The article path without Wagtail's page routing: ``/<section>/<article>/`` (and ``print/``)
resolve through a small cache to a snapshot, which the view renders through the gate.

Anything that is not a live, public article in a section (section feeds, pages with view
restrictions, previews, unknown paths) falls through to Wagtail's own ``serve`` unchanged.
A publish, unpublish, move or delete clears the page's route at once in the shared cache; with
the per-process cache of the embedded default a route lives ``ROUTE_SECONDS`` at most.
"""

from django.conf import settings
from wagtail.views import serve as wagtail_serve

from masthead import caching

from .models.articles import ArticlePage
from .models.sections import SectionPage
from .reading import ARTICLE_TEMPLATE, PRINT_TEMPLATE, Channel, render_article
from .snapshots import snapshot_for, snapshot_key

ROUTE_SECONDS = 10
ROUTE_LOCAL_SECONDS = 3
MISSING = "-"


def route_key(section: str, slug: str) -> str:
    return f"newsroom:route:v1:{section}:{slug}"


def _lookup(section: str, slug: str):
    parent = SectionPage.objects.filter(slug=section, depth=3).values_list("path", flat=True)
    parent_path = next(iter(parent), None)
    if parent_path is None:
        return None
    return (
        ArticlePage.objects.live()
        .public()
        .filter(slug=slug, depth=4, path__startswith=parent_path)
        .select_related("lead_image", "primary_topic")
        .first()
    )


def article_for_path(section: str, slug: str):
    """A snapshot of the live article at ``/<section>/<slug>/``, or None."""
    key = route_key(section, slug)
    route = caching.get(key, local_seconds=ROUTE_LOCAL_SECONDS)
    if route == MISSING:
        return None
    if route is not None:
        snap = caching.get(snapshot_key(*route))
        if snap is not None:
            return snap
    page = _lookup(section, slug)
    if page is None:
        caching.set(key, MISSING, ROUTE_SECONDS, local_seconds=ROUTE_LOCAL_SECONDS)
        return None
    snap = snapshot_for(page)
    caching.set(key, (snap.pk, snap.marker), ROUTE_SECONDS, local_seconds=ROUTE_LOCAL_SECONDS)
    return snap


def forget_route(page) -> None:
    parts = page.url_path.strip("/").split("/")
    if len(parts) >= 3:
        caching.delete(route_key(parts[-2], parts[-1]))


def article_view(request, section: str, slug: str, print_view: bool = False):
    if settings.MASTHEAD_FAST_ARTICLES and request.method in ("GET", "HEAD"):
        snap = article_for_path(section, slug)
        if snap is not None:
            if print_view:
                return render_article(request, snap, PRINT_TEMPLATE, Channel.PRINT)
            return render_article(request, snap, ARTICLE_TEMPLATE)
    return wagtail_serve(request, request.path.lstrip("/"))
