"""The background task that sends newsletter issues (run by the task workers)."""

from django_tasks import task

from .steps import deferrable, issue_step_run


@task()
def send_issue_step(issue_id: int, step: int) -> None:
    issue_step_run(issue_id, step, enqueue_step)


def enqueue_step(issue_id: int, step: int, run_after=None) -> None:
    if run_after is not None and deferrable():
        send_issue_step.using(run_after=run_after).enqueue(issue_id, step)
    else:
        send_issue_step.enqueue(issue_id, step)
