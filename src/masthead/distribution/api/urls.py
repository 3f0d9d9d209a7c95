from django.urls import path

from . import views

urlpatterns = [
    path("articles/", views.article_list, name="api-articles"),
    path("articles/<int:article_id>/", views.article_detail_view, name="api-article"),
    path("articles/<int:article_id>/gifts/", views.gifts, name="api-gifts"),
    path("me/", views.me, name="api-me"),
    path("tokens/", views.tokens, name="api-tokens"),
    path("tokens/<int:token_id>/", views.token_revoke, name="api-token"),
    path("openapi.json", views.openapi, name="api-openapi"),
    path("", views.not_found),
    path("<path:rest>", views.not_found),
]
