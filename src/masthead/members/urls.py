from django.urls import path

from masthead import converters  # noqa: F401 - registers <id:>

from . import views

app_name = "members"
urlpatterns = [
    path("account/", views.account, name="account"),
    path("account/tokens/", views.create_token, name="token-create"),
    path("account/tokens/<id:token_id>/revoke/", views.revoke_token, name="token-revoke"),
]
