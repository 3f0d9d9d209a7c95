"""The member import's rules on hand-made files: trust, consent, suppression, grants, e-mail,
dry runs, unusable files and the odd shapes a spreadsheet writes."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from masthead.billing.models import AccessGrant, Plan, Subscription
from masthead.memberimport.models import MemberRecord
from masthead.newsletters.models import Newsletter, Source, SubscriptionEvent, Suppression
from masthead.newsletters.models import Subscription as NewsletterSubscription

from .support import import_members, rejected_lines, write_csv

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def letters():
    daily = Newsletter.objects.create(name="Daily", slug="daily", default_on_signup=True)
    weekly = Newsletter.objects.create(name="Weekly", slug="weekly")
    insider = Newsletter.objects.create(name="Insider", slug="insider", visibility="subscribers")
    return daily, weekly, insider


def nothing_written():
    return not (
        User.objects.exists()
        or MemberRecord.objects.exists()
        or AccessGrant.objects.exists()
        or NewsletterSubscription.objects.exists()
    )


def test_a_pre_registered_unverified_account_with_a_password_is_not_adopted(tmp_path, letters):
    attacker = User.objects.create_user("victim@example.com", "victim@example.com", "pw-123456")
    EmailAddress.objects.create(user=attacker, email="victim@example.com", verified=False)
    path = write_csv(
        tmp_path,
        "email,name,subscribed_to_emails,complimentary_plan\nVictim@Example.com,Victim,true,true\n",
    )
    code, report = import_members(path, tmp_path=tmp_path)
    assert code == 1
    assert "never verified: not adopted" in rejected_lines(report)["line 2"]
    assert report["counts"]["members"]["rejected"] == 1
    assert not AccessGrant.objects.exists()
    assert not NewsletterSubscription.objects.exists()
    assert not MemberRecord.objects.exists()
    assert EmailAddress.objects.get(user=attacker).verified is False
    attacker.refresh_from_db()
    assert attacker.first_name == "" and attacker.has_usable_password()


def test_a_verified_account_is_added_to_and_keeps_its_password(tmp_path, letters):
    owner = User.objects.create_user("ada", "ada@example.com", "pw-123456", first_name="Ada")
    EmailAddress.objects.create(user=owner, email="ada@example.com", verified=True, primary=True)
    path = write_csv(tmp_path, "email,name,subscribed_to_emails\nADA@example.com,Other,true\n")
    code, report = import_members(path, tmp_path=tmp_path)
    assert code == 0
    assert report["counts"]["members"] == {
        "created": 0,
        "updated": 1,
        "unchanged": 0,
        "rejected": 0,
    }
    owner.refresh_from_db()
    assert owner.has_usable_password() and owner.first_name == "Ada"
    assert NewsletterSubscription.objects.filter(user=owner, newsletter__slug="daily").exists()
    assert User.objects.count() == 1


def test_consent_goes_to_the_chosen_newsletters_with_its_source(tmp_path, letters):
    path = write_csv(
        tmp_path,
        "email,subscribed_to_emails\nyes@example.com,true\nno@example.com,false\n"
        "blank@example.com,\n",
    )
    code, report = import_members(
        path, "--newsletter", "weekly", "--newsletter", "daily", tmp_path=tmp_path
    )
    assert code == 0
    yes = User.objects.get(email="yes@example.com")
    assert set(
        NewsletterSubscription.objects.filter(user=yes, active=True).values_list(
            "newsletter__slug", flat=True
        )
    ) == {"daily", "weekly"}
    events = SubscriptionEvent.objects.filter(user=yes)
    assert {e.source for e in events} == {Source.IMPORT} and events.count() == 2
    assert "members.csv" in yes.member_record.consent
    assert NewsletterSubscription.objects.filter(user__email="no@example.com").count() == 0
    assert NewsletterSubscription.objects.filter(user__email="blank@example.com").count() == 0
    assert report["counts"]["newsletter_subscriptions"]["created"] == 2


def test_the_suppression_list_wins(tmp_path, letters):
    Suppression.objects.create(email="bounced@example.com", reason="bounced")
    path = write_csv(tmp_path, "email,subscribed_to_emails\nBounced@example.com,true\n")
    code, _ = import_members(path, tmp_path=tmp_path)
    assert code == 0
    assert User.objects.filter(email="bounced@example.com").exists()
    assert not NewsletterSubscription.objects.exists()


def test_a_reader_who_left_a_newsletter_is_not_put_back(tmp_path, letters):
    path = write_csv(tmp_path, "email,subscribed_to_emails\nada@example.com,true\n")
    import_members(path, tmp_path=tmp_path)
    NewsletterSubscription.objects.update(active=False)
    code, report = import_members(path, tmp_path=tmp_path)
    assert code == 0
    assert not NewsletterSubscription.objects.filter(active=True).exists()
    assert report["counts"]["newsletter_subscriptions"]["created"] == 0


def test_a_subscribers_only_newsletter_is_refused_to_a_free_reader(tmp_path, letters):
    path = write_csv(tmp_path, "email,subscribed_to_emails\nfree@example.com,true\n")
    code, report = import_members(path, "--newsletter", "insider", tmp_path=tmp_path)
    assert code == 1
    assert "newsletter insider" in rejected_lines(report)["line 2"]
    assert User.objects.filter(email="free@example.com").exists()
    assert not NewsletterSubscription.objects.exists()


def test_complimentary_plans_become_grants_once(tmp_path):
    path = write_csv(
        tmp_path,
        "email,complimentary_plan,complimentary_until\n"
        "comp@example.com,true,\nuntil@example.com,true,2030-01-31\n"
        "ended@example.com,true,2001-01-01\nfree@example.com,false,\n",
        name="c.csv",
    )
    code, report = import_members(path, "--format", "masthead", tmp_path=tmp_path)
    assert code == 0
    assert report["counts"]["grants"]["created"] == 2
    forever = AccessGrant.objects.get(user__email="comp@example.com")
    assert forever.ends_at > timezone.now() + timezone.timedelta(days=3000)
    until = AccessGrant.objects.get(user__email="until@example.com")
    assert until.ends_at.date().isoformat() == "2030-01-31"
    assert AccessGrant.objects.count() == 2
    code, report = import_members(path, "--format", "masthead", tmp_path=tmp_path)
    assert code == 0 and AccessGrant.objects.count() == 2
    assert report["counts"]["grants"] == {"created": 0, "updated": 0, "unchanged": 2, "rejected": 0}


def test_nobody_is_emailed_without_notify(tmp_path, letters):
    path = write_csv(tmp_path, "email,subscribed_to_emails\na@example.com,true\nb@example.com,1\n")
    mail.outbox.clear()
    code, _ = import_members(path, tmp_path=tmp_path)
    assert code == 0 and User.objects.count() == 2
    assert mail.outbox == []


def test_notify_emails_each_new_reader_once_and_no_suppressed_address(tmp_path):
    old = User.objects.create_user("old", "old@example.com", None)
    EmailAddress.objects.create(user=old, email="old@example.com", verified=True)
    Suppression.objects.create(email="gone@example.com", reason="bounced")
    path = write_csv(tmp_path, "email\nnew@example.com\nold@example.com\ngone@example.com\n")
    mail.outbox.clear()
    code, _ = import_members(path, "--notify", tmp_path=tmp_path)
    assert code == 0
    assert [m.to for m in mail.outbox] == [["new@example.com"]]
    assert "/accounts/login/code/" in mail.outbox[0].body
    import_members(path, "--notify", tmp_path=tmp_path)
    assert len(mail.outbox) == 1  # a re-run creates nobody, so e-mails nobody


def test_dry_run_writes_only_the_report(tmp_path, letters):
    path = write_csv(
        tmp_path, "email,subscribed_to_emails,complimentary_plan\na@example.com,true,true\nbad,1,\n"
    )
    code, report = import_members(path, "--dry-run", "--notify", tmp_path=tmp_path)
    assert code == 1
    assert report["dry_run"] is True
    assert report["counts"]["members"]["created"] == 1
    assert report["counts"]["grants"]["created"] == 1
    assert report["counts"]["newsletter_subscriptions"]["created"] == 1
    assert list(rejected_lines(report)) == ["line 3"]
    assert nothing_written() and mail.outbox == []


@pytest.mark.parametrize(
    "content, why",
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"PK\x03\x04\x14\x00\x00\x00", "archive"),
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n',
            "e-mail",
        ),
        (b'{"members": [{"email": "a@example.com"}]}\n', "e-mail"),
        (b"name,note\nAda,hello\n", "e-mail"),
        (b"em\xe9il,name\na@example.com,x\n", "UTF-8"),
    ],
)
def test_an_unusable_file_exits_2_and_writes_nothing(tmp_path, capsys, content, why):
    path = write_csv(tmp_path, content)
    code, report = import_members(path, tmp_path=tmp_path)
    assert code == 2 and report == {}
    err = capsys.readouterr().err
    assert why in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert nothing_written()


def test_unknown_options_exit_2_before_anything_is_written(tmp_path, capsys):
    path = write_csv(tmp_path, "email\na@example.com\n")
    assert import_members(path, "--newsletter", "nope", tmp_path=tmp_path)[0] == 2
    assert import_members(path, "--price", "price_1=nope", tmp_path=tmp_path)[0] == 2
    assert import_members(path, "--map", "x=password", tmp_path=tmp_path)[0] == 2
    assert import_members(tmp_path / "missing.csv", tmp_path=tmp_path)[0] == 2
    assert nothing_written()


def test_a_bom_a_semicolon_file_and_crlf_lines_are_read(tmp_path):
    text = "\ufeffemail;name;labels\r\nbom@example.com;Zoë;a\r\nsecond@example.com;Bo;\r\n"
    code, report = import_members(write_csv(tmp_path, text), tmp_path=tmp_path)
    assert code == 0, report
    assert User.objects.get(email="bom@example.com").first_name == "Zoë"
    assert User.objects.count() == 2


def test_bad_rows_are_rejected_with_the_line_they_start_on(tmp_path):
    long_note = "x" * 2001
    text = (
        "email,note,created_at,subscribed_to_emails\n"
        'multi@example.com,"two\nlines",,\n'  # lines 2-3
        "late@example.com,,not-a-date,\n"  # line 4
        "bool@example.com,,,maybe\n"  # line 5
        f"long@example.com,{long_note},,\n"  # line 6
        "too,many,fields,here,really\n"  # line 7
        "ok@example.com,,2020-02-29,\n"  # line 8
    )
    code, report = import_members(write_csv(tmp_path, text), tmp_path=tmp_path)
    assert code == 1
    lines = rejected_lines(report)
    assert set(lines) == {"line 4", "line 5", "line 6", "line 7"}
    assert "not a date" in lines["line 4"]
    assert "not true or false" in lines["line 5"]
    assert "longer than 2000" in lines["line 6"]
    assert lines["line 7"] == "5 fields, the header has 4"
    assert User.objects.get(email="multi@example.com").member_record.note == "two\nlines"
    assert User.objects.get(email="ok@example.com").date_joined.date().isoformat() == "2020-02-29"
    assert report["counts"]["members"] == {
        "created": 2,
        "updated": 0,
        "unchanged": 0,
        "rejected": 4,
    }


def test_addresses_are_normalised_case_and_nfc_and_merged(tmp_path):
    decomposed = "Ada@Exa\u0301mple.com"  # a + combining accent
    composed = "ada@ex\u00e1mple.com"
    text = f"email,labels\n{decomposed},a\n{composed},b\n"
    code, report = import_members(write_csv(tmp_path, text), tmp_path=tmp_path)
    assert code == 0
    user = User.objects.get()
    assert user.email == composed
    assert user.member_record.labels == ["a", "b"]
    assert report["merged"] == [
        {"where": "line 3", "reason": "same reader as line 2 (it differs in case): merged"}
    ]


def test_a_price_mapping_names_an_existing_plan(tmp_path):
    Plan.objects.create(name="Monthly", slug="monthly", amount="5")
    path = write_csv(tmp_path, "email\na@example.com\n")
    code, _ = import_members(path, "--price", "price_1=monthly", tmp_path=tmp_path)
    assert code == 0 and not Subscription.objects.exists()


def test_accounts_stored_in_another_case_are_found(tmp_path):
    legacy = User.objects.create_user("legacy", "Legacy@Example.com", None)  # no address row
    staff = User.objects.create_user("staff", "Staff@Example.com", "pw-123456")  # a password
    mixed = User.objects.create_user("mixed", "mixed@example.com", "pw-123456")
    EmailAddress.objects.create(user=mixed, email="MIXED@example.com", verified=True)
    path = write_csv(
        tmp_path,
        "email,labels\nlegacy@example.com,a\nstaff@example.com,b\nmixed@example.com,c\n",
    )
    code, report = import_members(path, tmp_path=tmp_path)
    assert code == 1
    assert list(rejected_lines(report)) == ["line 3"]
    assert User.objects.count() == 3
    assert legacy.member_record.labels == ["a"]
    assert EmailAddress.objects.get(user=legacy).verified is True
    assert not MemberRecord.objects.filter(user=staff).exists()
    assert MemberRecord.objects.get(user=mixed).labels == ["c"]


def test_an_overlong_line_is_rejected_unread_and_the_rest_imported(tmp_path):
    huge = "x" * (3 << 20)
    text = f"email,note\nfirst@example.com,a\nlong@example.com,{huge}\nlast@example.com,b\n"
    code, report = import_members(write_csv(tmp_path, text), tmp_path=tmp_path)
    assert code == 1
    assert rejected_lines(report) == {"line 3": "the line is longer than 1048576 characters"}
    assert set(User.objects.values_list("email", flat=True)) == {
        "first@example.com",
        "last@example.com",
    }


def test_an_unclosed_quote_cannot_swallow_the_file(tmp_path):
    body = "".join(f"r{i}@example.com,n\n" for i in range(3000))  # ~50 kB after the quote
    text = f'email,note\nok@example.com,"open\n{body}x' + "y" * 70000 + "\nlast@example.com,z\n"
    code, report = import_members(write_csv(tmp_path, text), tmp_path=tmp_path)
    assert code == 1
    assert "line 2" in rejected_lines(report)
    assert User.objects.filter(email="last@example.com").exists()


def test_export_to_an_unwritable_place_exits_2(tmp_path, capsys):
    from .support import export_members

    assert export_members(tmp_path / "missing-dir" / "out.csv") == 2
    assert "Traceback" not in capsys.readouterr().err


def test_an_unwritable_report_stops_the_import_before_it_starts(tmp_path, capsys):
    from masthead.cli import main

    path = write_csv(tmp_path, "email\na@example.com\n")
    code = main(["import", "members", str(path), "--report", str(tmp_path / "no" / "r.json")])
    assert code == 2
    assert "--report" in capsys.readouterr().err
    assert nothing_written()


def test_the_summary_names_every_kind(tmp_path, capsys):
    path = write_csv(tmp_path, "email\na@example.com\n")
    import_members(path, tmp_path=tmp_path)
    out = capsys.readouterr().out
    assert "members 1 created, 0 updated, 0 unchanged, 0 rejected" in out
    assert "grants 0 created, 0 updated, 0 unchanged, 0 rejected" in out


def test_a_dry_run_leaves_no_cached_entitlement_behind(tmp_path, letters, monkeypatch):
    """A dry run's reader (comp, so entitled to the subscribers-only newsletter it asks
    for) is rolled back; the entitlement cached for that id must not outlive it."""
    from django.core.cache import cache

    from masthead.billing.entitlement_cache import generation_key
    from masthead.memberimport import run

    forgotten = []
    real = run.forget_entitlements
    monkeypatch.setattr(run, "forget_entitlements", lambda ids: forgotten.extend(ids) or real(ids))
    path = write_csv(
        tmp_path, "email,subscribed_to_emails,complimentary_plan\ncomp@example.com,true,true\n"
    )
    code, report = import_members(
        path, "--dry-run", "--newsletter", "insider", "--format", "ghost", tmp_path=tmp_path
    )
    assert code == 0, report
    assert report["counts"]["newsletter_subscriptions"]["created"] == 1  # it was entitled
    assert len(forgotten) == 1 and forgotten[0] is not None
    assert cache.get(generation_key(forgotten[0])) is None  # its answers are never read again
    assert nothing_written()
