"""Every ``<time datetime>`` on our pages is a valid date/time string as HTML defines it
(https://html.spec.whatwg.org/multipage/text-level-semantics.html#datetime-value): seconds
with at most three decimals, never Python's six (the ``c`` date format did that, and the Nu
HTML checker refused every card, byline and promotion banner)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.access.models import Promotion
from tests import factories

pytestmark = pytest.mark.django_db

# The forms of HTML's "valid date string with optional time" and its neighbours that a
# <time datetime> may carry (month, date, yearless date, time, local and global date-time,
# time-zone offset, week, year, duration).
_TIME = r"\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?"
_ZONE = r"(Z|[+-]\d{2}:?\d{2})"
_DATE = r"\d{4,}-\d{2}-\d{2}"
VALID = re.compile(
    "|".join(
        rf"^{form}$"
        for form in (
            r"\d{4,}-\d{2}",  # month
            _DATE,  # date
            r"\d{2}-\d{2}",  # yearless date
            _TIME,  # time
            rf"{_DATE}[T ]{_TIME}",  # local date and time
            _ZONE,  # time-zone offset
            rf"{_DATE}[T ]{_TIME}{_ZONE}",  # global date and time
            r"\d{4,}-W\d{2}",  # week
            r"\d{4,}",  # year
            r"P(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d{1,3})?S)?)?",  # duration (ISO form)
        )
    )
)
DATETIME = re.compile(r"<time\b[^>]*\bdatetime=\"([^\"]*)\"")


def valid_datetime(value: str) -> bool:
    """As HTML's parser would: the string's form, and a real calendar date and clock time."""
    if not VALID.match(value):
        return False
    date = re.match(r"(\d{4,})-(\d{2})-(\d{2})", value)
    if date and not (1 <= int(date[2]) <= 12 and 1 <= int(date[3]) <= 31):
        return False
    clock = re.search(r"(?:^|[T ])(\d{2}):(\d{2})(?::(\d{2}))?", value)
    return not clock or (int(clock[1]) < 24 and int(clock[2]) < 60 and int(clock[3] or 0) < 60)


@pytest.mark.parametrize(
    "value, ok",
    [
        ("2026-12-06T22:55:16+0000", True),
        ("2026-12-06T22:55:16.123+00:00", True),
        ("2026-12-06T22:55:16Z", True),
        ("2026-12-06", True),
        ("2026-12-06T22:55:16.123456+00:00", False),  # what |date:"c" printed
        ("2026-13-06", False),
        ("December 6", False),
    ],
)
def test_the_checker_knows_the_html_forms(value, ok):
    assert valid_datetime(value) is ok


def test_every_time_element_on_our_pages_has_a_valid_datetime(client, site):
    world = factories.section("world", "World")
    topic = factories.topic("Trade")
    author = factories.author("Ana Writer")
    story = factories.article(world, authors=[author], topics=[topic])
    later = story.first_published_at + timedelta(hours=2, microseconds=654_321)
    type(story).objects.filter(pk=story.pk).update(last_published_at=later)  # "Updated <time>"
    factories.article(world, authors=[author], topics=[topic])
    starts = timezone.now() + timedelta(days=3, microseconds=123_456)
    Promotion.objects.create(
        name="Open week",
        starts_at=starts,
        ends_at=starts + timedelta(days=2),
        banner_text="Every article free for everyone",
    )
    story.refresh_from_db()
    from tests.comments.support import comment

    comment(story, created_at=timezone.now() - timedelta(microseconds=345_678))
    pages = [
        "/",
        world.url,
        story.public_path,
        topic.get_absolute_url(),
        author.get_absolute_url(),
        f"/comments/{story.pk}/",  # the thread, written in Python (comments/render.py)
    ]
    found = []
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        found += [(path, value) for value in DATETIME.findall(response.content.decode())]
    assert {path for path, _ in found} >= {"/", world.url, story.public_path, pages[-1]}
    assert sum(path == story.public_path for path, _ in found) >= 3  # banner, published, updated
    bad = [(path, value) for path, value in found if not valid_datetime(value)]
    assert bad == []


def test_no_template_writes_a_datetime_with_the_c_format():
    """The ``c`` date format prints microseconds; templates use ``Y-m-d\\TH:i:sO``."""
    from tests.templates_check.test_templates import TEMPLATES

    attribute = re.compile(r"datetime=\"\{\{[^}]*\|date:['\"]c['\"]")
    offenders = [str(path) for path in TEMPLATES if attribute.search(path.read_text())]
    assert offenders == []
    assert TEMPLATES, "no templates found"
