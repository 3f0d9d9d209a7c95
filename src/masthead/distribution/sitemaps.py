"""``/sitemap.xml``: Wagtail's sitemap with every location on ``MASTHEAD_SITE_URL``.

Wagtail writes each page's full URL from the Site record; the record follows the setting
(``newsroom.site_record``), and this sitemap rebases each location on the setting itself, so
the sitemap is right even before the record has been synced (or behind an https port that the
Site record cannot express).

A sitemap holds at most 50,000 URLs (``Sitemap.limit``, the protocol's limit); past that
Django's view serves further pages as ``/sitemap.xml?p=2``..., and robots.txt names every page
(``sitemap_urls``).
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap


def on_site_url(url: str) -> str:
    parts = urlsplit(url)
    return settings.SITE_URL + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


class SiteURLSitemap(Sitemap):
    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for info in urls:
            info["location"] = on_site_url(info["location"])
        return urls


def site_sitemap(request):
    return sitemap(request, sitemaps={"pages": SiteURLSitemap})


def sitemap_urls(request) -> list[str]:
    """The absolute URL of each page of ``/sitemap.xml``: one for up to ``limit`` locations."""
    pages = SiteURLSitemap(request).paginator.num_pages
    base = f"{settings.SITE_URL}/sitemap.xml"
    return [base] + [f"{base}?p={n}" for n in range(2, pages + 1)]
