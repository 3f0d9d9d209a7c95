"""Reply e-mails through the task worker: one per reader and thread an hour, with RFC 8058
one-click unsubscribe, and never the reply's text to a reader the article is walled from."""

import json

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client

from masthead.comments.models import Commenter, ReplyNotice
from tests import factories
from tests.comments.support import SECRET, comment, signed_in

pytestmark = pytest.mark.django_db


def _reply(client, article, parent, body):
    return client.post(
        f"/api/v1/articles/{article.pk}/comments/",
        json.dumps({"body": body, "parent": parent.pk}),
        content_type="application/json",
    )


def test_a_reply_mails_the_author_once_an_hour_with_one_click_unsubscribe(
    world, django_capture_on_commit_callbacks
):
    article = factories.article(world, access="free")
    author = factories.user("author@example.org")
    parent = comment(article, author=author, body="Original")
    replier = signed_in(factories.user("replier@example.org", first_name="Ola"))
    with django_capture_on_commit_callbacks(execute=True):
        assert _reply(replier, article, parent, "First reply").status_code == 201
        assert _reply(replier, article, parent, "Second reply").status_code == 201
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["author@example.org"] and "First reply" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert url.startswith(settings.SITE_URL + "/comments/unsubscribe/")
    assert ReplyNotice.objects.count() == 1

    path = url[url.index("/comments/unsubscribe/") :]
    assert Client().get(path).status_code == 200
    assert (
        Commenter.objects.filter(user=author, reply_mail=False).count() == 0
    )  # GET changes nothing
    response = Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert Commenter.objects.get(user=author).reply_mail is False
    assert Client().post("/comments/unsubscribe/forged/").status_code == 400


def test_a_reply_mail_carries_no_text_to_a_walled_reader(world, django_capture_on_commit_callbacks):
    article = factories.article(world, access="subscribers")
    lapsed = factories.user("lapsed@example.org")  # no subscription: walled
    parent = comment(article, author=lapsed, body="Written while subscribed")
    replier = signed_in(factories.subscriber("sub@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        assert _reply(replier, article, parent, f"Quoting the story: {SECRET}").status_code == 201
    assert len(mail.outbox) == 1
    assert SECRET not in mail.outbox[0].body
    assert "/comments/" in mail.outbox[0].body


def test_replying_to_yourself_mails_nobody(world, django_capture_on_commit_callbacks):
    article = factories.article(world, access="free")
    author = factories.user("self@example.org")
    parent = comment(article, author=author)
    with django_capture_on_commit_callbacks(execute=True):
        _reply(signed_in(author), article, parent, "Adding to my own point")
    assert mail.outbox == []
