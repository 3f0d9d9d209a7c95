"""The callout service's outcomes are three distinct states (a discarded honeypot hit is not a
stored answer, even though the bot is told "answered"), and the rate limit's name says it
writes: each call records an attempt."""

import pytest

from masthead.engagement.callouts import services
from masthead.engagement.callouts.services import Outcome, record_attempt
from masthead.engagement.models import CalloutResponse

from .conftest import answer_data

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


def test_discarded_is_its_own_outcome_shown_as_answered():
    assert Outcome.DISCARDED is not Outcome.STORED
    assert [o.name for o in Outcome] == ["STORED", "DUPLICATE", "DISCARDED"]
    assert Outcome.DISCARDED.shown_as == Outcome.STORED.shown_as == "answered"
    assert Outcome.DUPLICATE.shown_as == "already_answered"


def test_a_honeypot_hit_asking_json_is_told_answered_and_nothing_is_stored(client, callout):
    response = client.post(
        f"/callouts/{callout.pk}/answer/",
        answer_data(callout, website="http://spam.example"),
        **JSON,
    )
    assert response.status_code == 200 and response.json()["status"] == "answered"
    assert CalloutResponse.objects.count() == 0


def test_record_attempt_counts_each_call_and_refuses_past_the_limit():
    assert not hasattr(services, "check_rate_limit")
    limit, _window = services.RATE_LIMITS["ip"]
    assert all(record_attempt("ip", "192.0.2.7", now=1000.0) for _ in range(limit))
    assert record_attempt("ip", "192.0.2.7", now=1000.0) is False
    assert record_attempt("ip", "192.0.2.8", now=1000.0) is True
