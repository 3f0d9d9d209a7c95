from django.urls import path

from . import tracking, unsubscribe, views

app_name = "newsletters"
urlpatterns = [
    path("newsletters/", views.newsletter_index, name="index"),
    path("newsletters/signup/", views.newsletter_signup, name="signup"),
    path("newsletters/confirm/<str:token>/", views.newsletter_confirm, name="confirm"),
    path("newsletters/unsubscribe/<str:token>/", unsubscribe.unsubscribe, name="unsubscribe"),
    path("newsletters/preferences/<str:token>/", unsubscribe.preferences, name="preferences"),
    path("newsletters/o/<str:token>.gif", tracking.open_pixel, name="open"),
    path("newsletters/c/<str:token>/", tracking.click, name="click"),
    path("newsletters/<slug:slug>/toggle/", views.newsletter_toggle, name="toggle"),
]
