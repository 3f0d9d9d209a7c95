"""Crawler and operator endpoints: health, robots.txt, the favicon, the news sitemap."""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from masthead.newsroom.selectors import attach_sections, live_articles


@require_safe
def healthz(request):
    status = {"database": "ok", "cache": "absent"}
    code = 200
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        status["database"] = "down"
        code = 503
    if settings.REDIS_URL:
        # Redis is a required service when it is configured: without it the meter follows
        # MASTHEAD_METER_FAILURE and pages are rebuilt per request, so the site is degraded.
        ping = getattr(cache, "ping", None)
        up = ping() if ping is not None else cache.get("healthz") is not None
        status["cache"] = "ok" if up else "down"
        if not up:
            code = 503
    response = JsonResponse(status, status=code)
    response["Cache-Control"] = "no-store"
    return response


@require_safe
@cache_control(public=True, max_age=86400)
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links: send them to our SVG mark."""
    return HttpResponsePermanentRedirect(static("masthead/favicon.svg"))


@require_safe
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /account/",
        "Disallow: /accounts/",
        "Disallow: /api/",
        "Disallow: /search/",
        "Disallow: /*/print/",
        "",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
        f"Sitemap: {settings.SITE_URL}/news-sitemap.xml",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(public=True, max_age=300)
def news_sitemap(request):
    """Google News sitemap: articles of the last two days, sponsored content left out."""
    since = timezone.now() - timedelta(days=2)
    articles = attach_sections(
        live_articles().filter(first_published_at__gte=since, sponsor="")[:1000]
    )
    return TemplateResponse(
        request,
        "distribution/news_sitemap.xml",
        {"articles": articles},
        content_type="application/xml; charset=utf-8",
    )
