"""CSV exports of the dashboard's tables. Cells are made formula-safe by the callouts' own
``safe_cell`` (a cell starting with ``=``, ``+``, ``-``, ``@``, tab or CR gets a quote)."""

import csv
import io

from django.http import HttpResponse

from masthead.engagement.callouts.export import safe_cell

COLUMNS = {
    "funnel": [("step", "Step"), ("value", "Readers or events")],
    "daily": [
        ("day", "Day"),
        ("readers", "Readers"),
        ("views", "Views"),
        ("walls", "Walls"),
        ("registrations", "Registrations"),
        ("subscriptions", "Subscriptions"),
    ],
    "content": [
        ("article_id", "Article id"),
        ("title", "Headline"),
        ("section", "Section"),
        ("views", "Views"),
        ("counted", "Counted views"),
        ("walls", "Walls"),
        ("signups", "Sign-ups"),
        ("subscriptions", "Subscriptions"),
        ("per_1000", "Conversions per 1,000 views"),
    ],
    "offers": [
        ("offer", "Offer"),
        ("title", "Title"),
        ("shown", "Shown"),
        ("chosen", "Chosen"),
        ("checkouts", "Checkouts started"),
        ("started", "Started"),
        ("converted", "Converted"),
        ("revenue", "Revenue"),
    ],
    "sources": [
        ("source", "Source"),
        ("views", "Views"),
        ("registrations", "Registrations"),
        ("subscriptions", "Subscriptions"),
        ("per_1000", "Conversions per 1,000 views"),
    ],
    "sections": [
        ("section", "Section"),
        ("articles", "Articles"),
        ("views", "Views"),
        ("walls", "Walls"),
        ("signups", "Sign-ups"),
        ("subscriptions", "Subscriptions"),
        ("per_1000", "Conversions per 1,000 views"),
    ],
}


def csv_response(table: str, rows: list[dict], start, end) -> HttpResponse:
    columns = COLUMNS[table]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([label for _, label in columns])
    for row in rows:
        writer.writerow([safe_cell(row.get(name, "")) for name, _ in columns])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="revenue-{table}-{start:%Y%m%d}-{end:%Y%m%d}.csv"'
    )
    return response
