"""Sending an issue through a real SMTP server: headers, parts, the gate per reader kind,
what is skipped at send time, retries, permanent failures and the rate limit."""

import time

import pytest
from prometheus_client import REGISTRY

from masthead.newsletters.models import DeliveryState, IssueState, Subscription
from masthead.newsletters.selectors import issue_progress
from masthead.newsletters.services.issues import issue_create
from masthead.newsletters.services.subscriptions import subscription_set
from masthead.newsletters.services.suppression import suppression_add
from tests import factories
from tests.comments.support import SECRET as COMMENT_CANARY
from tests.comments.support import comment
from tests.factories import CANARY

from .conftest import make_readers

pytestmark = pytest.mark.django_db


@pytest.fixture
def https_site(settings):
    settings.SITE_URL = "https://news.example.org"


def _emails(name: str) -> float:
    sample = f"masthead_emails_{name}_total"
    return REGISTRY.get_sample_value(sample, {"kind": "newsletter"}) or 0.0


def _parts(msg) -> tuple[str, str]:
    return msg.get_body(("html",)).get_content(), msg.get_body(("plain",)).get_content()


def test_each_reader_kind_gets_its_cut_with_list_headers(sink, daily, world, https_site):
    reader = factories.user("reader@example.org")
    subscriber = factories.subscriber("paying@example.org")
    for who in (reader, subscriber):
        subscription_set(who, daily, True, "page")
    issue = issue_create(daily, factories.article(world, title="Rates hold"))
    issue.refresh_from_db()
    assert issue.state == IssueState.SENT
    assert sink.per_address() == {"reader@example.org": 1, "paying@example.org": 1}

    [free] = sink.to("reader@example.org")
    [paid] = sink.to("paying@example.org")
    for msg in (free, paid):
        assert msg["List-Id"] == "Morning Briefing <briefing.news.example.org>"
        unsub, mailto = [u.strip(" <>") for u in msg["List-Unsubscribe"].split(",")]
        assert unsub.startswith("https://news.example.org/newsletters/unsubscribe/")
        assert mailto.startswith("mailto:")
        assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert msg["Message-ID"].startswith("<nl.") and msg["Date"]
        assert msg["Subject"] == "Rates hold"
        assert len(msg.as_bytes()) < 100 * 1024
        html, text = _parts(msg)
        assert "Paragraph 1 of the story" in html and "Paragraph 1 of the story" in text
        assert 'href="/' not in html and 'src="/' not in html  # absolute URLs only
        assert "<style" not in html and 'style="' in html  # CSS inlined
    free_html, free_text = _parts(free)
    assert CANARY not in free_html and CANARY not in free_text
    assert "https://news.example.org/subscribe/" in free_html
    paid_html, paid_text = _parts(paid)
    assert CANARY in paid_html and CANARY in paid_text
    assert free["Message-ID"] != paid["Message-ID"]


def test_skipped_at_send_time_unsubscribed_suppressed_and_lapsed(sink, weekly, world):
    stays = factories.subscriber("stays@example.org")
    leaves = factories.subscriber("leaves@example.org")
    lapsed = factories.subscriber("lapsed@example.org")
    bounced = factories.subscriber("bounced@example.org")
    for who in (stays, leaves, lapsed, bounced):
        subscription_set(who, weekly, True, "page")
    Subscription.objects.filter(user=leaves).update(active=False)
    lapsed.subscriptions.update(status="canceled")
    suppression_add("Bounced@Example.org", "bounced")
    issue = issue_create(weekly, factories.article(world))
    assert sink.per_address() == {"stays@example.org": 1}
    reasons = dict(issue.deliveries.values_list("email", "error"))
    assert reasons == {
        "stays@example.org": "",
        "lapsed@example.org": "no longer a subscriber",
        "bounced@example.org": "suppressed",
    }  # leaves@ had left before the list was taken


