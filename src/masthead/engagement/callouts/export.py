"""CSV export of a callout's responses: one row per response, one column per question.

Spreadsheets run cells that start with ``=``, ``+``, ``-`` or ``@`` as formulas, so such cells
(and those starting with a tab or carriage return) get a leading single quote::

    safe_cell("=HYPERLINK(...)")  # "'=HYPERLINK(...)"
"""

import csv

from django.http import StreamingHttpResponse
from django.utils.text import slugify

from masthead.metering.keys import is_account_key

from ..models import Callout, CalloutQuestion

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    text = "; ".join(value) if isinstance(value, list) else str(value if value is not None else "")
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    """A file-like object whose write returns the line: lets csv.writer feed a stream."""

    def write(self, value):
        return value


def _rows(callout: Callout, questions: list[CalloutQuestion]):
    writer = csv.writer(_Echo())
    yield writer.writerow(
        ["response", "submitted_at", "reader", "email"] + [safe_cell(q.prompt) for q in questions]
    )
    responses = callout.responses.order_by("created_at", "id")
    for r in responses.iterator(chunk_size=1000):
        answers = r.answers if isinstance(r.answers, dict) else {}
        reader = "account" if is_account_key(r.respondent_key) else "device"
        cells = [r.pk, r.created_at.isoformat(), reader, safe_cell(r.email)]
        yield writer.writerow(cells + [safe_cell(answers.get(str(q.pk))) for q in questions])


def callout_csv_response(callout: Callout) -> StreamingHttpResponse:
    questions = list(callout.questions.all())
    response = StreamingHttpResponse(
        _rows(callout, questions), content_type="text/csv; charset=utf-8"
    )
    name = slugify(callout.title)[:60] or "callout"
    response["Content-Disposition"] = f'attachment; filename="{name}-{callout.pk}.csv"'
    return response
