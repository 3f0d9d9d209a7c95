"""Every way into an account without a password (the README's table "Ways into an account"),
each against reuse, another reader's token, expiry, an account with a password, a staff
account and a forwarded mail — where the door applies. The newsletter opt-in's own cases are in
``tests/members/test_account_takeover.py``."""

import re
import time

import pytest
from django.core import mail
from django.test import Client

from masthead.members.models import ApiToken
from masthead.newsletters.models import Newsletter, Subscription
from masthead.newsletters.services.subscriptions import subscription_set
from masthead.newsletters.tokens import unsubscribe_token
from tests import factories
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a-new-one-for-me-77"


def _ask_code(client, email) -> str:
    mail.outbox.clear()
    assert client.post("/accounts/login/code/", {"email": email}).status_code == 302
    return factories.emailed_code(mail.outbox[-1])


def _bearer(raw) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


# --- Sign-in by e-mailed code (allauth) ------------------------------------------------------


def test_a_sign_in_code_works_once_and_only_in_the_browser_that_asked():
    factories.user("code@example.org")
    browser = Client()
    code = _ask_code(browser, "code@example.org")
    forwarded = Client()  # the mail forwarded, the code typed elsewhere
    forwarded.post("/accounts/login/code/confirm/", {"code": code})
    assert factories.me(forwarded)["status"] == "anonymous"
    assert browser.post("/accounts/login/code/confirm/", {"code": code}).status_code == 302
    assert factories.me(browser)["status"] == "registered"
    browser.post("/accounts/logout/")
    browser.post("/accounts/login/code/confirm/", {"code": code})  # used: gone with the stage
    assert factories.me(browser)["status"] == "anonymous"


def test_another_readers_code_opens_nothing():
    factories.user("ann@example.org")
    factories.user("bob@example.org")
    ann, bob = Client(), Client()
    ann_code = _ask_code(ann, "ann@example.org")
    _ask_code(bob, "bob@example.org")
    bob.post("/accounts/login/code/confirm/", {"code": ann_code})
    assert factories.me(bob)["status"] == "anonymous"


def test_a_sign_in_code_expires(monkeypatch):
    from allauth.account import app_settings

    factories.user("late@example.org")
    browser = Client()
    code = _ask_code(browser, "late@example.org")
    later = time.time() + app_settings.LOGIN_BY_CODE_TIMEOUT + 1
    monkeypatch.setattr(time, "time", lambda: later)
    browser.post("/accounts/login/code/confirm/", {"code": code})
    monkeypatch.undo()
    assert factories.me(browser)["status"] == "anonymous"


def test_a_code_sign_in_to_an_account_with_a_password_keeps_it():
    factories.user("both@example.org")  # verified, with a password
    browser = Client()
    browser.post("/accounts/login/code/confirm/", {"code": _ask_code(browser, "both@example.org")})
    assert factories.me(browser)["status"] == "registered"
    body = {"email": "both@example.org", "password": PASSWORD}
    assert Client().post("/api/v1/tokens/", body, content_type="application/json").status_code == (
        201
    )


# --- Password reset (allauth's link) ---------------------------------------------------------


def _reset_link(email) -> str:
    mail.outbox.clear()
    Client().post("/accounts/password/reset/", {"email": email})
    url = re.search(r"http://\S+/accounts/password/reset/key/\S+/", mail.outbox[-1].body).group(0)
    return url.split("testserver", 1)[-1].replace("http://127.0.0.1:8000", "")


