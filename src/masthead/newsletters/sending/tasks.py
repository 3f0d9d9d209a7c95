"""The background task that sends newsletter issues (run by the task workers)."""

from django.utils import timezone
from django_tasks import task

from ..models import Issue, IssueState
from .steps import deferrable, issue_step_run


@task()
def send_issue_step(issue_id: int, step: int) -> None:
    issue_step_run(issue_id, step, enqueue_step)


def enqueue_step(issue_id: int, step: int, run_after=None) -> None:
    if run_after is not None and deferrable():
        send_issue_step.using(run_after=run_after).enqueue(issue_id, step)
    else:
        send_issue_step.enqueue(issue_id, step)


@task()
def resume_issues() -> int:
    """Periodic (``masthead.schedule``): give every unfinished issue a step. Normally a no-op
    (the running chain holds the step number, and a duplicate step only helps send); it sends
    scheduled issues with a backend that cannot defer and resumes an issue whose chain was
    broken by a worker killed between taking a step and queuing its watchdog."""
    due = Issue.objects.filter(
        state__in=[IssueState.QUEUED, IssueState.SENDING]
    ) | Issue.objects.filter(state=IssueState.SCHEDULED, scheduled_at__lte=timezone.now())
    count = 0
    for issue_id, step in due.values_list("pk", "step"):
        enqueue_step(issue_id, step)
        count += 1
    return count
