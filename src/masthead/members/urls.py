from django.urls import path

from masthead import converters  # noqa: F401 - registers <id:>

from . import gifts, views

app_name = "members"
urlpatterns = [
    path("account/", views.account, name="account"),
    path("gifts/", gifts.create_gift, name="gift-create"),
    path("account/tokens/", views.create_token, name="token-create"),
    path("account/tokens/<id:token_id>/revoke/", views.revoke_token, name="token-revoke"),
]
