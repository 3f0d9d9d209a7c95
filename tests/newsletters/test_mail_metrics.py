"""Every e-mail the newsletters send is counted in /metrics by kind: the double opt-in link
(``newsletter_optin``) and an editor's test send (``newsletter_test``), sent or failed, as
issues (``newsletter``), account and billing mails already are (issue 12)."""

import pytest
from prometheus_client import REGISTRY

from masthead.newsletters.services.optin import optin_request
from tests import factories

pytestmark = pytest.mark.django_db


def _count(kind: str, outcome: str = "sent") -> float:
    value = REGISTRY.get_sample_value(f"masthead_emails_{outcome}_total", {"kind": kind})
    return value or 0.0


class RefusingBackend:
    """A mail server that refuses every message (the edge: what an unreachable relay does)."""

    def __init__(self, *args, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_a_confirmation_link_is_counted_sent(client, daily, mailoutbox):
    before = _count("newsletter_optin")
    client.post("/newsletters/signup/", {"email": "new@example.org", "newsletter": "briefing"})
    assert len(mailoutbox) == 1
    assert _count("newsletter_optin") == before + 1


def test_a_confirmation_that_cannot_be_sent_is_counted_failed(daily, settings):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    sent, failed = _count("newsletter_optin"), _count("newsletter_optin", "failed")
    with pytest.raises(ConnectionRefusedError):
        optin_request("new@example.org", ["briefing"], "page")
    assert _count("newsletter_optin") == sent
    assert _count("newsletter_optin", "failed") == failed + 1


def test_an_editors_test_send_counts_both_cuts(client, daily, world, mailoutbox, settings):
    editor = factories.user("editor@example.org", is_staff=True, is_superuser=True)
    client.force_login(editor)
    article = factories.article(world)
    before = _count("newsletter_test")
    form = {"newsletter": daily.pk, "subject": "Hi", "preheader": "", "when": "now", "test": "1"}
    client.post(f"/admin/newsletters/send/{article.pk}/", form)
    assert len(mailoutbox) == 2
    assert _count("newsletter_test") == before + 2
    settings.METRICS_TOKEN = "metrics-token-0123456789"
    scrape = client.get("/metrics", HTTP_AUTHORIZATION="Bearer metrics-token-0123456789")
    assert 'masthead_emails_sent_total{kind="newsletter_test"}' in scrape.content.decode()
