from django.urls import include, path

from . import feeds, views
from .sitemaps import section_sitemap, site_sitemap

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", site_sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", section_sitemap, name="sitemap-section"),
    path("news-sitemap.xml", views.news_sitemap, name="news-sitemap"),
    path("feeds/latest/", feeds.LatestFeed(), name="feed-latest"),
    path("<slug:section>/feed/", feeds.SectionFeed(), name="feed-section"),
    path("api/v1/", include("masthead.distribution.api.urls")),
]
