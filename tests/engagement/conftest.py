"""Callout fixtures: the reference page's three-question callout, and ways to answer it."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from masthead.access.identity import DeviceIdentity, device_cookie_value, new_device_id
from masthead.engagement.models import Callout, CalloutQuestion


def make_callout(**fields) -> Callout:
    fields.setdefault("title", "Do you live in Asia?")
    fields.setdefault("intro", "Tell us how the new trade rules change your work.")
    callout = Callout.objects.create(**fields)
    CalloutQuestion.objects.create(
        callout=callout, sort_order=0, prompt="Do you live in Asia?", choices="Yes\nNo"
    )
    CalloutQuestion.objects.create(
        callout=callout,
        sort_order=1,
        prompt="Which cities have you worked in?",
        kind="multiple",
        choices="Tokyo\nSeoul\nJakarta",
        required=False,
    )
    CalloutQuestion.objects.create(
        callout=callout, sort_order=2, prompt="How do you feel about it?", kind="text"
    )
    return callout


def answer_data(callout, single="Yes", multiple=("Tokyo",), text="Hopeful.", **extra) -> dict:
    q = list(callout.questions.all())
    data = {f"q{q[0].pk}": single, f"q{q[1].pk}": list(multiple), f"q{q[2].pk}": text}
    data.update(extra)
    return data


def device_cookie(device_id=None) -> tuple[str, str]:
    device_id = device_id or new_device_id()
    return device_id, device_cookie_value(device_id)


def reader_request(path="/world/story/", device_id=None, user=None):
    """A GET request as the middleware leaves it: a user and a device."""
    request = RequestFactory().get(path)
    request.user = user or AnonymousUser()
    request.device = DeviceIdentity(device_cookie_value(device_id) if device_id else None)
    return request


@pytest.fixture
def callout(db):
    return make_callout()
