"""One throttle for every way of signing in (issue 11, item 3).

Failed password guesses are counted in the shared cache (Redis, or the database cache table
of the embedded default: never one process's memory), whichever door they come through —
``POST /api/v1/tokens/``, ``/admin/login/`` (Wagtail) or ``/accounts/login/`` (allauth):

* an account from one client address: 5 failed guesses per 5 minutes;
* one client address, whatever the accounts: 10 failed guesses a minute;
* an account from every address together: 30 failed guesses an hour.

The client address is ``REMOTE_ADDR``, or with ``MASTHEAD_PROXY_COUNT=N`` the N-th address from
the right of ``X-Forwarded-For``. Sign-in by e-mailed code is never locked by failed passwords.
"""

import re

import pytest
from django.core import mail
from django.test import Client

from masthead.members.signin import ACCOUNT_PER_HOUR, PER_ACCOUNT_AT_ADDRESS, PER_ADDRESS
from tests import factories
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

OWNER = "owner@example.org"


def api(client, password, email=OWNER, **extra):
    return client.post(
        "/api/v1/tokens/",
        {"email": email, "password": password},
        content_type="application/json",
        **extra,
    )


def admin(client, password, email=OWNER, **extra):
    return client.post("/admin/login/", {"username": email, "password": password}, **extra)


def site_login(client, password, email=OWNER, **extra):
    return client.post("/accounts/login/", {"login": email, "password": password}, **extra)


def signed_in(response, door) -> bool:
    if door is api:
        return response.status_code == 201
    return response.status_code == 302


def throttled(response, door) -> bool:
    if door is api:
        return response.status_code == 429 and response.json()["error"]["code"] == (
            "too_many_attempts"
        )
    return response.status_code == 200 and "Too many failed" in response.content.decode()


DOORS = pytest.mark.parametrize("door", [api, admin, site_login], ids=["api", "admin", "allauth"])


@pytest.fixture
def owner(db):
    return factories.user(OWNER, is_staff=True, is_superuser=True)


def test_the_figures():
    assert (PER_ACCOUNT_AT_ADDRESS, PER_ADDRESS, ACCOUNT_PER_HOUR) == (5, 10, 30)


def test_the_throttle_lives_in_a_cache_that_processes_share():
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache
    from django.core.cache.backends.redis import RedisCache

    assert isinstance(caches["default"], DatabaseCache | RedisCache)


@pytest.mark.django_db(transaction=True)
@pytest.mark.xdist_group("live")
def test_guesses_are_counted_across_server_processes():
    """Twelve wrong guesses spread over two worker processes: exactly five are answered."""
    import json
    import urllib.error
    import urllib.request

    from tests.support.live import live_server

    factories.user(OWNER)
    statuses = []
    with live_server(workers=2) as base:
        for _ in range(12):
            request = urllib.request.Request(
                base + "/api/v1/tokens/",
                data=json.dumps({"email": OWNER, "password": "wrong"}).encode(),
                headers={"Content-Type": "application/json", "Connection": "close"},
            )
            try:
                urllib.request.urlopen(request, timeout=10)
            except urllib.error.HTTPError as exc:
                statuses.append(exc.code)
    assert statuses == [401] * PER_ACCOUNT_AT_ADDRESS + [429] * (12 - PER_ACCOUNT_AT_ADDRESS)


@DOORS
def test_five_wrong_guesses_per_account_and_address_then_even_the_right_password_waits(
    client, owner, door
):
    for _ in range(PER_ACCOUNT_AT_ADDRESS):
        response = door(client, "wrong", REMOTE_ADDR="203.0.113.7")
        assert not signed_in(response, door) and not throttled(response, door)
    assert throttled(door(client, "wrong", REMOTE_ADDR="203.0.113.7"), door)
    assert throttled(door(client, PASSWORD, REMOTE_ADDR="203.0.113.7"), door)
    # The owner, from their own address, is not locked out by someone else's guesses.
    assert signed_in(door(client, PASSWORD, REMOTE_ADDR="198.51.100.20"), door)


