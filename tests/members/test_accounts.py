"""Accounts: no e-mail enumeration, no open redirects, throttled logins, a fresh session key."""

import pytest
from django.core import mail

from tests import factories
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_password_reset_answers_the_same_whether_or_not_the_email_exists(client):
    factories.user("known@example.org")
    known = client.post("/accounts/password/reset/", {"email": "known@example.org"})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url


def test_signup_with_an_existing_email_does_not_reveal_it(client):
    factories.user("taken@example.org")
    taken = client.post(
        "/accounts/signup/",
        {"email": "taken@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    fresh = client.__class__().post(
        "/accounts/signup/",
        {"email": "fresh@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert taken.status_code == fresh.status_code == 302
    assert taken.url == fresh.url
    # Both addresses get an e-mail; only the owner of each can tell which one it was.
    assert sorted(m.to[0] for m in mail.outbox) == ["fresh@example.org", "taken@example.org"]


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"]
)
def test_login_never_redirects_off_site(client, target):
    factories.user("r@example.org")
    response = client.post(
        f"/accounts/login/?next={target}", {"login": "r@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url.startswith("/") and not response.url.startswith("//")
    assert "evil.example" not in response.url


def test_login_rotates_the_session_key(client):
    factories.user("rotate@example.org")
    client.get("/accounts/login/")
    client.session.save()
    before = client.session.session_key
    client.post("/accounts/login/", {"login": "rotate@example.org", "password": PASSWORD})
    assert client.session.session_key != before


def test_repeated_failed_logins_are_throttled(client):
    factories.user("slow@example.org")
    statuses = [
        client.post(
            "/accounts/login/", {"login": "slow@example.org", "password": "wrong"}
        ).status_code
        for _ in range(8)
    ]
    assert set(statuses) == {200}
    ok = client.post("/accounts/login/", {"login": "slow@example.org", "password": PASSWORD})
    # Still throttled: the right password does not get through until the window passes.
    assert ok.status_code == 200
    assert "Too many failed login attempts" in ok.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_in_by_emailed_code_sends_a_code(client):
    factories.user("code@example.org")
    response = client.post("/accounts/login/code/", {"email": "code@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and "code" in mail.outbox[0].body.lower()
