from django.urls import path

from . import views
from .callouts import views as callout_views

urlpatterns = [
    path("banners/dismiss/", views.dismiss_banner, name="banner-dismiss"),
    path("callouts/<int:callout_id>/answer/", callout_views.answer_callout, name="callout-answer"),
]
