from django.urls import path

from masthead import converters  # noqa: F401 - registers <id:>

from . import comments, newsletters, views

urlpatterns = [
    path("articles/", views.article_list, name="api-articles"),
    path("articles/<id:article_id>/", views.article_detail_view, name="api-article"),
    path("articles/<id:article_id>/gifts/", views.gifts, name="api-gifts"),
    path("articles/<id:article_id>/comments/", comments.article_comments, name="api-comments"),
    path("comments/<id:comment_id>/", comments.comment_detail, name="api-comment"),
    path("comments/<id:comment_id>/likes/", comments.comment_likes, name="api-comment-likes"),
    path("comments/<id:comment_id>/reports/", comments.comment_reports, name="api-comment-reports"),
    path("me/", views.me, name="api-me"),
    path("newsletters/", newsletters.newsletter_list, name="api-newsletters"),
    path("me/newsletters/", newsletters.my_newsletters, name="api-my-newsletters"),
    path("tokens/", views.tokens, name="api-tokens"),
    path("tokens/<id:token_id>/", views.token_revoke, name="api-token"),
    path("openapi.json", views.openapi, name="api-openapi"),
    path("", views.not_found),
    path("<path:rest>", views.not_found),
]
