from django.urls import path

from . import views, webhooks

app_name = "billing"
urlpatterns = [
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/test-checkout/", views.test_checkout, name="test-checkout"),
    path("subscribe/return/", views.checkout_return, name="checkout-return"),
    path("subscribe/<slug:slug>/", views.choose_offer, name="choose"),
    path("account/subscription/cancel/", views.cancel, name="cancel"),
    path("account/subscription/resume/", views.resume, name="resume"),
    path("account/subscription/manage/", views.manage, name="manage"),
    path("webhooks/stripe/", webhooks.stripe_webhook, name="stripe-webhook"),
]