def test_every_door_counts_against_the_same_throttle(client, owner):
    for door in (api, api, admin, admin, site_login):
        assert not throttled(door(client, "wrong", REMOTE_ADDR="203.0.113.8"), door)
    for door in (api, admin, site_login):
        assert throttled(door(client, PASSWORD, REMOTE_ADDR="203.0.113.8"), door)


def test_one_address_gets_ten_guesses_a_minute_whatever_the_accounts(client, db):
    emails = [f"spray{i}@example.org" for i in range(PER_ADDRESS + 1)]
    for email in emails:
        factories.user(email)
    for email in emails[:PER_ADDRESS]:
        assert api(client, "wrong", email, REMOTE_ADDR="203.0.113.9").status_code == 401
    assert throttled(api(client, "wrong", emails[-1], REMOTE_ADDR="203.0.113.9"), api)
    assert api(client, PASSWORD, emails[-1], REMOTE_ADDR="203.0.113.10").status_code == 201


def test_an_account_gets_thirty_guesses_an_hour_from_all_addresses(client, owner):
    for i in range(ACCOUNT_PER_HOUR):
        assert api(client, "wrong", REMOTE_ADDR=f"10.1.{i}.1").status_code == 401
    assert throttled(api(client, PASSWORD, REMOTE_ADDR="10.2.0.1"), api)


def _code_from_mail() -> str:
    body = mail.outbox[-1].body
    return next(
        line.strip() for line in body.splitlines() if re.fullmatch(r"[A-Z0-9-]{4,12}", line.strip())
    )


def test_the_owner_can_always_sign_in_by_emailed_code(client, owner):
    # An attacker exhausts every password throttle on the account, and asks for codes too.
    for i in range(ACCOUNT_PER_HOUR + 2):
        api(client, "wrong", REMOTE_ADDR=f"10.3.{i}.1")
    for _ in range(5):
        Client().post("/accounts/login/code/", {"email": OWNER}, REMOTE_ADDR="10.3.0.1")
    assert throttled(site_login(client, PASSWORD, REMOTE_ADDR="198.51.100.30"), site_login)
    # The owner, elsewhere, still gets a code and signs in with it.
    owner_client = Client(REMOTE_ADDR="198.51.100.30")
    mail.outbox.clear()
    sent = owner_client.post("/accounts/login/code/", {"email": OWNER})
    assert sent.status_code == 302 and len(mail.outbox) == 1
    confirmed = owner_client.post(sent.url, {"code": _code_from_mail()})
    assert confirmed.status_code == 302
    assert owner_client.session["_auth_user_id"] == str(owner.pk)


def test_forwarded_for_is_ignored_without_a_proxy_count(client, owner, settings):
    settings.MASTHEAD_PROXY_COUNT = 0
    for i in range(PER_ACCOUNT_AT_ADDRESS):
        api(client, "wrong", REMOTE_ADDR="203.0.113.11", HTTP_X_FORWARDED_FOR=f"10.9.9.{i}")
    # A forged X-Forwarded-For does not buy a fresh allowance.
    response = api(client, PASSWORD, REMOTE_ADDR="203.0.113.11", HTTP_X_FORWARDED_FOR="10.9.8.1")
    assert throttled(response, api)


def test_behind_a_proxy_each_reader_has_their_own_allowance(client, owner, settings):
    settings.MASTHEAD_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    for _ in range(PER_ACCOUNT_AT_ADDRESS):
        api(client, "wrong", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.12", **proxy)
    assert throttled(api(client, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.12", **proxy), api)
    # Another reader behind the same proxy; what they put on the left of the header is theirs.
    other = api(client, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.12, 198.51.100.40", **proxy)
    assert other.status_code == 201


@pytest.mark.parametrize("header", ["", "not-an-address", " , "])
def test_a_short_or_broken_forwarded_for_falls_back_to_the_peer(client, owner, settings, header):
    settings.MASTHEAD_PROXY_COUNT = 2
    response = api(client, PASSWORD, REMOTE_ADDR="203.0.113.13", HTTP_X_FORWARDED_FOR=header)
    assert response.status_code == 201
    response = client.post(
        "/accounts/login/",
        {"login": OWNER, "password": PASSWORD},
        REMOTE_ADDR="203.0.113.13",
        HTTP_X_FORWARDED_FOR=header,
    )
    assert response.status_code == 302
