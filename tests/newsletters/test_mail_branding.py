"""Mail in the publication's name (issue 24, item 13): allauth's account mails carry the site's
name, not the request's host ("[127.0.0.1:8123] Please Confirm Your Email Address"); the opt-in,
account and billing mails come from "Site name <address>" with a Message-ID of the site's
domain (not Django's ``@localhost``); the newsletter's layout is tables that Outlook for
Windows keeps, and its preheader is hidden without a text colour matching its background."""

import re
from email import message_from_bytes
from urllib.parse import urlsplit

import pytest
from django.core import mail

from masthead.billing.models import Subscription
from masthead.billing.tasks import send_payment_failed
from masthead.newsletters.mail.render import preview_html
from masthead.newsletters.models import ReaderKind
from tests import factories

pytestmark = pytest.mark.django_db
PASSWORD = "a long and private passphrase 7"


@pytest.fixture
def branded(settings):
    settings.WAGTAIL_SITE_NAME = "The Meridian Ledger"
    settings.SITE_URL = "https://news.example.org"
    settings.DEFAULT_FROM_EMAIL = "newsroom@example.org"
    return "news.example.org"


def headers(message):
    return message_from_bytes(message.message().as_bytes())


def assert_branded(message, domain):
    parsed = headers(message)
    assert parsed["From"] == "The Meridian Ledger <newsroom@example.org>"
    assert re.fullmatch(rf"<[^@<>\s]+@{re.escape(domain)}>", parsed["Message-ID"])


def test_the_sign_up_confirmation_is_branded_with_the_site_name(client, branded):
    response = client.post(
        "/accounts/signup/",
        {"email": "new@example.org", "password1": PASSWORD, "password2": PASSWORD},
        HTTP_HOST="127.0.0.1",
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.subject.startswith("[The Meridian Ledger] ")
    assert "127.0.0.1" not in message.subject and "127.0.0.1" not in message.body
    assert "The Meridian Ledger" in message.body
    assert_branded(message, branded)


def test_a_sign_in_code_mail_is_branded_too(client, branded):
    factories.user("known@example.org")
    client.post("/accounts/login/code/", {"email": "known@example.org"}, HTTP_HOST="127.0.0.1")
    (message,) = mail.outbox
    assert message.subject.startswith("[The Meridian Ledger] ")
    assert_branded(message, branded)


def test_the_optin_mail_has_a_sender_name_and_the_sites_message_id(client, branded, daily):
    response = client.post(
        "/newsletters/signup/", {"email": "ann@example.org", "newsletter": "briefing"}
    )
    assert response.status_code in (200, 302)
    (message,) = mail.outbox
    assert_branded(message, branded)
    assert "@localhost" not in str(headers(message))


def test_billing_mails_come_from_the_site(branded):
    sub = Subscription.objects.create(
        user=factories.user("late@example.org"),
        provider="stripe",
        provider_subscription_id="sub_x",
        status=Subscription.Status.PAST_DUE,
    )
    send_payment_failed.enqueue(sub.pk)
    (message,) = mail.outbox
    assert_branded(message, branded)


def _issue_html(world, daily, preheader="Three things to know before the markets open"):
    article = factories.article(world, standfirst="The standfirst of the story.")
    return preview_html(daily, article, "Subject", preheader, ReaderKind.SUBSCRIBER)


def test_the_newsletter_layout_is_a_table_that_outlook_keeps(world, daily):
    html = _issue_html(world, daily)
    body = html.split("<body", 1)[1]
    first = re.search(r"<(table|div)\b[^>]*>", body.split("</div>", 1)[1]).group(0)
    assert first.startswith("<table") and 'role="presentation"' in first and 'width="100%"' in first
    assert "<!--[if mso]><table" in body and 'width="600"' in body  # Word's fixed column
    tables = re.findall(r"<table\b[^>]*>", body)
    assert len(tables) >= 3 and all('role="presentation"' in t for t in tables)
    # Everything a reader reads sits in the table's cells, none in a layout <div> around it.
    assert "Paragraph 1 of the story" in body
    assert not re.search(r'<div class="(outer|inner|masthead|content|footer)"', body)


def test_the_preheader_is_hidden_by_the_standard_pattern_not_by_colour(world, daily):
    html = _issue_html(world, daily)
    tag = re.search(r'<div class="preheader"[^>]*>', html).group(0)
    style = re.sub(r"\s+", "", re.search(r'style="([^"]*)"', tag).group(1)).lower()
    for rule in ("display:none", "max-height:0", "opacity:0", "overflow:hidden", "mso-hide:all"):
        assert rule in style, (rule, style)
    assert "color:" not in style  # a colour equal to the background is what filters score
    assert "Three things to know before the markets open" in html.split(tag, 1)[1][:200]
    background = re.search(r'bgcolor="(#[0-9a-f]{6})"', html).group(1)
    assert background not in tag


def test_the_message_domain_is_the_site_urls_host(branded, settings):
    from masthead.sitemail import site_message_id, site_sender

    assert site_message_id().endswith("@news.example.org>")
    assert urlsplit(settings.SITE_URL).hostname == branded
    assert site_sender('"Desk" <desk@example.org>') == "Desk <desk@example.org>"
