from django.urls import path

from . import views

app_name = "newsroom"
urlpatterns = [
    path("topics/<slug:slug>/", views.topic_page, name="topic"),
    path("authors/<slug:slug>/", views.author_page, name="author"),
    path("search/", views.search, name="search"),
]
