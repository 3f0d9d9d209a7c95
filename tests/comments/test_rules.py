"""Who may comment and where: the editors' choice (registered readers or subscribers), thread
policies per article and per section (open, closed after N days, closed, off), suspensions
and bans; likes once per reader, the author's edit window and delete, staff badges, sorting."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Site

from masthead.comments.editorial import clear_settings_cache
from masthead.comments.models import (
    Comment,
    Commenter,
    CommentLike,
    CommentSettings,
    ThreadPolicy,
)
from tests import factories
from tests.comments.support import comment, signed_in

pytestmark = pytest.mark.django_db


def _settings(**values):
    settings = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    for key, value in values.items():
        setattr(settings, key, value)
    settings.save()
    clear_settings_cache()


def _post(client, article, body="A thought.", **extra):
    data = json.dumps({"body": body, **extra})
    return client.post(
        f"/api/v1/articles/{article.pk}/comments/", data, content_type="application/json"
    )


@pytest.fixture
def free(world):
    return factories.article(world, access="free")


def test_subscribers_only_refuses_registered_readers(free):
    _settings(who_may_comment="subscribers")
    refused = _post(signed_in(factories.user()), free)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "subscribers_only"
    html = signed_in(factories.user()).get(f"/comments/{free.pk}/").content.decode()
    assert "Only subscribers may comment" in html and "<textarea" not in html
    assert _post(signed_in(factories.subscriber()), free).status_code == 201


def test_a_thread_closed_by_policy_shows_comments_but_takes_none(free):
    c = comment(free)
    ThreadPolicy.objects.create(page=free, mode="closed")
    client = signed_in(factories.user())
    html = client.get(f"/comments/{free.pk}/").content.decode()
    assert f'data-comment="{c.pk}"' in html and "closed" in html and "<textarea" not in html
    response = _post(client, free)
    assert response.status_code == 403 and response.json()["error"]["code"] == "comments_closed"


def test_a_section_policy_is_the_default_of_its_articles_and_an_article_wins(world, free):
    ThreadPolicy.objects.create(page=world, mode="off")
    client = signed_in(factories.user())
    assert _post(client, free).json()["error"]["code"] == "comments_off"
    assert "Comments are off" in client.get(f"/comments/{free.pk}/").content.decode()
    ThreadPolicy.objects.create(page=free, mode="open")
    assert _post(client, free).status_code == 201


def test_threads_close_n_days_after_publication(free):
    ThreadPolicy.objects.create(page=free, mode="after", close_after_days=3)
    client = signed_in(factories.user())
    assert _post(client, free, "Early").status_code == 201
    type(free).objects.filter(pk=free.pk).update(
        first_published_at=timezone.now() - timedelta(days=4)
    )
    assert _post(client, free, "Late").json()["error"]["code"] == "comments_closed"


def test_the_site_default_can_close_old_threads(free):
    _settings(close_after_days=1)
    type(free).objects.filter(pk=free.pk).update(
        first_published_at=timezone.now() - timedelta(days=2)
    )
    assert _post(signed_in(factories.user()), free).status_code == 403


def test_suspended_and_banned_readers_may_not_comment(free):
    suspended = factories.user("s@example.org")
    Commenter.objects.create(user=suspended, suspended_until=timezone.now() + timedelta(days=2))
    banned = factories.user("b@example.org")
    Commenter.objects.create(user=banned, banned_at=timezone.now())
    assert _post(signed_in(suspended), free).json()["error"]["code"] == "suspended"
    assert _post(signed_in(banned), free).json()["error"]["code"] == "banned"
    assert not Comment.objects.exists()


def test_likes_count_once_per_reader_and_can_be_taken_back(free):
    c = comment(free)
    client = signed_in(factories.user("fan@example.org"))
    for _ in range(2):
        response = client.post(f"/comments/{free.pk}/{c.pk}/like/", {"like": "1"})
        assert response.status_code == 303
    c.refresh_from_db()
    assert c.like_count == 1 and CommentLike.objects.count() == 1
    html = client.get(f"/comments/{free.pk}/").content.decode()
    assert 'aria-pressed="true"' in html
    client.post(f"/comments/{free.pk}/{c.pk}/like/", {"like": "0"})
    c.refresh_from_db()
    assert c.like_count == 0
    own = signed_in(c.author).post(f"/comments/{free.pk}/{c.pk}/like/", {"like": "1"})
    assert own.status_code == 403


def test_the_author_edits_within_15_minutes_only(free):
    author = factories.user("writer@example.org")
    c = comment(free, author=author, body="Frist")
    client = signed_in(author)
    response = client.post(f"/comments/{free.pk}/{c.pk}/edit/", {"body": "First"})
    assert response.status_code == 303
    c.refresh_from_db()
    assert c.body == "First" and c.edited_at is not None
    Comment.objects.filter(pk=c.pk).update(created_at=timezone.now() - timedelta(minutes=16))
    late = client.post(f"/comments/{free.pk}/{c.pk}/edit/", {"body": "Changed"})
    assert late.status_code == 403
    c.refresh_from_db()
    assert c.body == "First"
    other = signed_in(factories.user("x@example.org"))
    assert other.post(f"/comments/{free.pk}/{c.pk}/edit/", {"body": "Mine now"}).status_code == 403


def test_delete_removes_a_comment_and_keeps_a_placeholder_for_replies(free):
    author = factories.user("writer@example.org")
    lonely = comment(free, author=author, body="Alone")
    parent = comment(free, author=author, body="Has replies")
    reply = comment(free, parent=parent, body="The reply")
    client = signed_in(author)
    assert (
        signed_in(reply.author).post(f"/comments/{free.pk}/{lonely.pk}/delete/").status_code == 403
    )
    client.post(f"/comments/{free.pk}/{lonely.pk}/delete/")
    client.post(f"/comments/{free.pk}/{parent.pk}/delete/")
    assert not Comment.objects.filter(pk=lonely.pk).exists()
    parent.refresh_from_db()
    assert parent.deleted and parent.body == ""
    html = client.get(f"/comments/{free.pk}/").content.decode()
    assert "deleted by its author" in html and "The reply" in html and "Has replies" not in html


def test_staff_comments_carry_a_badge(free):
    staff = factories.user("desk@example.org", is_staff=True)
    comment(free, author=staff, body="From the desk")
    comment(free, body="From a reader")
    html = signed_in(factories.user()).get(f"/comments/{free.pk}/").content.decode()
    assert html.count("data-staff") == 1
    data = signed_in(factories.user()).get(f"/api/v1/articles/{free.pk}/comments/").json()
    assert sorted(c["staff"] for c in data["results"]) == [False, True]


def test_sorting_newest_oldest_and_most_liked(free):
    now = timezone.now()
    old = comment(free, body="old", created_at=now - timedelta(hours=2))
    mid = comment(free, body="mid", created_at=now - timedelta(hours=1), like_count=5)
    new = comment(free, body="new", created_at=now)

    def order(sort):
        data = (
            signed_in(factories.user())
            .get(f"/api/v1/articles/{free.pk}/comments/?sort={sort}")
            .json()
        )
        return [c["id"] for c in data["results"]]

    assert order("newest") == [new.pk, mid.pk, old.pk]
    assert order("oldest") == [old.pk, mid.pk, new.pk]
    assert order("liked") == [mid.pk, new.pk, old.pk]
    assert order("nonsense") == [new.pk, mid.pk, old.pk]
    Comment.objects.filter(pk=old.pk).update(featured=True)
    assert order("newest")[0] == old.pk  # featured comments come first


def test_a_pending_comment_is_seen_by_its_author_only(free):
    author = factories.user("p@example.org")
    comment(free, author=author, body="Awaiting", status="pending")
    mine = signed_in(author).get(f"/comments/{free.pk}/").content.decode()
    assert "Awaiting" in mine and "awaiting moderation" in mine
    theirs = signed_in(factories.user()).get(f"/comments/{free.pk}/").content.decode()
    assert "Awaiting" not in theirs
