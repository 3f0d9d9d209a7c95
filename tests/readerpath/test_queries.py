"""What a warm article view costs the database on the reader path, per reader (issue 22).

The second view of the same article by the same reader, after the first filled the shell and
fragment caches: the per-reader work may read only who the reader is (session, user,
entitlement), the meter where the reader is metered, and write the reader event. Offers,
banners, newsletters, the page tree and the shell are cached: a query to any of them here is
a regression. On SQLite the meter and the cache are tables; with Redis (CI's second pass)
they are not, so the counts are bounds and the tables a subset.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.readerpath.test_identity import _device, _signed_in, page  # noqa: F401 - fixture
from tests.support.readerclient import ReaderClient

pytestmark = pytest.mark.django_db
_TABLE = re.compile(r'(?:FROM|INTO|UPDATE|JOIN)\s+"?([a-z_]+)"?', re.IGNORECASE)
_SAVEPOINT = re.compile(r"^\s*(?:RELEASE\s+)?SAVEPOINT\b", re.IGNORECASE)
IDENTITY = {"django_session", "auth_user", "masthead_cache"}
METER = {"access_meterview"}
EVENT = {"events_readerevent"}
CASES = {
    # reader: (cookie, queries at most, tables it may touch)
    "anonymous": (lambda: _device(1), 2, METER | EVENT),  # a re-read: one read, no lock
    "registered": (lambda: _signed_in("registered"), 5, IDENTITY | METER | EVENT),
    "subscriber": (lambda: _signed_in("subscriber"), 4, IDENTITY | EVENT),  # no meter
}


def _warm_view(page, cookie: str) -> list[str]:  # noqa: F811 - page is the fixture's value
    client = ReaderClient()
    client.get(page.url, HTTP_COOKIE=cookie)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(page.url, HTTP_COOKIE=cookie)
    assert response.status_code == 200
    assert client.answered == 2, "the reader path let Django answer"
    return [q["sql"] for q in captured.captured_queries if not _SAVEPOINT.match(q["sql"])]


@pytest.mark.parametrize("who", list(CASES))
def test_a_warm_view_reads_only_the_reader_the_meter_and_writes_the_event(page, who):  # noqa: F811
    make_cookie, most, allowed = CASES[who]
    queries = _warm_view(page, make_cookie())
    tables = {t.lower() for sql in queries for t in _TABLE.findall(sql)}
    assert tables <= allowed, (tables - allowed, queries)
    assert len(queries) <= most, queries
    assert any("events_readerevent" in q for q in queries), "every view writes its event"