def test_temporary_failures_retry_and_permanent_ones_are_recorded(sink, daily, world, settings):
    settings.NEWSLETTER_RETRY_BASE = 0.05
    make_readers(daily, 3, prefix="smtp")
    sink.answers["smtp0@example.org"] = ["451 4.3.0 Try again later", "421 4.7.0 Busy"]
    sink.answers["smtp1@example.org"] = ["550 5.1.1 No such user"]
    sent, failed = _emails("sent"), _emails("failed")
    issue = issue_create(daily, factories.article(world))
    rows = {d.email: d for d in issue.deliveries.all()}
    assert rows["smtp0@example.org"].state == DeliveryState.SENT
    assert rows["smtp0@example.org"].attempts == 3
    assert rows["smtp1@example.org"].state == DeliveryState.FAILED
    assert rows["smtp1@example.org"].error.startswith("550")
    assert sink.per_address() == {"smtp0@example.org": 1, "smtp2@example.org": 1}
    issue.refresh_from_db()
    progress = issue_progress(issue)
    assert (progress["sent"], progress["failed"], progress["total"]) == (2, 1, 3)
    assert issue.state == IssueState.SENT
    # /metrics counts each message once: two accepted, one given up (retries are not failures).
    assert (_emails("sent") - sent, _emails("failed") - failed) == (2, 1)


def test_rate_limit_spaces_the_messages(sink, daily, world, settings):
    settings.NEWSLETTER_RATE = 20
    make_readers(daily, 8, prefix="paced")
    started = time.monotonic()
    issue_create(daily, factories.article(world))
    assert time.monotonic() - started >= 7 / 20
    assert sum(sink.per_address().values()) == 8


def test_subscribers_only_article_never_reaches_registered_readers(sink, daily, world):
    make_readers(daily, 2, prefix="canary")
    make_readers(daily, 1, prefix="entitled", entitled=True)
    article = factories.article(world, access="subscribers")
    # Its comments can quote the gated text: an edition carries none, to anyone.
    comment(article, body=f"Quoting the gated part: {COMMENT_CANARY}")
    issue_create(daily, article)
    for address in ("canary0@example.org", "canary1@example.org"):
        [msg] = sink.to(address)
        html, text = _parts(msg)
        assert CANARY not in html and CANARY not in text
        assert CANARY not in msg.as_string() and COMMENT_CANARY not in msg.as_string()
    [msg] = sink.to("entitled0@example.org")
    assert CANARY in _parts(msg)[0]
    assert COMMENT_CANARY not in msg.as_string()


def test_a_free_article_goes_out_whole_to_everyone(sink, daily, world):
    make_readers(daily, 1, prefix="freebie")
    issue_create(daily, factories.article(world, access="free"))
    assert CANARY in _parts(sink.to("freebie0@example.org")[0])[1]


def test_a_test_send_shows_the_editor_both_cuts(sink, daily, world):
    make_readers(daily, 2, prefix="quiet")
    issue = issue_create(daily, factories.article(world), test_email="editor@example.org")
    assert set(sink.per_address()) == {"editor@example.org"}
    subjects = sorted(m["Subject"] for m in sink.to("editor@example.org"))
    assert subjects[0].startswith("[Test, as a registered reader]")
    assert subjects[1].startswith("[Test, as a subscriber]")
    assert not issue.deliveries.exists()


def test_a_scheduled_issue_is_queued_for_its_time_with_a_watchdog(daily, world, settings):
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    at = timezone.now() + timedelta(hours=3)
    issue = issue_create(daily, factories.article(world), scheduled_at=at)
    assert issue.state == IssueState.SCHEDULED
    steps = DBTaskResult.objects.filter(task_path__endswith="send_issue_step")
    runs = sorted(steps.values_list("run_after", flat=True))
    assert runs == [at, at + timedelta(seconds=settings.NEWSLETTER_LEASE)]


def test_the_periodic_job_sends_a_due_scheduled_issue(sink, daily, world):
    from datetime import timedelta

    from django.utils import timezone

    from masthead.newsletters.sending.tasks import resume_issues

    make_readers(daily, 2, prefix="later")
    at = timezone.now() + timedelta(hours=1)
    issue = issue_create(daily, factories.article(world), scheduled_at=at)
    assert not sink.per_address()  # the immediate backend cannot defer: nothing yet
    issue.__class__.objects.filter(pk=issue.pk).update(scheduled_at=timezone.now())
    assert resume_issues.call() == 1
    assert sum(sink.per_address().values()) == 2
    resume_issues.call()  # finished issues are left alone
    assert sum(sink.per_address().values()) == 2
