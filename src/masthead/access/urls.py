from django.urls import path

from . import views

urlpatterns = [path("gifts/", views.create_gift, name="gift-create")]
