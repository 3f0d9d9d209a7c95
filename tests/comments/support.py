"""Builders for comment tests: comments made straight in the database (so a test of reading
does not depend on the posting rules) and a signed-in client."""

from django.test import Client
from django.utils import timezone

from masthead.comments.models import Comment
from tests import factories

SECRET = "COMMENT-CANARY-41b7-QUOTES-GATED-TEXT"


def comment(article, author=None, body=None, parent=None, status="published", **extra):
    author = author or factories.user("commenter@example.org")
    return Comment.objects.create(
        article_id=article.pk,
        author=author,
        parent=parent,
        body=body or f"A reader's view. {SECRET}",
        status=status,
        created_at=extra.pop("created_at", None) or timezone.now(),
        **extra,
    )


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client
