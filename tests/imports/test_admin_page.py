"""The admin's Import page (/admin/import/): upload, a dry run that writes nothing, its report,
the real run from it, progress, refusal of hostile files, resuming, and the permission. Tasks
run at once in tests (the immediate backend), once the request's transaction commits."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from masthead.imports import background
from masthead.imports.models import ImportedItem, ImportRun, ImportStatus
from masthead.newsroom.models import ArticlePage
from tests import factories
from tests.imports.wxr import item, wxr

pytestmark = pytest.mark.django_db

TWO_POSTS = wxr(
    item(11, "First post", "<p>One.</p><ul><li>a</li><li>b</li></ul>")
    + item(12, "Second post", "<p>Two.</p>")
)
MEMBERS = "email,name,subscribed_to_emails\nada@example.org,Ada,false\nnot-an-address,Bo,false\n"


def _importer(client, *, allowed: bool = True):
    user = factories.user("importer@example.org", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if allowed:
        user.user_permissions.add(Permission.objects.get(codename="run_import"))
    client.force_login(user)
    return user


def _upload(client, capture, source: str, name: str, data: str | bytes, **fields):
    body = data.encode() if isinstance(data, str) else data
    with capture(execute=True):
        return client.post(
            "/admin/import/",
            {"source": source, "file": SimpleUploadedFile(name, body), **fields},
        )


def test_a_wxr_is_checked_by_a_dry_run_then_imported(
    client, site, django_capture_on_commit_callbacks
):
    _importer(client)
    response = _upload(client, django_capture_on_commit_callbacks, "wordpress", "x.xml", TWO_POSTS)
    assert response.status_code == 302
    dry = ImportRun.objects.get()
    assert response.url == f"/admin/import/{dry.pk}/"
    assert dry.dry_run and dry.status == ImportStatus.DONE, dry.error
    assert dry.report["counts"]["articles"]["created"] == 2 and dry.total == 2
    assert not ArticlePage.objects.exists() and not ImportedItem.objects.exists()
    page = client.get(response.url).content.decode()
    assert 'data-kind="articles"' in page and "Run the import" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/import/{dry.pk}/run/")
    real = ImportRun.objects.exclude(pk=dry.pk).get()
    assert response.url == f"/admin/import/{real.pk}/"
    assert not real.dry_run and real.checked_by == dry and real.status == ImportStatus.DONE
    assert real.report["counts"]["articles"]["created"] == 2 and real.done == 2
    assert set(ArticlePage.objects.values_list("title", flat=True)) == {"First post", "Second post"}
    assert not background.Path(real.path).exists()  # the upload is gone once imported
    page = client.get(response.url).content.decode()
    assert "What the import did" in page and "Run the import" not in page
    status = client.get(f"/admin/import/{real.pk}/status/").json()
    assert status == {
        "status": "done",
        "done": 2,
        "total": 2,
        "percent": 100,
        "unit": "items",
        "interrupted": False,
    }
    # The dry run cannot be run a second time.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/import/{dry.pk}/run/")
    assert ImportRun.objects.count() == 2


def test_the_same_file_again_creates_nothing(client, site, django_capture_on_commit_callbacks):
    _importer(client)
    for _ in range(2):
        _upload(client, django_capture_on_commit_callbacks, "wordpress", "x.xml", TWO_POSTS)
        dry = ImportRun.objects.filter(dry_run=True).first()
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"/admin/import/{dry.pk}/run/")
    first, second = ImportRun.objects.filter(dry_run=False).order_by("pk")
    assert first.report["counts"]["articles"]["created"] == 2
    assert second.report["counts"]["articles"] == {
        "created": 0,
        "updated": 0,
        "unchanged": 2,
        "rejected": 0,
    }
    assert ArticlePage.objects.count() == 2


@pytest.mark.parametrize(
    "source,name,data,says",
    [
        (
            "wordpress",
            "bomb.xml",
            '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss>&a;</rss>',
            "hostile XML",
        ),
        ("ghost", "x.json", "this is not json", "not"),
        ("substack", "x.zip", b"PK\x03\x04 broken", "zip"),
        ("members", "x.csv", b"PK\x03\x04\x00\x00", "not a CSV"),
    ],
)
def test_a_hostile_or_unusable_file_is_refused_with_nothing_written(
    client, site, django_capture_on_commit_callbacks, source, name, data, says
):
    _importer(client)
    _upload(client, django_capture_on_commit_callbacks, source, name, data)
    run = ImportRun.objects.get()
    assert run.status == ImportStatus.REFUSED and says in run.error, run.error
    assert run.report is None and not background.Path(run.path).exists()
    assert not ArticlePage.objects.exists() and not ImportedItem.objects.exists()
    page = client.get(f"/admin/import/{run.pk}/").content.decode()
    assert "data-import-refused" in page and "Run the import" not in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/import/{run.pk}/run/")
    assert ImportRun.objects.count() == 1


def test_a_member_csv_is_imported_with_its_rejected_line(
    client, site, django_capture_on_commit_callbacks
):
    from django.contrib.auth import get_user_model

    _importer(client)
    _upload(client, django_capture_on_commit_callbacks, "members", "m.csv", MEMBERS)
    dry = ImportRun.objects.get()
    assert dry.status == ImportStatus.DONE and dry.report["counts"]["members"]["created"] == 1
    assert not get_user_model().objects.filter(email="ada@example.org").exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/import/{dry.pk}/run/")
    real = ImportRun.objects.get(dry_run=False)
    assert real.report["counts"]["members"]["created"] == 1
    assert real.report["rejected"][0]["where"] == "line 3"
    assert get_user_model().objects.filter(email="ada@example.org").exists()
    assert real.done == real.total == len(MEMBERS.encode())
    page = client.get(f"/admin/import/{real.pk}/").content.decode()
    assert "line 3" in page and 'data-kind="members"' in page


def test_an_interrupted_run_is_resumed_and_skips_what_is_there(
    client, site, django_capture_on_commit_callbacks, monkeypatch
):
    from masthead.imports import run as run_module

    _importer(client)
    _upload(client, django_capture_on_commit_callbacks, "wordpress", "x.xml", TWO_POSTS)
    dry = ImportRun.objects.get()
    real = background.import_confirm(dry, None)
    # The worker is killed once the first item is committed (BaseException: no handler runs).
    write_one = run_module.write_one

    def killed_after_one(writer, item, report):
        if item.source_id.endswith("|12"):
            raise KeyboardInterrupt
        write_one(writer, item, report)

    monkeypatch.setattr(run_module, "write_one", killed_after_one)
    monkeypatch.setattr(run_module, "BATCH", 1)  # one item a transaction
    with pytest.raises(KeyboardInterrupt):
        background.import_execute(real.pk)
    monkeypatch.setattr(run_module, "write_one", write_one)
    assert ArticlePage.objects.count() == 1
    real.refresh_from_db()
    assert real.status == ImportStatus.RUNNING and not background.interrupted(real)
    stale = timezone.now() - background.STALE - timedelta(seconds=5)
    ImportRun.objects.filter(pk=real.pk).update(status=ImportStatus.RUNNING, updated_at=stale)
    page = client.get(f"/admin/import/{real.pk}/").content.decode()
    assert "interrupted" in page and "data-import-resume" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/import/{real.pk}/resume/")
    assert response.status_code == 302
    real.refresh_from_db()
    assert real.status == ImportStatus.DONE and real.attempts == 2
    assert real.report["counts"]["articles"]["created"] == 1
    assert real.report["counts"]["articles"]["unchanged"] == 1
    assert ArticlePage.objects.count() == 2
    # A finished run is not resumed again.
    assert client.post(f"/admin/import/{real.pk}/resume/").status_code == 302
    assert ImportRun.objects.get(pk=real.pk).attempts == 2


def test_a_run_is_claimed_once(client, site, django_capture_on_commit_callbacks):
    _importer(client)
    _upload(client, django_capture_on_commit_callbacks, "wordpress", "x.xml", TWO_POSTS)
    dry = ImportRun.objects.get()
    assert background.import_execute(dry.pk) == ImportStatus.DONE  # delivered twice: no rerun
    assert ImportRun.objects.get(pk=dry.pk).attempts == 1


def test_without_the_permission_nothing_is_shown_or_stored(client, site):
    _importer(client, allowed=False)
    response = client.post(
        "/admin/import/", {"source": "wordpress", "file": SimpleUploadedFile("x.xml", b"<a/>")}
    )
    assert response.status_code in (302, 403)
    assert not ImportRun.objects.exists()
    assert client.get("/admin/import/").status_code in (302, 403)


def test_a_bad_form_says_why(client, site):
    _importer(client)
    response = client.post("/admin/import/", {"source": "wordpress"})
    assert response.status_code == 400 and "This field is required" in response.content.decode()
    response = client.post(
        "/admin/import/", {"source": "drupal", "file": SimpleUploadedFile("x.xml", b"<a/>")}
    )
    assert response.status_code == 400 and not ImportRun.objects.exists()
    assert client.get("/admin/import/999999/").status_code == 404
    assert client.get("/admin/import/999999/status/").status_code == 404
    assert client.post("/admin/import/999999/run/").status_code == 404
    assert client.post("/admin/import/1/frobnicate/").status_code == 404


def test_an_uploaded_name_stays_in_its_folder():
    assert background.safe_name("../../etc/passwd") == "passwd"
    assert background.safe_name("..\\..\\boot.ini") == "boot.ini"
    assert background.safe_name("a b<c>.xml") == "a_b_c_.xml"
    assert background.safe_name("...") == "upload"


def test_uploads_nobody_ran_are_deleted_a_week_after_their_last_run(
    client, site, django_capture_on_commit_callbacks
):
    _importer(client)
    _upload(client, django_capture_on_commit_callbacks, "wordpress", "old.xml", TWO_POSTS)
    _upload(client, django_capture_on_commit_callbacks, "wordpress", "new.xml", TWO_POSTS)
    old, new = (
        ImportRun.objects.get(file_name="old.xml"),
        ImportRun.objects.get(file_name="new.xml"),
    )
    assert old.status == new.status == ImportStatus.DONE and old.dry_run
    week = timezone.now() - background.KEEP_UPLOADS - timedelta(minutes=1)
    ImportRun.objects.filter(pk=old.pk).update(updated_at=week)
    # A queued real run of the same file keeps it, however old its dry run is.
    ImportRun.objects.filter(pk=new.pk).update(updated_at=week)
    queued = ImportRun.objects.create(
        source="wordpress", file_name="new.xml", path=new.path, dry_run=False, checked_by=new
    )
    assert background.forget_old_uploads() == 1
    assert not background.Path(old.path).exists() and background.Path(new.path).exists()
    assert ImportRun.objects.filter(pk=old.pk).exists()  # the run and its report stay
    page = client.get(f"/admin/import/{old.pk}/").content.decode()
    assert "data-import-confirm" not in page and "data-import-upload-gone" in page
    assert "data-import-upload-gone" not in client.get(f"/admin/import/{new.pk}/").content.decode()
    ImportRun.objects.filter(pk=queued.pk).update(status=ImportStatus.FAILED, updated_at=week)
    assert background.forget_old_uploads() == 1  # the failed run was never resumed
    assert not background.Path(new.path).exists()
    assert background.forget_old_uploads() == 0


def test_pruning_uploads_is_on_the_schedule():
    from masthead.schedule import JOBS

    assert "masthead.imports.background.prune_uploads" in {job.task for job in JOBS}
