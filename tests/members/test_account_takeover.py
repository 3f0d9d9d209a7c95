"""Nobody gets into an account by pre-registering its owner's address (issue 19, findings 1, 2
and 4): a proof of the address (a confirmed opt-in, a sign-in code) ends an unproven claim, and
a confirmation link confirms once, signs in nobody with a password, and is worth nothing
forwarded."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.test import Client

from masthead.members.models import ApiToken
from masthead.newsletters.models import Subscription
from tests import factories
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

VICTIM = "victim@example.org"
ATTACKER_PASSWORD = "attacker-chose-this-1"


@pytest.fixture
def daily(db):
    from masthead.newsletters.models import Newsletter

    return Newsletter.objects.create(name="Morning Briefing", slug="briefing", sort_order=1)


def _link(message) -> str:
    url = re.search(r"http://\S+/newsletters/confirm/\S+/", message.body).group(0)
    return url.replace("http://127.0.0.1:8000", "")


def _token_status(email: str, password: str) -> int:
    body = {"email": email, "password": password}
    return Client().post("/api/v1/tokens/", body, content_type="application/json").status_code


def _pre_register(email: str = VICTIM) -> Client:
    """The attacker registers the victim's address with a password of their own."""
    attacker = Client()
    response = attacker.post(
        "/accounts/signup/",
        {"email": email, "password1": ATTACKER_PASSWORD, "password2": ATTACKER_PASSWORD},
    )
    assert response.status_code == 302
    claim = EmailAddress.objects.get(email=email)
    assert not claim.verified and claim.user.has_usable_password()
    return attacker


def _ask_newsletter(client: Client, email: str = VICTIM) -> str:
    before = len(mail.outbox)
    client.post("/newsletters/signup/", {"email": email, "newsletter": "briefing"})
    assert len(mail.outbox) == before + 1
    return _link(mail.outbox[-1])


def test_an_unconfirmed_password_gets_no_api_token(daily):
    _pre_register()
    assert _token_status(VICTIM, ATTACKER_PASSWORD) == 403


def test_confirming_the_optin_ends_the_attackers_claim(daily):
    attacker = _pre_register()
    link = _ask_newsletter(attacker)  # the attacker asks; the mail goes to the victim
    victim = Client()
    victim.get(link)
    assert victim.post(link).status_code == 302
    account = get_user_model().objects.get(email=VICTIM)
    assert EmailAddress.objects.get(email=VICTIM).verified
    assert Subscription.objects.get().user == account
    # The attacker's password works nowhere, and the victim's browser holds no session of it.
    assert not account.has_usable_password()
    assert _token_status(VICTIM, ATTACKER_PASSWORD) == 401
    login = Client().post("/accounts/login/", {"login": VICTIM, "password": ATTACKER_PASSWORD})
    assert login.status_code == 200  # the form again, with an error
    assert (
        factories.me(victim)["status"] == "anonymous"
    )  # the link was not the victim's own request
    assert factories.me(attacker)["status"] == "anonymous"


def test_the_owners_own_optin_signs_them_in_and_the_claim_is_gone(daily):
    _pre_register()
    owner = Client()
    link = _ask_newsletter(owner)
    owner.get(link)
    owner.post(link)
    assert factories.me(owner) | {"meter": None} == {
        "status": "registered",
        "email": VICTIM,
        "meter": None,
    }
    assert _token_status(VICTIM, ATTACKER_PASSWORD) == 401


def test_a_token_the_claimer_got_before_is_revoked(daily):
    attacker = _pre_register()
    user = get_user_model().objects.get(email=VICTIM)
    _, raw = ApiToken.issue(user)  # however it was obtained before the rule existed
    link = _ask_newsletter(attacker)
    Client().post(link)
    response = Client().get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 401


def test_sign_in_by_code_ends_the_claim_too(daily):
    _pre_register()
    mail.outbox.clear()
    victim = Client()
    assert victim.post("/accounts/login/code/", {"email": VICTIM}).status_code == 302
    code = factories.emailed_code(mail.outbox[-1])
    assert victim.post("/accounts/login/code/confirm/", {"code": code}).status_code == 302
    assert factories.me(victim)["status"] == "registered"  # the prover stays signed in
    assert _token_status(VICTIM, ATTACKER_PASSWORD) == 401
    assert not get_user_model().objects.get(email=VICTIM).has_usable_password()


def test_the_registrants_own_code_keeps_their_password(daily):
    registrant = Client()
    registrant.post(
        "/accounts/signup/", {"email": VICTIM, "password1": PASSWORD, "password2": PASSWORD}
    )
    code = factories.emailed_code(mail.outbox[-1])
    response = registrant.post("/accounts/confirm-email/", {"code": code})
    assert response.status_code == 302
    assert EmailAddress.objects.get(email=VICTIM).verified
    assert _token_status(VICTIM, PASSWORD) == 201


