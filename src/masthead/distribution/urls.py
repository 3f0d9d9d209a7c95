from django.urls import include, path
from wagtail.contrib.sitemaps.views import sitemap

from . import feeds, views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("news-sitemap.xml", views.news_sitemap, name="news-sitemap"),
    path("feeds/latest/", feeds.LatestFeed(), name="feed-latest"),
    path("api/v1/", include("masthead.distribution.api.urls")),
]
