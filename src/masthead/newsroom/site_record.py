"""Wagtail's Site record follows ``MASTHEAD_SITE_URL``.

Wagtail builds a page's full URL (``get_full_url``, the admin's "view live" links, its
sitemap) from the default Site's hostname and port. Its first migration leaves that record at
``localhost:80``, so this service sets it from the configured base URL; it runs after every
``migrate``, when ``masthead serve`` starts and when the demo is built.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site

logger = logging.getLogger(__name__)


def site_address(url: str) -> tuple[str, int]:
    """The (hostname, port) that make Wagtail's ``Site.root_url`` equal ``url``."""
    parts = urlsplit(url)
    default = 443 if parts.scheme == "https" else 80
    return parts.hostname or "localhost", parts.port or default


def site_record_sync() -> Site | None:
    """Point the default Site at ``settings.SITE_URL``; the root page is left alone."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    hostname, port = site_address(settings.SITE_URL)
    if (site.hostname, site.port) == (hostname, port):
        return site
    if Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).exists():
        logger.warning("another Wagtail site already answers for %s:%s", hostname, port)
        return site
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return site
