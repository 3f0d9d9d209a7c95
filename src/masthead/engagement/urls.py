from django.urls import path

from masthead import converters  # noqa: F401 - registers <id:>

from . import views
from .callouts import views as callout_views

urlpatterns = [
    path("banners/dismiss/", views.dismiss_banner, name="banner-dismiss"),
    path("callouts/<id:callout_id>/answer/", callout_views.answer_callout, name="callout-answer"),
]
