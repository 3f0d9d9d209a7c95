"""``/sitemap.xml``: Wagtail's sitemap with every location on ``MASTHEAD_SITE_URL``.

Wagtail writes each page's full URL from the Site record; the record follows the setting
(``newsroom.site_record``), and this sitemap rebases each location on the setting itself, so
the sitemap is right even before the record has been synced (or behind an https port that the
Site record cannot express).

A sitemap may hold 50,000 URLs (the protocol's limit); ours hold ``LIMIT`` (10,000). Up to
that, ``/sitemap.xml`` is the list of URLs itself; past it, ``/sitemap.xml`` is a sitemap index
(Django's ``index`` view) naming ``/sitemap-pages.xml``, ``/sitemap-pages.xml?p=2``... on
``MASTHEAD_SITE_URL``, so robots.txt keeps naming the one ``/sitemap.xml`` and never reads the
database. The index costs one count of the live pages (one paginator per request); it
carries no ``lastmod`` (Django's default would load every page to find the latest).

Why 10,000: each location costs about 0.2 ms of CPU (Wagtail's specific page and its URL),
and Django runs in one thread per server process, so a page of the sitemap holds that
process for its whole render. At 100,000 articles on PostgreSQL (2026-12-01, load 6), a page
of 50,000 URLs took 9.9 s of CPU and 22-25 s (7 MB); one of 10,000 takes 1.9-2.1 s of CPU
and 2.4-6 s (1.4 MB), in 10 queries (19 on a process's first request) at any size.
"""

from functools import cached_property
from urllib.parse import urlsplit

from django.conf import settings
from django.core.paginator import Paginator
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import index, sitemap

SECTION = "pages"  # /sitemap-pages.xml
LIMIT = 10_000


def on_site_url(url: str) -> str:
    parts = urlsplit(url)
    return settings.SITE_URL + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


class SiteURLSitemap(Sitemap):
    limit = LIMIT

    @cached_property
    def paginator(self) -> Paginator:
        # Django's is a property: a new paginator, so a new count, at every use.
        return Paginator(self._items(), self.limit)

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for info in urls:
            info["location"] = on_site_url(info["location"])
        return urls

    def get_latest_lastmod(self):
        return None


@require_safe
def site_sitemap(request):
    """The URLs themselves while they fit in one sitemap, else the index of its pages."""
    pages = SiteURLSitemap(request)
    if pages.paginator.num_pages <= 1 or "p" in request.GET:
        # ?p= on /sitemap.xml: pages were served here before the index existed.
        return sitemap(request, sitemaps={SECTION: pages})
    response = index(request, sitemaps={SECTION: pages}, sitemap_url_name="sitemap-section")
    for item in response.context_data["sitemaps"]:
        item.location = on_site_url(item.location)
    return response


@require_safe
def section_sitemap(request, section: str):
    """One page (``?p=N``) of a section of the index: ``/sitemap-pages.xml``."""
    return sitemap(request, sitemaps={SECTION: SiteURLSitemap}, section=section)
