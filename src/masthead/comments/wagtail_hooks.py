"""Admin wiring for comment moderation: its pages (``admin_views``) and a menu item shown to
moderators only; and the counts on the newsroom's article cards (``article_comment_counts``)."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from masthead import converters  # noqa: F401 - registers <id:>

from . import admin_views
from .selectors import counts_for


@hooks.register("register_admin_urls")
def register_comment_urls():
    return [
        path("comments/", admin_views.QueueView.as_view(), name="comments_admin_queue"),
        path("comments/log/", admin_views.LogView.as_view(), name="comments_admin_log"),
        path(
            "comments/readers/<id:user_id>/",
            admin_views.ReaderView.as_view(),
            name="comments_admin_reader",
        ),
        path(
            "comments/readers/<id:user_id>/<str:action>/",
            admin_views.reader_action,
            name="comments_admin_reader_action",
        ),
        path(
            "comments/<id:comment_id>/<str:action>/",
            admin_views.comment_action,
            name="comments_admin_action",
        ),
    ]


class _ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_moderate(request.user)


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return _ModerationMenuItem(
        "Comments", reverse("comments_admin_queue"), icon_name="comment", order=470
    )


@hooks.register("register_permissions")
def register_moderation_permission():
    return Permission.objects.filter(
        content_type__app_label="comments", codename="moderate_comments"
    )


# The article page's link to its thread (masthead/parts.py): the article is below this app.
@hooks.register("masthead_part:article-end")
def article_comments_link():
    return "comments/parts/article_end.html"


@hooks.register("article_comment_counts")
def article_comment_counts(article_ids):
    """Published comments per article for a list of cards, in one query."""
    return counts_for(article_ids)
