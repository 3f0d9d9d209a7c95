"""``/sitemap.xml``: Wagtail's sitemap with every location on ``MASTHEAD_SITE_URL``.

Wagtail writes each page's full URL from the Site record; the record follows the setting
(``newsroom.site_record``), and this sitemap rebases each location on the setting itself, so
the sitemap is right even before the record has been synced (or behind an https port that the
Site record cannot express).
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
