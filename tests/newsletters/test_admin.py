"""The editor's side: "Send as newsletter" on an article (previews per reader kind, a test
send, send now or later), the issue's progress, and the suppression list."""

import pytest

from masthead.newsletters.models import Issue, IssueState, Suppression
from masthead.newsletters.services.subscriptions import subscription_set
from tests import factories
from tests.factories import CANARY

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = factories.user("editor@example.org", is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def test_article_pages_offer_the_send_action(client, editor, daily, world):
    article = factories.article(world)
    html = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert f"/admin/newsletters/send/{article.pk}/" in html
    assert "Send as newsletter" in html


def test_previews_show_each_reader_kind_its_cut(client, editor, daily, world):
    article = factories.article(world)
    page = client.get(f"/admin/newsletters/send/{article.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-preview="registered"' in html and 'data-preview="subscriber"' in html
    base = f"/admin/newsletters/preview/{article.pk}"
    registered = client.get(f"{base}/registered/?newsletter={daily.pk}").content.decode()
    subscriber = client.get(f"{base}/subscriber/?newsletter={daily.pk}").content.decode()
    assert CANARY not in registered and "Paragraph 1 of the story" in registered
    assert CANARY in subscriber


def test_test_send_goes_only_to_the_editor(client, editor, daily, world, mailoutbox):
    subscription_set(factories.user(), daily, True, "page")
    article = factories.article(world)
    form = {"newsletter": daily.pk, "subject": "Hello", "preheader": "", "when": "now"}
    client.post(f"/admin/newsletters/send/{article.pk}/", {**form, "test": "1"})
    assert [m.to for m in mailoutbox] == [["editor@example.org"], ["editor@example.org"]]
    assert not Issue.objects.exists()


def test_send_now_then_the_issue_page_shows_progress(client, editor, daily, world, mailoutbox):
    subscription_set(factories.user(), daily, True, "page")
    article = factories.article(world)
    form = {"newsletter": daily.pk, "subject": "Hello", "preheader": "", "when": "now"}
    response = client.post(f"/admin/newsletters/send/{article.pk}/", {**form, "send": "1"})
    issue = Issue.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"/issues/{issue.pk}/")
    assert issue.state == IssueState.SENT and len(mailoutbox) == 1
    html = client.get(response.url).content.decode()
    assert 'data-stat="sent">1<' in html and 'data-stat="total">1<' in html
    assert "Hello" in client.get("/admin/newsletters/issues/").content.decode()


def test_scheduling_needs_a_future_time(client, editor, daily, world):
    article = factories.article(world)
    form = {"newsletter": daily.pk, "subject": "Later", "when": "later", "send": "1"}
    response = client.post(f"/admin/newsletters/send/{article.pk}/", form)
    assert response.status_code == 200 and "Choose when to send it." in response.content.decode()
    assert not Issue.objects.exists()


def test_editors_see_and_lift_suppressions(client, editor):
    row = Suppression.objects.create(email="gone@example.org", reason="bounced")
    assert "gone@example.org" in client.get("/admin/suppressions/").content.decode()
    client.post(
        f"/admin/suppressions/edit/{row.pk}/",
        {"email": row.email, "reason": "bounced", "detail": ""},  # "suppressed" unticked
    )
    row.refresh_from_db()
    assert row.suppressed is False


def test_readers_cannot_reach_the_admin_views(client, daily, world):
    client.force_login(factories.user())
    article = factories.article(world)
    assert client.get(f"/admin/newsletters/send/{article.pk}/").status_code in (302, 403)
