"""Comment counts on article cards: the front page, a section, a topic, search and the API's
list show each article's published comments as a number (``data-comment-count``), in one query
for a whole list however long it is, and a walled reader sees the number, never a comment."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.comments.support import SECRET, comment

pytestmark = pytest.mark.django_db


def _with_comments(article, n):
    author = factories.user(f"counter-{article.pk}@example.org")
    first = comment(article, author=author)
    for _ in range(n - 1):
        comment(article, author=author, parent=first)
    # Not counted: waiting for a moderator, rejected, deleted.
    comment(article, author=author, status="pending")
    comment(article, author=author, status="rejected")
    comment(article, author=author, deleted=True)
    return article


def _comment_queries(queries) -> int:
    return sum('"comments_comment"' in sql for sql in queries)


def _walled(world) -> Client:
    client = Client()
    for _ in range(3):
        client.get(factories.article(world).public_path)
    assert (
        'data-paywall="registration"'
        in client.get(factories.article(world).public_path).content.decode()
    )
    return client


def test_every_list_shows_the_published_count_and_no_comment(world):
    topic = factories.topic("Harbours")
    counted = _with_comments(
        factories.article(world, title="Harbour cranes stand idle", topics=[topic]), 3
    )
    quiet = factories.article(world, title="Harbour pilots go quiet", topics=[topic])
    client = _walled(world)
    for path in ("/", world.public_path, f"/topics/{topic.slug}/", "/search/?q=harbour"):
        html = client.get(path).content.decode()
        assert f'href="{counted.public_path}#comments" data-comment-count="3"' in html, path
        assert "3 comments" in html, path
        assert f'href="{quiet.public_path}#comments"' not in html, path
        assert SECRET not in html, path

    results = {a["id"]: a for a in client.get("/api/v1/articles/").json()["results"]}
    assert results[counted.pk]["comment_count"] == 3
    assert results[quiet.pk]["comment_count"] == 0
    assert SECRET not in client.get("/api/v1/articles/").content.decode()


def test_one_comment_says_so_in_the_singular(world):
    _with_comments(factories.article(world), 1)
    html = Client().get(world.public_path).content.decode()
    assert 'data-comment-count="1"' in html and "1 comment<" in html


@pytest.mark.parametrize("path", ["/", "section", "/api/v1/articles/"])
def test_a_list_counts_its_comments_in_one_query_however_many_cards(world, path):
    """Few commented cards or many: the same queries, one of them for the counts (the front
    page starts with a rail, so that both shapes have the same lists)."""
    before, after = (8, 11) if path == "/" else (2, 10)
    path = world.public_path if path == "section" else path
    client = Client()
    for _ in range(before):
        _with_comments(factories.article(world), 2)
    client.get(path)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    few = [q["sql"] for q in ctx.captured_queries]  # read now: the log is a bounded deque
    for _ in range(after - before):
        _with_comments(factories.article(world), 2)
    client.get(path)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    many = [q["sql"] for q in ctx.captured_queries]
    if path.startswith("/api/"):
        shown = [a["comment_count"] for a in response.json()["results"]]
    else:
        shown = [2] * response.content.decode().count('data-comment-count="2"')
    assert shown == [2] * after
    assert [_comment_queries(few), _comment_queries(many)] == [1, 1]
    assert len(many) == len(few)
