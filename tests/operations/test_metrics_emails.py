"""E-mails counted in /metrics by kind: newsletter messages (once each, accepted or failed),
billing lifecycle mails and allauth's account mails."""

import pytest
from prometheus_client import REGISTRY

from masthead.billing import tasks
from tests import factories

pytestmark = pytest.mark.django_db


def _count(name: str, kind: str) -> float:
    return REGISTRY.get_sample_value(f"masthead_emails_{name}_total", {"kind": kind}) or 0.0


def test_billing_lifecycle_mails_are_counted(mailoutbox):
    user = factories.user("payer@example.org")
    before = _count("sent", "billing")
    tasks._mail(user, "Your payment failed", ["Please update your card."])
    assert len(mailoutbox) == 1
    assert _count("sent", "billing") == before + 1


def test_allauth_mails_are_counted(client, mailoutbox):
    factories.user("coder@example.org")
    before = _count("sent", "account")
    client.post("/accounts/login/code/", {"email": "coder@example.org"})
    assert len(mailoutbox) == 1
    assert _count("sent", "account") == before + 1
