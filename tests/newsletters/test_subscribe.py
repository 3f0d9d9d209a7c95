"""Subscribing: /newsletters/, the double opt-in by e-mail, the sign-up form, the account page,
the wall's box, and the refusal of subscribers-only newsletters to everyone else."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from masthead.events.models import ReaderEvent
from masthead.newsletters.models import Source, Subscription, SubscriptionEvent
from tests import factories

pytestmark = pytest.mark.django_db


def _link(mail) -> str:
    return re.search(r"http://\S+/newsletters/confirm/\S+/", mail.body).group(0)


def test_page_lists_every_active_newsletter_with_a_form_each(client, daily, weekly):
    weekly_archived = type(weekly).objects.create(name="Old", slug="old", active=False)
    html = client.get("/newsletters/").content.decode()
    assert 'data-newsletter="briefing"' in html
    assert 'data-newsletter="weekly"' in html
    assert f'data-newsletter="{weekly_archived.slug}"' not in html


def test_email_signup_is_double_opt_in_and_signs_the_reader_in(client, daily, mailoutbox, world):
    for _ in range(2):  # the device reads two articles first
        client.get(factories.article(world).public_path)
    response = client.post(
        "/newsletters/signup/", {"email": "New@Example.org", "newsletter": "briefing"}
    )
    assert response.status_code == 302
    assert not Subscription.objects.exists()  # nothing before the link is followed
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["new@example.org"]
    path = _link(mailoutbox[0]).replace("http://127.0.0.1:8000", "")
    page = client.get(path)  # a mail scanner following the link changes nothing
    assert page.status_code == 200 and b">Confirm</button>" in page.content
    assert not get_user_model().objects.exists() and not Subscription.objects.exists()
    assert client.get("/api/v1/me/").json()["status"] == "anonymous"
    response = client.post(path)
    assert response.status_code == 302
    sub = Subscription.objects.get()
    assert (sub.user.email, sub.newsletter, sub.source) == ("new@example.org", daily, "page")
    assert not sub.user.has_usable_password()
    me = client.get("/api/v1/me/").json()
    assert me["status"] == "registered"
    assert me["meter"]["used"] == 2  # the device's views joined the account like any sign-in


def test_confirmation_finds_an_existing_reader(client, daily, mailoutbox):
    reader = factories.user("known@example.org")
    client.post("/newsletters/signup/", {"email": "known@example.org", "newsletter": "briefing"})
    client.post(_link(mailoutbox[0]).replace("http://127.0.0.1:8000", ""))
    assert Subscription.objects.get().user == reader


def test_a_forged_or_damaged_confirmation_link_is_refused(client, daily, mailoutbox):
    client.post("/newsletters/signup/", {"email": "x@example.org", "newsletter": "briefing"})
    path = _link(mailoutbox[0]).replace("http://127.0.0.1:8000", "")
    assert client.get(path[:-3] + "xx/").status_code == 400
    assert client.post(path[:-3] + "xx/").status_code == 400
    assert client.post("/newsletters/confirm/nonsense/").status_code == 400
    assert not Subscription.objects.exists()


def test_bad_signups_get_clear_json_errors(client, daily, weekly):
    json = {"HTTP_ACCEPT": "application/json"}
    bad = client.post("/newsletters/signup/", {"email": "nope", "newsletter": "briefing"}, **json)
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_email"
    unknown = client.post("/newsletters/signup/", {"email": "a@b.org", "newsletter": "x"}, **json)
    assert unknown.status_code == 400
    locked = client.post(
        "/newsletters/signup/", {"email": "a@b.org", "newsletter": "weekly"}, **json
    )
    assert locked.status_code == 403
    assert locked.json()["error"]["code"] == "subscribers_only"
    assert client.get("/newsletters/signup/").status_code == 405


def test_signed_in_toggle_records_history(client, daily):
    reader = factories.user()
    client.force_login(reader)
    client.post("/newsletters/briefing/toggle/", {"subscribe": "1", "source": "account"})
    client.post("/newsletters/briefing/toggle/", {"subscribe": "0", "source": "account"})
    assert not Subscription.objects.get(user=reader).active
    events = list(SubscriptionEvent.objects.order_by("at", "pk").values_list("action", "source"))
    assert events == [("subscribed", "account"), ("unsubscribed", "account")]


def test_subscribers_only_newsletter_is_refused_to_registered_readers(client, weekly):
    client.force_login(factories.user())
    response = client.post("/newsletters/weekly/toggle/", {"subscribe": "1"}, follow=True)
    assert "for subscribers only" in response.content.decode()
    assert not Subscription.objects.exists()
    client.force_login(factories.subscriber())
    client.post("/newsletters/weekly/toggle/", {"subscribe": "1"})
    assert Subscription.objects.filter(active=True).count() == 1


def test_signup_form_has_one_box_per_free_newsletter_and_subscribes(client, daily, weekly):
    html = client.get("/accounts/signup/").content.decode()
    assert 'value="briefing"' in html and "checked" in html
    assert 'value="weekly"' not in html  # a new reader is not a subscriber
    client.post(
        "/accounts/signup/",
        {
            "email": "fresh@example.org",
            "password1": factories.PASSWORD,
            "password2": factories.PASSWORD,
            "newsletters": ["briefing"],
        },
    )
    sub = Subscription.objects.get()
    assert (sub.user.email, sub.source) == ("fresh@example.org", Source.SIGNUP)


def test_account_page_shows_the_toggles(client, daily, weekly):
    client.force_login(factories.user())
    html = client.get("/account/").content.decode()
    assert 'id="newsletters"' in html
    assert 'data-newsletter="briefing"' in html
    assert "subscribe to receive it" in html  # weekly, for a registered reader


def test_registration_wall_offers_the_free_newsletter(client, daily, world):
    for _ in range(3):
        client.get(factories.article(world).public_path)
    html = client.get(factories.article(world).public_path).content.decode()
    assert 'data-paywall="registration"' in html
    box = html[html.index('data-paywall="registration"') :]
    assert 'data-newsletter="briefing"' in box and 'name="source" value="wall"' in box


def test_api_lists_and_replaces_subscriptions(client, daily, weekly):
    listed = client.get("/api/v1/newsletters/").json()["results"]
    assert [(n["slug"], n["visibility"]) for n in listed] == [
        ("briefing", "registered"),
        ("weekly", "subscribers"),
    ]
    assert client.get("/api/v1/me/newsletters/").status_code == 401
    reader = factories.user()
    client.force_login(reader)
    put = client.put(
        "/api/v1/me/newsletters/", {"subscribed": ["briefing"]}, content_type="application/json"
    )
    assert put.status_code == 200 and put.json() == {"subscribed": ["briefing"]}
    refused = client.put(
        "/api/v1/me/newsletters/",
        {"subscribed": ["briefing", "weekly"]},
        content_type="application/json",
    )
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "subscribers_only"
    assert client.get("/api/v1/me/newsletters/").json() == {"subscribed": ["briefing"]}
    bad = client.put("/api/v1/me/newsletters/", "[1]", content_type="application/json")
    assert bad.status_code == 400
    assert Subscription.objects.get().source == Source.API


def test_a_sign_up_is_a_reader_event_for_the_funnel(client, daily):
    reader = factories.user()
    client.force_login(reader)
    client.post("/newsletters/briefing/toggle/", {"subscribe": "1"})
    event = ReaderEvent.objects.get(kind="newsletter_signup")
    assert (event.reader_key, event.ref) == (f"u:{reader.pk}", "briefing")


def test_confirming_needs_the_confirm_pages_csrf_token(daily, mailoutbox):
    browser = Client(enforce_csrf_checks=True)
    browser.post("/newsletters/signup/", {"email": "c@example.org", "newsletter": "briefing"})
    path = _link(mailoutbox[0]).replace("http://127.0.0.1:8000", "")
    assert browser.post(path).status_code == 403  # a forged cross-site POST
    assert not Subscription.objects.exists()
    page = browser.get(path).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert browser.post(path, {"csrfmiddlewaretoken": token}).status_code == 302
    sub = Subscription.objects.get()
    assert sub.user.email == "c@example.org"
    event = ReaderEvent.objects.get(kind="newsletter_signup")  # the opt-in path records it too
    assert (event.reader_key, event.ref) == (f"u:{sub.user.pk}", "briefing")
