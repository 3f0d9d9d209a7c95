from django.urls import path

from . import gift_views, views

app_name = "newsroom"
urlpatterns = [
    path("topics/<slug:slug>/", views.topic_page, name="topic"),
    path("authors/<slug:slug>/", views.author_page, name="author"),
    path("search/", views.search, name="search"),
    path("gifts/", gift_views.create_gift, name="gift-create"),
]
