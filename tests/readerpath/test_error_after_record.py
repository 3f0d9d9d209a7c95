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


def _get(app, path: str, **environ) -> tuple[int, bytes]:
    base = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "SERVER_NAME": "testserver"}
    sent = serve_asgi(app, scope_from_environ(base | environ))
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
