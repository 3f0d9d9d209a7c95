"""The import streams its file, costs a bounded number of queries a row, and a run killed half
way finishes exactly when started again."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masthead.memberimport import writer
from masthead.memberimport.models import MemberRecord
from masthead.memberimport.run import MemberImport
from masthead.memberimport.source import CsvSource
from masthead.newsletters.models import Newsletter
from masthead.newsletters.models import Subscription as NewsletterSubscription

from .support import import_members, write_csv

pytestmark = pytest.mark.django_db
User = get_user_model()


def members_file(tmp_path: Path, n: int, name: str = "members.csv") -> Path:
    rows = "".join(
        f"reader{i}@example.com,Reader {i},note {i},true,{'true' if i % 3 == 0 else 'false'},"
        f'2020-01-{1 + i % 28:02d},"a, b{i % 4}"\n'
        for i in range(n)
    )
    header = "email,name,note,subscribed_to_emails,complimentary_plan,created_at,labels\n"
    return write_csv(tmp_path, header + rows, name=name)


def test_rows_are_read_one_at_a_time(tmp_path):
    path = members_file(tmp_path, 5000)
    source = CsvSource(path, fmt=None, maps={})
    read = []
    rows = source.rows(progress=read.append)
    first = next(rows)
    assert first.line == 2 and first.values["email"] == "reader0@example.com"
    assert sum(read) < 64 * 1024 < source.size  # only a buffer's worth, not the file
    source.close()


def _queries(path: Path) -> int:
    with CaptureQueriesContext(connection) as ctx:
        MemberImport(path).execute()
    return len(ctx.captured_queries)


def test_queries_per_row_are_bounded(tmp_path):
    Newsletter.objects.create(name="Daily", slug="daily", default_on_signup=True)
    small = _queries(members_file(tmp_path, 10, "small.csv"))
    User.objects.all().delete()
    large = _queries(members_file(tmp_path, 40, "large.csv"))
    per_row = (large - small) / 30
    assert per_row <= 30, per_row  # whatever the number of rows already imported
    # A re-run costs no more than the first run.
    assert _queries(members_file(tmp_path, 40, "large.csv")) <= large


def test_a_killed_run_finishes_exactly_when_run_again(tmp_path, monkeypatch):
    Newsletter.objects.create(name="Daily", slug="daily", default_on_signup=True)
    path = members_file(tmp_path, 12)
    real = writer.RowWriter.write
    calls = {"n": 0}

    def dies_on_the_seventh(self, member, refused):
        calls["n"] += 1
        if calls["n"] == 7:
            raise KeyboardInterrupt  # the operator's Ctrl-C, or the process killed
        return real(self, member, refused)

    monkeypatch.setattr(writer.RowWriter, "write", dies_on_the_seventh)
    with pytest.raises(KeyboardInterrupt):
        import_members(path, tmp_path=tmp_path)
    assert User.objects.count() == 6  # rows 1-6 committed, the seventh rolled back
    monkeypatch.setattr(writer.RowWriter, "write", real)
    code, report = import_members(path, tmp_path=tmp_path)
    assert code == 0
    assert report["counts"]["members"] == {
        "created": 6,
        "updated": 0,
        "unchanged": 6,
        "rejected": 0,
    }
    assert User.objects.count() == MemberRecord.objects.count() == 12
    assert NewsletterSubscription.objects.count() == 12
    assert sorted(MemberRecord.objects.values_list("grant", flat=True), key=str).count(None) == 8
