"""``masthead export members FILE.csv``: every reader, in the ``masthead`` format.

UTF-8, one header line (``formats.FIELDS``), one line per reader, read in chunks of
``CHUNK`` readers with four queries each, so memory stays flat. Cells that a spreadsheet
would run as a formula (starting with ``= + - @``, a tab or a carriage return) are written
with a leading ``'``, which ``import members --format masthead`` takes off again::

    members_export(Path("members.csv"))   # -> number of readers written

Staff accounts (editors) are not readers and are left out.
"""

import csv
from collections import defaultdict
from datetime import UTC
from itertools import islice
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone

from masthead.billing.models import AccessGrant, Subscription
from masthead.newsletters.models import Subscription as NewsletterSubscription

from .cleaning import FORMULA_START
from .formats import FIELDS
from .models import MemberRecord

CHUNK = 1000


def cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def _when(value) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z") if value else ""


def _chunk_rows(users: list, now) -> list[list[str]]:
    ids = [u.pk for u in users]
    records = {r.user_id: r for r in MemberRecord.objects.filter(user_id__in=ids)}
    grants: dict[int, object] = {}
    for user_id, ends in AccessGrant.objects.filter(user_id__in=ids, ends_at__gt=now).values_list(
        "user_id", "ends_at"
    ):
        grants[user_id] = max(ends, grants.get(user_id, ends))
    customers: dict[int, str] = {}
    stripe = (
        Subscription.objects.filter(user_id__in=ids, provider="stripe")
        .exclude(provider_customer_id="")
        .order_by("created_at")
        .values_list("user_id", "provider_customer_id")
    )
    for user_id, customer in stripe:
        customers[user_id] = customer  # the latest wins
    letters: dict[int, list[str]] = defaultdict(list)
    subs = (
        NewsletterSubscription.objects.filter(user_id__in=ids, active=True)
        .order_by("newsletter__sort_order", "newsletter__slug")
        .values_list("user_id", "newsletter__slug")
    )
    for user_id, slug in subs:
        letters[user_id].append(slug)
    rows = []
    for user in users:
        record = records.get(user.pk)
        values = {
            "email": user.email,
            "name": user.get_full_name().strip(),
            "note": record.note if record else "",
            "subscribed_to_emails": "true" if letters.get(user.pk) else "false",
            "newsletters": ",".join(letters.get(user.pk, [])),
            "complimentary_plan": "true" if user.pk in grants else "false",
            "complimentary_until": _when(grants.get(user.pk)),
            "stripe_customer_id": customers.get(user.pk, ""),
            "created_at": _when(user.date_joined),
            "labels": ", ".join(record.labels) if record else "",
        }
        rows.append([cell(values[name]) for name in FIELDS])
    return rows


def members_export(path: Path, progress=None) -> int:
    now = timezone.now()
    users = (
        get_user_model()
        .objects.filter(is_staff=False, is_superuser=False)
        .exclude(email="")
        .order_by("pk")
        .iterator(chunk_size=CHUNK)
    )
    written = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\r\n")
        out.writerow(FIELDS)
        while chunk := list(islice(users, CHUNK)):
            out.writerows(_chunk_rows(chunk, now))
            written += len(chunk)
            if progress is not None:
                progress(len(chunk))
    return written


def members_count() -> int:
    return (
        get_user_model()
        .objects.filter(is_staff=False, is_superuser=False)
        .exclude(email="")
        .count()
    )
