from django.urls import path

from . import views

urlpatterns = [path("banners/dismiss/", views.dismiss_banner, name="banner-dismiss")]
