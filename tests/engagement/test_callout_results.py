"""Editors' results page and CSV export in the Wagtail admin: counts, escaping, staff only."""

import csv
import io

import pytest

from masthead.engagement.models import CalloutResponse
from tests import factories

from .conftest import make_callout

pytestmark = pytest.mark.django_db
HOSTILE = "<script>alert('x')</script>"


def _answer(callout, key, single, cities, text, email=""):
    q = [str(q.pk) for q in callout.questions.all()]
    answers = {q[0]: single, q[1]: cities, q[2]: text}
    CalloutResponse.objects.create(
        callout=callout, respondent_key=key, answers=answers, email=email
    )


@pytest.fixture
def answered(db):
    callout = make_callout(ask_email=True)
    _answer(callout, "d:1", "Yes", ["Tokyo", "Seoul"], HOSTILE)
    _answer(callout, "d:2", "Yes", ["Tokyo"], '=HYPERLINK("http://evil")', "@a@example.org")
    _answer(callout, "u:3", "No", [], "Calm.")
    return callout


@pytest.fixture
def editor(client):
    client.force_login(factories.user("editor@example.org", is_superuser=True, is_staff=True))
    return client


def test_results_page_counts_charts_and_escapes_free_text(editor, answered):
    response = editor.get(f"/admin/callouts/{answered.pk}/results/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-total-responses="3"' in html
    assert html.count('data-choice-count="2"') == 2  # Yes: 2, Tokyo: 2
    assert "67%" in html and "33%" in html and "<svg" in html
    assert HOSTILE not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "Calm." in html


def test_csv_export_one_row_per_response_and_formula_safe(editor, answered):
    response = editor.get(f"/admin/callouts/{answered.pk}/results.csv")
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][4:] == [
        "Do you live in Asia?",
        "Which cities have you worked in?",
        "How do you feel about it?",
    ]
    assert len(rows) == 4
    assert rows[1][2:] == ["device", "", "Yes", "Tokyo; Seoul", HOSTILE]
    assert rows[2][3:] == ["'@a@example.org", "Yes", "Tokyo", '\'=HYPERLINK("http://evil")']
    assert rows[3][2] == "account"


def test_index_and_snippet_listing_link_to_results(editor, answered):
    index = editor.get("/admin/callouts/results/").content.decode()
    assert f"/admin/callouts/{answered.pk}/results/" in index and 'data-responses="3"' in index
    listing = editor.get("/admin/snippets/engagement/callout/").content.decode()
    assert f"/admin/callouts/{answered.pk}/results/" in listing
    assert editor.get("/admin/snippets/engagement/callout/add/").status_code == 200


@pytest.mark.parametrize("path", ["results/", "results.csv"])
def test_readers_cannot_see_results(client, answered, path):
    url = f"/admin/callouts/{answered.pk}/{path}"
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    client.force_login(factories.user("reader@example.org"))
    reader = client.get(url)
    assert reader.status_code in (302, 403)
    assert "Calm." not in reader.content.decode()
