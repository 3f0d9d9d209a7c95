"""What the reader path leaves to Django: it answers only what it can answer exactly, and
Django's answer is what the reader gets (the test client's counters say who answered)."""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from wagtail.models import PageViewRestriction

from tests import factories
from tests.factories import CANARY
from tests.support.live import signed_in_cookie
from tests.support.readerclient import ReaderClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(world):
    return factories.article(world)


def _get(path, **extra):
    client = ReaderClient()
    response = client.get(path, **extra)
    return client, response


def test_it_answers_a_plain_article(page):
    client, response = _get(page.public_path)
    assert (client.answered, client.passed) == (1, 0)
    assert response.status_code == 200


@pytest.mark.parametrize(
    "path",
    ["/", "/world/", "/world/feed/", "/world/no-such-article/", "/search/", "/topics/x/"],
)
def test_other_pages_go_to_django(page, path):
    client, _ = _get(path)
    assert client.answered == 0


@pytest.mark.parametrize(
    "extra",
    [
        {"QUERY_STRING": "page=2"},
        {"QUERY_STRING": "gift=a&gift=b"},
        {"HTTP_AUTHORIZATION": "Bearer x"},
        {"HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_HOST": "evil.example"},
        {"HTTP_COOKIE": "sessionid=forgedforgedforged"},
        {"HTTP_COOKIE": "csrftoken=short"},
    ],
    ids=["query", "repeated", "authorization", "prefetch", "host", "dead-session", "bad-csrf"],
)
def test_requests_it_cannot_answer_exactly_go_to_django(page, extra):
    client = ReaderClient()
    response = client.generic("GET", page.public_path, **extra)
    assert (client.answered, client.passed) == (0, 1)
    assert response.status_code in (200, 400, 503)


def test_a_session_with_more_than_a_sign_in_goes_to_django(page):
    user = factories.user("busy@example.org")
    cookie = signed_in_cookie(user)
    session = SessionStore(cookie.split("=", 1)[1])
    session["account_login_state"] = {"step": 1}
    session.save()
    client, _ = _get(page.public_path, HTTP_COOKIE=cookie)
    assert client.answered == 0


def test_a_session_whose_password_changed_goes_to_django_which_signs_out(page):
    user = factories.user("changed@example.org")
    cookie = signed_in_cookie(user)
    user.set_password("a whole new password")
    user.save()
    client, response = _get(page.public_path, HTTP_COOKIE=cookie)
    assert client.answered == 0
    assert not SessionStore(cookie.split("=", 1)[1]).exists(cookie.split("=", 1)[1])
    assert "Sign in" in response.content.decode()


def test_a_restricted_article_goes_to_django_and_stays_closed(page):
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    client, response = _get(page.public_path)
    assert client.answered == 0
    assert CANARY not in response.content.decode()


def test_a_post_goes_to_django(page):
    client = ReaderClient()
    client.post(page.public_path, {})
    assert client.answered == 0


def test_after_a_store_or_cache_failure_django_answers_for_a_while(page):
    from masthead import observability

    observability.meter_store_failed()
    client, response = _get(page.public_path)
    assert client.answered == 0 and response.status_code == 200


def test_a_reader_signed_in_through_the_login_form_is_answered(page):
    from tests.factories import PASSWORD

    factories.subscriber("form@example.org")
    client = ReaderClient()
    login = client.post("/accounts/login/", {"login": "form@example.org", "password": PASSWORD})
    assert login.status_code == 302
    response = client.get(page.public_path)
    assert client.answered == 1
    assert CANARY in response.content.decode()
