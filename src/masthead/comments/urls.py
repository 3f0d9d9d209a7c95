from django.urls import path

from masthead import converters  # noqa: F401 - registers <id:>

from . import views

app_name = "comments"
urlpatterns = [
    path("comments/<id:article_id>/", views.thread, name="thread"),
    path("comments/<id:article_id>/<id:comment_id>/like/", views.like, name="like"),
    path("comments/<id:article_id>/<id:comment_id>/report/", views.report, name="report"),
    path("comments/<id:article_id>/<id:comment_id>/edit/", views.edit, name="edit"),
    path("comments/<id:article_id>/<id:comment_id>/delete/", views.delete, name="delete"),
    path("comments/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
