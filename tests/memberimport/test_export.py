"""``masthead export members``: UTF-8, formula-safe, and read back by ``--format masthead``."""

import csv

import pytest
from django.contrib.auth import get_user_model

from masthead.billing.models import AccessGrant
from masthead.memberimport.models import MemberRecord
from masthead.newsletters.models import Newsletter
from masthead.newsletters.models import Subscription as NewsletterSubscription

from .support import GHOST, export_members, import_members, write_csv

pytestmark = pytest.mark.django_db
User = get_user_model()

SOURCE = (
    "email,name,note,subscribed_to_emails,complimentary_plan,created_at,labels\n"
    'zoe@example.com,Zoë Ünal,"line one\nline two",true,true,2019-03-04T05:06:07.000Z,'
    '"vip, early"\n'
    "plain@example.com,Plain,,false,false,2020-01-01,\n"
)


def state():
    """Every reader as the export sees them, without ids."""
    return sorted(
        (
            u.email,
            u.first_name,
            u.date_joined.isoformat(),
            u.member_record.note,
            tuple(u.member_record.labels),
            tuple(
                NewsletterSubscription.objects.filter(user=u, active=True).values_list(
                    "newsletter__slug", flat=True
                )
            ),
            tuple(g.ends_at.isoformat() for g in AccessGrant.objects.filter(user=u)),
        )
        for u in User.objects.select_related("member_record")
    )


def test_export_is_formula_safe_utf8(tmp_path):
    import_members(GHOST / "members-formula-like-values.csv", tmp_path=tmp_path)
    out = tmp_path / "out.csv"
    assert export_members(out) == 0
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8").splitlines()))
    by_email = {r["email"]: r for r in rows}
    assert by_email["formula@example.com"]["name"] == "'-5"
    assert by_email["formula@example.com"]["note"] == "'+44 123"
    assert by_email["formula2@example.com"]["name"] == "'=SUM(A1)"
    assert by_email["formula2@example.com"]["note"] == "'@handle"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_export_leaves_editors_out(tmp_path):
    User.objects.create_user("ed", "editor@example.com", "pw", is_staff=True)
    import_members(write_csv(tmp_path, "email\nreader@example.com\n"), tmp_path=tmp_path)
    out = tmp_path / "out.csv"
    export_members(out)
    emails = [r["email"] for r in csv.DictReader(out.read_text().splitlines())]
    assert emails == ["reader@example.com"]


def test_round_trip_through_the_masthead_format(tmp_path):
    Newsletter.objects.create(name="Daily", slug="daily", default_on_signup=True)
    Newsletter.objects.create(name="Weekly", slug="weekly")
    code, _ = import_members(
        write_csv(tmp_path, SOURCE, name="ghost.csv"),
        "--newsletter",
        "daily",
        "--newsletter",
        "weekly",
        tmp_path=tmp_path,
    )
    assert code == 0
    import_members(GHOST / "members-formula-like-values.csv", tmp_path=tmp_path)
    before = state()
    out = tmp_path / "out.csv"
    assert export_members(out) == 0

    # Read back into the same site: nothing changes.
    code, report = import_members(out, "--format", "masthead", tmp_path=tmp_path)
    assert code == 0, report
    assert all(c["created"] == 0 and c["updated"] == 0 for c in report["counts"].values())
    assert state() == before

    # Read into an empty site: the same readers.
    User.objects.all().delete()
    assert not MemberRecord.objects.exists()
    code, report = import_members(out, tmp_path=tmp_path)  # the format is read from the header
    assert code == 0, report
    assert report["format"] == "masthead"
    assert state() == before
    second = tmp_path / "second.csv"
    export_members(second)
    assert second.read_bytes() == out.read_bytes()