def test_an_unproven_second_address_is_taken_off_the_account_that_claimed_it(daily):
    claimer = factories.user("claimer@example.org")
    EmailAddress.objects.create(user=claimer, email=VICTIM, verified=False, primary=False)
    Client().post(_ask_newsletter(Client()))
    owner = EmailAddress.objects.get(email=VICTIM)
    assert owner.verified and owner.user != claimer
    assert Subscription.objects.get().user == owner.user
    assert claimer.emailaddress_set.count() == 1
    assert _token_status("claimer@example.org", PASSWORD) == 201  # the claimer keeps their own


def test_a_staff_account_is_found_and_nothing_else(daily):
    staff = factories.user("desk@example.org", is_staff=True)
    EmailAddress.objects.filter(user=staff).update(verified=False)
    browser = Client()
    link = _ask_newsletter(browser, "desk@example.org")
    response = browser.post(link)
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    staff.refresh_from_db()
    assert staff.has_usable_password() and factories.me(browser)["status"] == "anonymous"
    assert not EmailAddress.objects.get(user=staff).verified


def test_a_link_confirms_once(daily):
    browser = Client()
    link = _ask_newsletter(browser, "once@example.org")
    assert browser.post(link).status_code == 302
    second = Client()
    again = second.post(link)
    assert again.status_code == 400 and b'data-optin-link="used"' in again.content
    assert factories.me(second)["status"] == "anonymous"
    used = browser.get(link)  # GET says so too, and offers no button
    assert used.status_code == 400 and b'data-optin-link="used"' in used.content
    assert b">Confirm</button>" not in used.content
    assert browser.post(link).status_code == 400  # even in the browser that asked


def test_a_forwarded_mail_gives_no_account(daily):
    link = _ask_newsletter(Client(), "fwd@example.org")
    forwardee = Client()
    response = forwardee.post(link)
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    assert Subscription.objects.get().user.email == "fwd@example.org"  # confirmed, once
    assert factories.me(forwardee)["status"] == "anonymous"


def test_another_browsers_nonce_does_not_sign_in(daily):
    link = _ask_newsletter(Client(), "mine@example.org")
    other = Client()
    _ask_newsletter(other, "theirs@example.org")  # the other browser holds a nonce of its own
    other.post(link)
    assert factories.me(other)["status"] == "anonymous"


def test_a_reader_with_a_password_is_never_signed_in_by_the_link(daily):
    factories.subscriber("paying@example.org")
    browser = Client()
    link = _ask_newsletter(browser, "paying@example.org")
    response = browser.post(link)
    assert response.url.startswith("/accounts/login/")
    assert factories.me(browser)["status"] == "anonymous"
    assert Subscription.objects.get().user.email == "paying@example.org"


def test_a_link_older_than_half_an_hour_confirms_but_does_not_sign_in(daily, monkeypatch):
    browser = Client()
    now = signing.time.time()
    monkeypatch.setattr(signing.time, "time", lambda: now - 31 * 60)
    link = _ask_newsletter(browser, "slow@example.org")
    monkeypatch.setattr(signing.time, "time", lambda: now)
    browser.post(link)
    assert Subscription.objects.get().user.email == "slow@example.org"
    assert factories.me(browser)["status"] == "anonymous"
    monkeypatch.setattr(signing.time, "time", lambda: now - 3 * 24 * 3600)
    old = _ask_newsletter(browser, "older@example.org")
    monkeypatch.setattr(signing.time, "time", lambda: now)
    assert browser.post(old).status_code == 400  # two days: not even a confirmation


def test_addresses_alike_in_their_first_150_characters_both_confirm(daily):
    local = "a" * 60
    domain = f"{'b' * 60}.{'c' * 60}"
    first, second = f"{local}@{domain}.example.org", f"{local}@{domain}.example.com"
    assert first[:150] == second[:150] and len(first) > 150
    for address in (first, second):
        browser = Client()
        assert browser.post(_ask_newsletter(browser, address)).status_code == 302
        assert factories.me(browser)["email"] == address
    assert Subscription.objects.count() == 2


def test_a_254_character_address_signs_up_and_signs_in(client, daily):
    address = f"{'c' * 64}@{'d' * 63}.{'e' * 63}.{'f' * 57}.org"
    assert len(address) == 254
    browser = Client()
    browser.post(
        "/accounts/signup/", {"email": address, "password1": PASSWORD, "password2": PASSWORD}
    )
    code = factories.emailed_code(mail.outbox[-1])
    browser.post("/accounts/confirm-email/", {"code": code})
    assert factories.me(browser)["email"] == address
    assert _token_status(address, PASSWORD) == 201
