"""The demo's comments (CONTRACT.md, demo comments): threads with replies on at least three
articles, one subscribers-only; the moderation queue holds a pending and a reported comment; a
suspended reader; registered readers may comment; the build prints where to see them."""

import json

import pytest
from django.test import Client

from masthead.comments.models import Comment, Commenter, CommentReport, ModerationLog
from masthead.newsroom.models import ArticlePage

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]


def _signed_in(email):
    client = Client()
    assert client.login(username=email, password="masthead-demo")
    return client


def test_threads_with_replies_on_three_articles_one_subscribers_only(demo):
    with_replies = set(
        Comment.objects.filter(parent__isnull=False, status="published").values_list(
            "article_id", flat=True
        )
    )
    articles = ArticlePage.objects.filter(pk__in=with_replies)
    assert articles.count() >= 3
    assert articles.filter(access="subscribers").exists()


def test_the_queue_holds_a_pending_and_a_reported_comment_and_a_reader_is_suspended(demo):
    assert Comment.objects.filter(status="pending").exists()
    assert CommentReport.objects.filter(resolved_at__isnull=True).exists()
    assert Commenter.objects.filter(suspended_until__isnull=False).exists()
    assert ModerationLog.objects.filter(action="suspend").exists()
    queue = _signed_in("editor@example.com").get("/admin/comments/").content.decode()
    assert 'data-status="pending"' in queue and "data-report-reason" in queue
    assert "/admin/comments/" in demo and "#comments" in demo


def test_the_demo_reader_may_comment_and_the_subscriber_reads_the_walled_thread(demo):
    article = ArticlePage.objects.get(slug="patient-money-for-ports-and-grids")
    reader = _signed_in("reader@example.com")
    response = reader.post(
        f"/api/v1/articles/{article.pk}/comments/",
        json.dumps({"body": "A new thought from the demo reader."}),
        content_type="application/json",
    )
    assert response.status_code == 201
    walled = ArticlePage.objects.get(slug="central-banks-should-forecast-less")
    assert reader.get(f"/api/v1/articles/{walled.pk}/comments/").json()["results"] == []
    data = _signed_in("subscriber@example.com").get(f"/comments/{walled.pk}/")
    assert data.content.decode().count("data-comment=") >= 2