def _use_reset(client, link) -> bool:
    page = client.get(link, follow=True)
    if page.status_code != 200 or b"password1" not in page.content:
        return False
    target = page.redirect_chain[-1][0] if page.redirect_chain else link
    done = client.post(target, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    return done.status_code == 302


def test_a_reset_link_works_once_and_ends_every_api_token():
    reader = factories.user("reset@example.org")
    _, raw = ApiToken.issue(reader)
    link = _reset_link("reset@example.org")
    assert _use_reset(Client(), link)
    assert Client().get("/api/v1/me/", **_bearer(raw)).status_code == 401
    assert not _use_reset(Client(), link)  # the key was made from the old password


def test_another_readers_reset_key_does_not_open_this_account():
    factories.user("ann@example.org")
    bob = factories.user("bob@example.org")
    ann_link = _reset_link("ann@example.org")
    uid_of_bob = re.sub(r"/key/[^-]+-", f"/key/{_base36(bob.pk)}-", ann_link)
    assert not _use_reset(Client(), uid_of_bob)


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


def test_a_reset_link_expires(settings):
    factories.user("slow@example.org")
    link = _reset_link("slow@example.org")
    settings.PASSWORD_RESET_TIMEOUT = -1
    assert not _use_reset(Client(), link)


def test_a_password_change_ends_every_api_token(client):
    reader = factories.user("change@example.org")
    _, raw = ApiToken.issue(reader)
    client.force_login(reader)
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert Client().get("/api/v1/me/", **_bearer(raw)).status_code == 401


# --- Newsletter unsubscribe and preference links: they manage newsletters, never sign in -----


@pytest.fixture
def briefing(db):
    return Newsletter.objects.create(name="Morning Briefing", slug="briefing", sort_order=1)


@pytest.mark.parametrize("who", ["reader", "subscriber", "staff"])
def test_newsletter_links_never_sign_anyone_in(briefing, who):
    reader = {
        "reader": lambda: factories.user("nl@example.org"),
        "subscriber": lambda: factories.subscriber("nl@example.org"),
        "staff": lambda: factories.user("nl@example.org", is_staff=True, is_superuser=True),
    }[who]()
    subscription_set(reader, briefing, True, "page")
    token = unsubscribe_token(reader.pk, briefing.pk)
    forwarded = Client()  # whoever holds the mail
    for path in (f"/newsletters/preferences/{token}/", f"/newsletters/unsubscribe/{token}/"):
        forwarded.get(path)
        forwarded.post(path, {"List-Unsubscribe": "One-Click"})
        forwarded.post(path, {"List-Unsubscribe": "One-Click"})  # again: still only that
        assert factories.me(forwarded)["status"] == "anonymous"
        assert forwarded.get("/account/").status_code == 302  # to the sign-in page
        assert forwarded.get("/admin/").status_code == 302
    assert not Subscription.objects.get().active


def test_another_readers_unsubscribe_link_touches_only_theirs(briefing):
    ann, bob = factories.user("ann@example.org"), factories.user("bob@example.org")
    for reader in (ann, bob):
        subscription_set(reader, briefing, True, "page")
    Client().post(
        f"/newsletters/unsubscribe/{unsubscribe_token(ann.pk, briefing.pk)}/",
        {"List-Unsubscribe": "One-Click"},
    )
    assert not Subscription.objects.get(user=ann).active
    assert Subscription.objects.get(user=bob).active


# --- Gift links: one article, never an account ------------------------------------------------


def test_a_gift_link_opens_its_article_and_no_account(world):
    from masthead.access.gifts import create_gift_link

    giver = factories.subscriber("giver@example.org")
    page = factories.article(world, access="subscribers")
    link, _ = create_gift_link(giver, page)
    friend = Client()
    assert factories.CANARY in friend.get(page.public_path, {"gift": link.token}).content.decode()
    assert factories.me(friend)["status"] == "anonymous"
    assert friend.get("/account/").status_code == 302


# --- API tokens: a password on a proven address, revocable ------------------------------------


def test_an_api_token_is_one_readers_and_dies_when_revoked(client):
    ann, bob = factories.user("ann@example.org"), factories.user("bob@example.org")
    ann_token, ann_raw = ApiToken.issue(ann)
    ApiToken.issue(bob)
    assert Client().get("/api/v1/me/", **_bearer(ann_raw)).json()["email"] == "ann@example.org"
    other = Client().delete(f"/api/v1/tokens/{ann_token.pk}/", **_bearer(ApiToken.issue(bob)[1]))
    assert other.status_code == 404  # bob cannot revoke (or see) ann's token
    assert Client().delete(f"/api/v1/tokens/{ann_token.pk}/", **_bearer(ann_raw)).status_code == 204
    assert Client().get("/api/v1/me/", **_bearer(ann_raw)).status_code == 401
