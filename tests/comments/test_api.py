"""``/api/v1/articles/<id>/comments/``: the thread for apps and posting to it, with the web's
rules and JSON errors (201 / 401 / 403 / 400), validated against the OpenAPI description."""

import json

import pytest
from django.test import Client

from masthead.comments.models import Comment
from masthead.distribution.api.openapi import openapi_document
from tests import factories
from tests.comments.support import comment, signed_in
from tests.distribution.test_openapi import assert_documented

pytestmark = pytest.mark.django_db
PATH = "/api/v1/articles/{id}/comments/"


def _url(article):
    return f"/api/v1/articles/{article.pk}/comments/"


def _post(client, article, data, **extra):
    return client.post(_url(article), json.dumps(data), content_type="application/json", **extra)


@pytest.fixture
def free(world):
    return factories.article(world, access="free")


def test_the_thread_lists_comments_with_their_replies(world, free):
    top = comment(free, body="First thoughts")
    reply = comment(free, parent=top, body="A reply", author=factories.user("b@example.org"))
    comment(free, body="Waiting", status="pending")
    response = Client().get(_url(free))
    data = response.json()
    assert data["count"] == 2 and data["gated"] is False
    assert [c["id"] for c in data["results"]] == [top.pk]
    first = data["results"][0]
    assert first["body"] == "First thoughts" and first["likes"] == 0
    assert first["status"] == "published" and first["author"] == f"Reader {top.author_id}"
    assert [r["id"] for r in first["replies"]] == [reply.pk]
    assert_documented(openapi_document(), PATH, "get", response)


def test_posting_a_comment_and_a_reply(free):
    user = factories.user("poster@example.org", first_name="Mina", last_name="Ode")
    client = signed_in(user)
    response = _post(client, free, {"body": "  A fair point about tariffs.  "})
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["body"] == "A fair point about tariffs." and created["status"] == "published"
    assert created["author"] == "Mina Ode" and created["replies"] == []
    assert_documented(openapi_document(), PATH, "post", response)

    reply = _post(client, free, {"body": "And another.", "parent": created["id"]})
    assert reply.status_code == 201
    assert Comment.objects.get(pk=reply.json()["id"]).parent_id == created["id"]
    # A reply to a reply joins the same top-level comment: one level of replies.
    deeper = _post(client, free, {"body": "Deeper.", "parent": reply.json()["id"]})
    assert Comment.objects.get(pk=deeper.json()["id"]).parent_id == created["id"]


def test_a_double_submit_makes_one_comment(free):
    client = signed_in(factories.user())
    first = _post(client, free, {"body": "Same words"})
    second = _post(client, free, {"body": "Same words"})
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(
    "data,code",
    [
        ({"body": ""}, "empty"),
        ({"body": "   \n "}, "empty"),
        ({}, "empty"),
        ({"body": 42}, "empty"),
        ({"body": "x" * 10_001}, "too_long"),
        ({"body": "fine", "parent": 999999}, "invalid_parent"),
        ({"body": "fine", "parent": "abc"}, "invalid_parent"),
        ({"body": "fine", "parent": [1]}, "invalid_parent"),
    ],
)
def test_bad_bodies_are_400_json_errors_and_create_nothing(free, data, code):
    response = _post(signed_in(factories.user()), free, data)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == code
    assert Comment.objects.count() == 0
    assert_documented(openapi_document(), PATH, "post", response)


def test_ten_thousand_characters_is_the_limit(free):
    response = _post(signed_in(factories.user()), free, {"body": "y" * 10_000})
    assert response.status_code == 201
    too_long = _post(signed_in(factories.user("b@example.org")), free, {"body": "y" * 10_001})
    assert "10,000" in too_long.json()["error"]["message"]


def test_invalid_json_is_a_400(free):
    client = signed_in(factories.user())
    response = client.post(_url(free), "{nope", content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_json"


def test_anonymous_is_401(free):
    response = _post(Client(), free, {"body": "Hello"})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
    assert not Comment.objects.exists()
    assert_documented(openapi_document(), PATH, "post", response)


def test_a_reader_who_may_not_read_the_article_is_403(world):
    article = factories.article(world, access="subscribers")
    response = _post(signed_in(factories.user()), article, {"body": "Hello"})
    assert response.status_code == 403 and response.json()["error"]["code"] == "gated"
    assert not Comment.objects.exists()
    assert_documented(openapi_document(), PATH, "post", response)


def test_a_session_post_needs_the_csrf_token(free):
    client = Client(enforce_csrf_checks=True)
    client.force_login(factories.user())
    response = _post(client, free, {"body": "Hello"})
    assert response.status_code == 403 and response.json()["error"]["code"] == "csrf_failed"
    assert not Comment.objects.exists()


def test_a_bearer_token_posts_without_csrf(free):
    factories.user("app@example.org")
    issued = Client().post(
        "/api/v1/tokens/",
        json.dumps({"email": "app@example.org", "password": factories.PASSWORD}),
        content_type="application/json",
    )
    client = Client(enforce_csrf_checks=True)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {issued.json()['token']}"}
    response = _post(client, free, {"body": "From the app"}, **auth)
    assert response.status_code == 201
    bad = _post(client, free, {"body": "x"}, HTTP_AUTHORIZATION="Bearer nope")
    assert bad.status_code == 401


def test_a_registered_reader_with_free_articles_left_may_post_before_opening(world):
    article = factories.article(world)  # metered
    client = signed_in(factories.user("meter@example.org"))
    response = _post(client, article, {"body": "Posted before reading"})
    assert response.status_code == 201
    # Posting opened nothing: the thread stays closed to them until they read the article.
    assert client.get(_url(article)).json()["gated"] is True
    assert client.get("/api/v1/me/").json()["meter"]["used"] == 0


def test_a_registered_reader_over_the_meter_may_not_post(world):
    client = signed_in(factories.user("walled@example.org"))
    for _ in range(10):
        client.get(factories.article(world).public_path)
    article = factories.article(world)
    assert 'data-paywall="subscription"' in client.get(article.public_path).content.decode()
    response = _post(client, article, {"body": "Let me in"})
    assert response.status_code == 403 and response.json()["error"]["code"] == "gated"
