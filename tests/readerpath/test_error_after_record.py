"""An error in the reader path after the gate recorded the view: Django answers, the reader
gets the page the count paid for, and the view is counted and logged once, not twice."""

import pytest

from masthead.events import buffer
from masthead.events.models import ReaderEvent
from masthead.readerpath import page as reader_page
from tests import factories
from tests.factories import CANARY
from tests.support.live import signed_in_cookie
from tests.support.readerclient import scope_from_environ, serve_asgi

pytestmark = pytest.mark.django_db(transaction=True)


def _serve(app, path: str, **environ) -> list[dict]:
    base = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "SERVER_NAME": "testserver"}
    return serve_asgi(app, scope_from_environ(base | environ))


def _get(app, path: str, **environ) -> tuple[int, bytes]:
    sent = _serve(app, path, **environ)
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return sent[0]["status"], body


def test_a_failure_after_the_record_is_answered_by_django_and_logged_once(world, monkeypatch):
    from masthead.asgi import _application

    app = _application()
    article = factories.article(world, access="metered")
    cookie = signed_in_cookie(factories.user("reads@example.org"))

    def broken(*args, **kwargs):
        raise RuntimeError("a template went wrong after the count")

    monkeypatch.setattr(reader_page, "page_context", broken)
    status, body = _get(app, article.public_path, HTTP_COOKIE=cookie)
    buffer.flush()
    assert status == 200 and CANARY in body.decode()  # Django's page, the whole article
    events = list(ReaderEvent.objects.values_list("kind", "article_id"))
    assert events == [("view_counted", article.pk)], events


def test_a_client_cannot_claim_its_view_was_logged(world):
    from masthead.asgi import _application

    article = factories.article(world, access="metered")
    status, _ = _get(
        _application(),
        article.public_path,
        QUERY_STRING="utm_source=x&page=2",  # a query the reader path leaves to Django
        **{"HTTP_MASTHEAD.VIEW_RECORDED": "1", "HTTP_MASTHEAD_VIEW_RECORDED": "1"},
    )
    buffer.flush()
    assert status == 200
    assert list(ReaderEvent.objects.values_list("kind", flat=True)) == ["view_counted"]


def _device_cookie(app, path: str, **environ) -> tuple[int, str | None]:
    from http.cookies import SimpleCookie

    from masthead.access.identity import COOKIE_NAME, device_from_cookie

    sent = _serve(app, path, **environ)
    jar = SimpleCookie()
    for name, value in sent[0]["headers"]:
        if name == b"set-cookie":
            jar.load(value.decode())
    cookie = jar.get(COOKIE_NAME)
    return sent[0]["status"], device_from_cookie(cookie.value) if cookie else None


def test_a_new_device_keeps_its_id_when_django_answers_after_the_reader_path(world, monkeypatch):
    # Before: the reader path redeemed the gift (and counted the view) under the device id it
    # had just made, then Django made a second one. The gift link lost one of its devices to
    # an id no browser ever got, and the meter row was an orphan.
    from masthead.access.gifts import create_gift_link
    from masthead.access.models import GiftRedemption, MeterView
    from masthead.asgi import _application
    from masthead.metering.keys import device_key

    app = _application()
    gifted = factories.article(world, access="metered")
    metered = factories.article(world, access="metered", title="A second article")
    link, _ = create_gift_link(factories.subscriber("gives@example.org"), gifted)

    def broken(*args, **kwargs):
        raise RuntimeError("a template went wrong after the count")

    monkeypatch.setattr(reader_page, "page_context", broken)
    status, device = _device_cookie(app, gifted.public_path, QUERY_STRING=f"gift={link.token}")
    assert status == 200 and device
    redeemed = list(GiftRedemption.objects.values_list("reader_key", flat=True))
    assert redeemed == [device_key(device)]

    status, device = _device_cookie(app, metered.public_path)
    assert status == 200 and device
    if MeterView.objects.exists():  # the database store (with Redis the meter is not a table)
        assert list(MeterView.objects.values_list("reader_key", flat=True)) == [device_key(device)]


def test_a_client_cannot_choose_its_new_device_id(world):
    from masthead.asgi import _application

    article = factories.article(world, access="metered")
    chosen = "ab" * 16
    status, device = _device_cookie(
        _application(),
        article.public_path,
        QUERY_STRING="utm_source=x&page=2",  # a query the reader path leaves to Django
        **{"HTTP_MASTHEAD.NEW_DEVICE": chosen, "HTTP_MASTHEAD_NEW_DEVICE": chosen},
    )
    assert status == 200 and device and device != chosen
