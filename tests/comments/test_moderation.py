"""Moderation: rules that refuse or hold a comment, pre-moderation, reports, the admin queue
with approve / reject (with a reason) / feature, suspensions and bans — every action logged,
every admin view behind its own permission — and the per-account rate limit."""

import json

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.models import Site

from masthead.comments.editorial import clear_settings_cache
from masthead.comments.models import (
    Comment,
    Commenter,
    CommentReport,
    CommentSettings,
    ModerationLog,
)
from masthead.ratelimits import POSTS_PER_MINUTE
from tests import factories
from tests.comments.support import comment, signed_in

pytestmark = pytest.mark.django_db


def _settings(**values):
    settings = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    for key, value in values.items():
        setattr(settings, key, value)
    settings.save()
    clear_settings_cache()


def _post(client, article, body, **extra):
    data = json.dumps({"body": body, **extra})
    return client.post(
        f"/api/v1/articles/{article.pk}/comments/", data, content_type="application/json"
    )


@pytest.fixture
def free(world):
    return factories.article(world, access="free")


@pytest.fixture
def moderator(db):
    user = factories.user("mod@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="Comment moderators"))
    return signed_in(user)


def test_banned_words_are_refused_and_suspect_words_and_links_held(free):
    _settings(banned_words="vilewordx\nbad phrase", suspect_words="crypto")
    client = signed_in(factories.user())
    refused = _post(client, free, "This has VileWordX in it")
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "banned_words"
    assert not Comment.objects.exists()
    held = _post(client, free, "Buy crypto now")
    assert held.json()["status"] == "held"
    linked = _post(client, free, "See https://spam.example/x")
    assert linked.json()["status"] == "held"
    assert Comment.objects.get(pk=linked.json()["id"]).status_reason == "Contains a link"
    staff = _post(signed_in(factories.user("e@example.org", is_staff=True)), free, "See www.x.io")
    assert staff.json()["status"] == "published"
    other = signed_in(factories.user("o@example.org"))
    assert other.get(f"/api/v1/articles/{free.pk}/comments/").json()["count"] == 1


def test_a_readers_first_comments_are_pre_moderated(free):
    _settings(premoderate_first=1)
    client = signed_in(factories.user())
    first = _post(client, free, "Hello there")
    assert first.status_code == 201 and first.json()["status"] == "pending"
    assert _post(client, free, "Second").json()["status"] == "pending"
    Comment.objects.filter(pk=first.json()["id"]).update(status="published")
    assert _post(client, free, "Third").json()["status"] == "published"


def test_a_report_reaches_the_queue_and_the_moderators(
    free, moderator, django_capture_on_commit_callbacks
):
    c = comment(free, body="A rude remark")
    reader = signed_in(factories.user("reporter@example.org"))
    form = reader.get(f"/comments/{free.pk}/{c.pk}/report/").content.decode()
    assert 'value="abuse"' in form
    with django_capture_on_commit_callbacks(execute=True):
        response = reader.post(
            f"/comments/{free.pk}/{c.pk}/report/", {"reason": "abuse", "note": "!"}
        )
    assert response.status_code == 303
    reader.post(f"/comments/{free.pk}/{c.pk}/report/", {"reason": "abuse"})  # once per reader
    assert CommentReport.objects.count() == 1
    assert [m.to for m in mail.outbox] == [["mod@example.org"]]
    assert "A rude remark" in mail.outbox[0].body and "/admin/comments/" in mail.outbox[0].body
    bad = reader.post(f"/comments/{free.pk}/{c.pk}/report/", {"reason": "nonsense"})
    assert bad.status_code in (200, 400)

    queue = moderator.get("/admin/comments/?tab=reported").content.decode()
    assert f'data-queue-comment="{c.pk}"' in queue and 'data-report-reason="abuse"' in queue


def test_the_admin_is_for_moderators_only(free):
    comment(free, status="pending")
    editor = factories.user("plain-staff@example.org", is_staff=True)
    access = Group.objects.create(name="Admin only")
    from django.contrib.auth.models import Permission

    access.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(access)
    client = signed_in(editor)
    for url in (
        "/admin/comments/",
        "/admin/comments/log/",
        f"/admin/comments/readers/{editor.pk}/",
    ):
        assert client.get(url).status_code in (302, 403), url
    target = Comment.objects.get()
    assert client.post(f"/admin/comments/{target.pk}/approve/").status_code in (302, 403)
    target.refresh_from_db()
    assert target.status == "pending" and not ModerationLog.objects.exists()
    assert signed_in(factories.user()).get("/admin/comments/").status_code == 302


def test_approve_reject_and_feature_are_logged(free, moderator):
    pending = comment(free, body="Waiting one", status="pending")
    held = comment(free, body="Held one", status="held", status_reason="Contains a link")
    queue = moderator.get("/admin/comments/").content.decode()
    assert f'data-queue-comment="{pending.pk}"' in queue
    assert f'data-queue-comment="{held.pk}"' in queue

    moderator.post(f"/admin/comments/{pending.pk}/approve/")
    no_reason = moderator.post(f"/admin/comments/{held.pk}/reject/", {"reason": " "})
    assert no_reason.status_code == 302
    held.refresh_from_db()
    assert held.status == "held"
    moderator.post(f"/admin/comments/{held.pk}/reject/", {"reason": "Advertising"})
    moderator.post(f"/admin/comments/{pending.pk}/feature/")
    pending.refresh_from_db()
    held.refresh_from_db()
    assert pending.status == "published" and pending.featured
    assert held.status == "rejected" and held.status_reason == "Advertising"
    log = list(ModerationLog.objects.order_by("pk").values_list("action", "comment_id", "reason"))
    assert log == [
        ("approve", pending.pk, ""),
        ("reject", held.pk, "Advertising"),
        ("feature", pending.pk, ""),
    ]
    assert 'data-log-action="reject"' in moderator.get("/admin/comments/log/").content.decode()


def test_suspend_and_ban_from_the_readers_history(free, moderator):
    troll = factories.user("troll@example.org")
    c = comment(free, author=troll, body="Trolling")
    page = moderator.get(f"/admin/comments/readers/{troll.pk}/").content.decode()
    assert f'data-history-comment="{c.pk}"' in page and 'data-standing="good"' in page
    moderator.post(f"/admin/comments/readers/{troll.pk}/suspend/", {"days": "3", "reason": "Heat"})
    assert (
        'data-standing="suspended"'
        in moderator.get(f"/admin/comments/readers/{troll.pk}/").content.decode()
    )
    assert _post(signed_in(troll), free, "Again").json()["error"]["code"] == "suspended"
    moderator.post(f"/admin/comments/readers/{troll.pk}/suspend/", {"days": "zero"})
    moderator.post(f"/admin/comments/readers/{troll.pk}/ban/", {"reason": "Repeat"})
    assert Commenter.objects.get(user=troll).banned_at is not None
    assert _post(signed_in(troll), free, "Again").json()["error"]["code"] == "banned"
    moderator.post(f"/admin/comments/readers/{troll.pk}/reinstate/")
    assert _post(signed_in(troll), free, "Sorry").status_code == 201
    actions = list(ModerationLog.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["suspend", "ban", "reinstate"]


def test_posting_is_rate_limited_per_account(free):
    client = signed_in(factories.user())
    for i in range(POSTS_PER_MINUTE):
        assert _post(client, free, f"Comment {i}").status_code == 201
    over = _post(client, free, "One too many")
    assert over.status_code == 429 and over.json()["error"]["code"] == "rate_limited"
    assert Comment.objects.count() == POSTS_PER_MINUTE
    # Another account is not slowed down.
    assert _post(signed_in(factories.user("b@example.org")), free, "Mine").status_code == 201
