"""Ghost's own member-import fixtures (tests/fixtures/members/ghost, MIT, from TryGhost/Ghost)
through ``masthead import members``: exit status, report lines and what ends up stored."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from masthead.memberimport.models import MemberRecord

from .support import GHOST, import_members, rejected_lines

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_valid_file_imports_every_reader_without_a_password(tmp_path):
    code, report = import_members(GHOST / "valid-members-import.csv", tmp_path=tmp_path)
    assert code == 0
    assert report["source"] == "members" and report["dry_run"] is False
    assert report["counts"]["members"] == {
        "created": 2,
        "updated": 0,
        "unchanged": 0,
        "rejected": 0,
    }
    assert report["rejected"] == [] and report["missing_media"] == []
    test = User.objects.get(email="test@example.com")
    assert not test.has_usable_password()
    assert test.first_name == "test"
    assert test.date_joined.isoformat() == "1991-10-02T20:30:31+00:00"
    record = MemberRecord.objects.get(user=test)
    assert (record.note, record.labels, record.source) == ("test note", ["test-label"], "ghost")
    assert EmailAddress.objects.get(user=test).verified is True


def test_invalid_values_are_rejected_by_line_and_the_rest_imported(tmp_path):
    code, report = import_members(GHOST / "members-invalid-values.csv", tmp_path=tmp_path)
    assert code == 1
    lines = rejected_lines(report)
    assert set(lines) == {"line 2", "line 3", "line 4"}
    assert "complimentary_plan 'not_boolean' is not true or false" in lines["line 2"]
    assert "invalid_email_value" in lines["line 3"]
    assert "line 4" in lines
    assert report["counts"]["members"]["rejected"] == 3
    assert not User.objects.exists()


def test_formula_like_values_are_kept_as_text(tmp_path):
    code, report = import_members(GHOST / "members-formula-like-values.csv", tmp_path=tmp_path)
    assert code == 0
    first = User.objects.get(email="formula@example.com")
    second = User.objects.get(email="formula2@example.com")
    assert first.first_name == "-5" and first.member_record.note == "+44 123"
    assert second.first_name == "=SUM(A1)" and second.member_record.note == "@handle"


def test_duplicate_emails_make_one_reader_and_are_reported(tmp_path):
    code, report = import_members(GHOST / "members-duplicate-emails.csv", tmp_path=tmp_path)
    assert code == 0
    assert User.objects.filter(email="duplicate@example.com").count() == 1
    assert report["counts"]["members"]["created"] == 1
    assert report["merged"] == [
        {"where": "line 3", "reason": "same reader as line 2 (the same address): merged"}
    ]


def test_ragged_row_is_rejected_with_its_line(tmp_path):
    code, report = import_members(GHOST / "members-ragged-row.csv", tmp_path=tmp_path)
    assert code == 1
    assert rejected_lines(report) == {"line 2": "1 fields, the header has 3"}
    assert User.objects.get(email="ragged-full@example.com").member_record.note == "a note"
    assert not User.objects.filter(email="ragged-first@example.com").exists()


def test_mapped_columns(tmp_path):
    code, report = import_members(
        GHOST / "members-with-mappings.csv",
        "--map",
        "correo_electrpnico=email",
        "--map",
        "nombre=name",
        tmp_path=tmp_path,
    )
    assert code == 0
    user = User.objects.get(email="member+mapped_1@example.com")
    assert user.first_name == "Hannah" and user.member_record.note == "no need to map me"


def test_without_a_mapping_a_file_with_no_email_column_is_unusable(tmp_path, capsys):
    code, report = import_members(GHOST / "members-with-mappings.csv", tmp_path=tmp_path)
    assert code == 2 and report == {}
    err = capsys.readouterr().err
    assert "no e-mail column" in err and "Traceback" not in err
    assert not User.objects.exists()


def test_an_explicit_mapping_wins_over_the_formats_own_column(tmp_path):
    code, _ = import_members(
        GHOST / "members-duplicate-mapping.csv", "--map", "email_addr=email", tmp_path=tmp_path
    )
    assert code == 0
    assert list(User.objects.values_list("email", flat=True)) == ["member+dup@example.com"]


def test_labels_are_kept(tmp_path):
    code, _ = import_members(GHOST / "valid-members-labels.csv", tmp_path=tmp_path)
    assert code == 0
    second = MemberRecord.objects.get(user__email="member+labels_2@example.com")
    assert second.labels == ["another-label", "and-one-more"]


def test_a_join_date_in_the_future_is_rejected(tmp_path):
    code, report = import_members(GHOST / "members-future-created-at.csv", tmp_path=tmp_path)
    assert code == 1
    assert "in the future" in rejected_lines(report)["line 2"]
    assert not User.objects.exists()


def test_a_rerun_of_each_fixture_creates_nothing(tmp_path):
    for name in ("valid-members-import.csv", "valid-members-labels.csv"):
        import_members(GHOST / name, tmp_path=tmp_path)
        code, report = import_members(GHOST / name, tmp_path=tmp_path)
        assert code == 0
        assert all(c["created"] == 0 and c["updated"] == 0 for c in report["counts"].values())
        assert report["counts"]["members"]["unchanged"] == 2


def test_a_mapped_consent_column(tmp_path):
    from masthead.newsletters.models import Newsletter
    from masthead.newsletters.models import Subscription as NewsletterSubscription

    Newsletter.objects.create(name="Daily", slug="daily")
    code, _ = import_members(
        GHOST / "members-mapped-subscribed.csv",
        "--map",
        "correo_electronico=email",
        "--map",
        "boletin=subscribed_to_emails",
        "--newsletter",
        "daily",
        tmp_path=tmp_path,
    )
    assert code == 0
    assert list(NewsletterSubscription.objects.values_list("user__email", flat=True)) == [
        "member+mapped_sub_1@example.com"
    ]
    assert User.objects.count() == 2
