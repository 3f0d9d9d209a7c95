from django.urls import path

from . import views

app_name = "members"
urlpatterns = [
    path("account/", views.account, name="account"),
    path("account/tokens/", views.create_token, name="token-create"),
    path("account/tokens/<int:token_id>/revoke/", views.revoke_token, name="token-revoke"),
]
