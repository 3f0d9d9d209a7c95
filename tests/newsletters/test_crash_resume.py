"""The crash-and-resume test: an issue to 2,000 recipients, a real task worker (django-tasks-db's
``db_worker``) killed with SIGKILL in the middle, started again — and every address holds
exactly one message at the SMTP server.

"One message" is counted by Message-ID: SMTP cannot tell a client whether a message whose
acceptance it was about to record had been accepted, so the one message in flight at the
moment of the kill may reach the server twice — with the same Message-ID, which receiving
systems treat as one message. Every other recipient gets exactly one copy, and none is lost.
"""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings as django_settings

from masthead.newsletters.models import Delivery, DeliveryState, Issue, IssueState
from masthead.newsletters.services.issues import issue_create
from tests import factories
from tests.support import live

from .conftest import make_readers

RECIPIENTS = 2000


def _worker(port: int) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        DATABASE_URL=live.test_database_url(),
        MASTHEAD_TASKS_IMMEDIATE="0",
        MASTHEAD_EMAIL_URL=f"smtp://127.0.0.1:{port}",
        MASTHEAD_NEWSLETTER_LEASE="2",
        MASTHEAD_NEWSLETTER_BATCH="50",
        DJANGO_SETTINGS_MODULE="masthead.settings",
    )
    if django_settings.REDIS_URL:
        env["REDIS_URL"] = django_settings.REDIS_URL
    command = [sys.executable, "-m", "masthead.cli", "manage", "db_worker"]
    return subprocess.Popen(
        [*command, "--interval", "0.1", "--no-startup-delay"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait(condition, timeout: float, proc: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if proc.poll() is not None:
            raise AssertionError(f"worker exited: {proc.stderr.read().decode()[-3000:]}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


@pytest.mark.django_db(transaction=True)
def test_sigkill_mid_send_then_restart_sends_each_address_one_message(sink, daily, world, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.NEWSLETTER_LEASE = 2
    make_readers(daily, RECIPIENTS, prefix="crash")
    issue = issue_create(daily, factories.article(world))

    def received() -> int:
        return sum(sink.per_address().values())

    first = _worker(sink.port)
    try:
        _wait(lambda: received() >= RECIPIENTS // 4, 90, first, "the first messages")
    finally:
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
    at_kill = received()
    assert 0 < at_kill < RECIPIENTS, "the worker must die in the middle of the issue"
    time.sleep(0.3)
    assert received() == at_kill  # nothing is sending now

    second = _worker(sink.port)
    try:
        _wait(
            lambda: Issue.objects.get(pk=issue.pk).state == IssueState.SENT,
            120,
            second,
            "the issue to finish",
        )
    finally:
        second.terminate()
        second.wait(timeout=15)

    ids = sink.ids_per_address()
    assert len(ids) == RECIPIENTS  # nobody lost
    assert all(len(message_ids) == 1 for message_ids in ids.values())  # nobody got two
    copies = sink.per_address()
    assert sum(copies.values()) <= RECIPIENTS + 1  # at most the one in flight, same Message-ID
    print(f"killed after {at_kill} messages; {sum(copies.values()) - RECIPIENTS} sent twice")
    assert Delivery.objects.filter(issue=issue, state=DeliveryState.SENT).count() == RECIPIENTS
