"""The wall's own route: its links' click counter (``clicks``)."""

from django.urls import path

from . import clicks

app_name = "access"
urlpatterns = [
    path("wall/click/", clicks.wall_click, name="wall-click"),
]
