"""URLs: reader views first, then Wagtail's page tree as the catch-all."""

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from masthead.distribution import urls as distribution_urls
from masthead.metrics import metrics_view
from masthead.newsroom import urls as newsroom_urls
from masthead.newsroom.routing import article_view

handler500 = "masthead.faults.server_error"
MEDIA_MAX_AGE = 30 * 24 * 3600

urlpatterns = [
    path("metrics", metrics_view, name="metrics"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("", include(distribution_urls)),
    path("", include(newsroom_urls)),
    path("", include("masthead.engagement.urls")),
    path("", include("masthead.billing.urls")),
    path("", include("masthead.access.urls")),
    path("", include("masthead.members.urls")),
    path("", include("masthead.newsletters.urls")),
    path("", include("masthead.comments.urls")),
]
# Bounce and complaint webhooks of the e-mail provider, behind anymail's basic auth.
urlpatterns.append(path("anymail/", include("masthead.newsletters.webhooks")))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
else:
    from django.urls import re_path
    from django.views.decorators.cache import cache_control
    from django.views.static import serve as serve_static

    # Uploaded images are served by the app in the embedded default; put a reverse proxy or
    # object storage in front of MEDIA_URL when the publication grows (README, Operations).
    # Renditions are written once under a name of their own: browsers may keep them 30 days.
    serve_media = cache_control(public=True, max_age=MEDIA_MAX_AGE)(serve_static)
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT})
    ]

urlpatterns += [
    # Articles take the fast route (no page-tree walk); anything else falls through to Wagtail.
    path("<slug:section>/<slug:slug>/", article_view),
    path("<slug:section>/<slug:slug>/print/", article_view, {"print_view": True}),
    path("", include(wagtail_urls)),
]
