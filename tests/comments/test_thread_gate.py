"""The thread follows the article's gate: a reader who may not read the whole article sees the
count and a prompt, never a comment's text (a canary in every comment), on the thread part and
the API alike — and loading the thread never spends a free article."""

import pytest
from django.test import Client

from tests import factories
from tests.comments.support import SECRET, comment, signed_in

pytestmark = pytest.mark.django_db


def _thread(client, article, **headers):
    return client.get(f"/comments/{article.pk}/", **headers)


def _walled_anonymous(world):
    client = Client()
    for _ in range(3):
        client.get(factories.article(world).public_path)
    return client


def test_an_anonymous_reader_over_the_meter_sees_the_count_never_a_comment(world):
    article = factories.article(world)
    first = comment(article)
    comment(article, parent=first, body=f"A reply quoting it: {SECRET}")
    client = _walled_anonymous(world)
    page = client.get(article.public_path).content.decode()
    assert 'data-paywall="registration"' in page

    for response in (_thread(client, article), _thread(client, article, HTTP_X_COMMENTS_PART="1")):
        html = response.content.decode()
        assert response.status_code == 200
        assert SECRET not in html
        assert "data-comment=" not in html
        assert 'data-comment-count="2"' in html
        assert "data-comments-gated" in html and "Sign in" in html
        assert response["Cache-Control"].startswith("private")

    api = client.get(f"/api/v1/articles/{article.pk}/comments/")
    assert api.status_code == 200
    assert api.json() == {"count": 2, "gated": True, "open": False, "results": []}
    assert SECRET not in api.content.decode()


def test_a_subscribers_only_article_walls_its_comments_for_a_registered_reader(world):
    article = factories.article(world, access="subscribers")
    comment(article)
    client = signed_in(factories.user("walled@example.org"))
    html = _thread(client, article).content.decode()
    assert SECRET not in html and "data-comments-gated" in html and "Subscribe" in html
    assert client.get(f"/api/v1/articles/{article.pk}/comments/").json()["results"] == []

    subscriber = signed_in(factories.subscriber("paying@example.org"))
    html = _thread(subscriber, article).content.decode()
    assert SECRET in html and "data-comment=" in html
    data = subscriber.get(f"/api/v1/articles/{article.pk}/comments/").json()
    assert data["gated"] is False and data["results"][0]["body"].endswith(SECRET)


def test_loading_the_thread_counts_no_meter_view_and_needs_the_article_opened(world):
    article = factories.article(world)
    comment(article)
    client = Client()
    # Not opened yet: the thread does not open it either, and counts nothing.
    html = _thread(client, article).content.decode()
    assert SECRET not in html and "data-comments-gated" in html
    client.get(f"/api/v1/articles/{article.pk}/comments/")
    assert "mh_device" not in client.cookies  # no device minted, so nothing counted

    client.get(article.public_path)  # the page counts the view ...
    assert _used(client) == 1
    html = _thread(client, article).content.decode()  # ... and then the thread is open
    assert SECRET in html
    client.get(f"/api/v1/articles/{article.pk}/comments/")
    assert _used(client) == 1


def _used(client) -> int:
    return client.get("/api/v1/me/").json()["meter"]["used"]


def test_a_free_article_shows_its_comments_to_everyone(world):
    article = factories.article(world, access="free")
    c = comment(article)
    html = _thread(Client(), article).content.decode()
    assert f'data-comment="{c.pk}"' in html and SECRET in html
    assert "Sign in</a> or" in html  # a prompt, never a form that fails
    assert "<textarea" not in html


def test_the_article_page_links_the_thread_and_holds_no_comment(world):
    article = factories.article(world, access="free")
    comment(article)
    html = Client().get(article.public_path).content.decode()
    assert f'data-comments-src="/comments/{article.pk}/"' in html
    assert f'href="/comments/{article.pk}/"' in html
    assert SECRET not in html
    assert "comments/thread.js" in html


def test_an_unknown_or_unpublished_article_is_a_404(world):
    draft = factories.article(world)
    draft.unpublish()
    assert Client().get(f"/comments/{draft.pk}/").status_code == 404
    assert Client().get("/comments/999999/").status_code == 404
    assert Client().get("/api/v1/articles/999999/comments/").status_code == 404


def test_comments_never_ride_along_on_other_channels(world):
    article = factories.article(world)
    comment(article)
    subscriber = signed_in(factories.subscriber("reads-all@example.org"))
    for path in (
        article.public_path,
        article.public_path + "print/",
        "/feeds/latest/",
        f"/{world.slug}/feed/",
        f"/api/v1/articles/{article.pk}/",
        "/api/v1/articles/",
    ):
        for client in (Client(), subscriber):
            response = client.get(path)
            assert response.status_code == 200, path
            assert SECRET not in response.content.decode(), path
