"""Billing's periodic work, on the task schedule (``masthead.schedule``): no operator's cron.

``send_trial_reminders`` runs hourly; each trial is reminded once, three days or less before it
ends (``services.send_due_reminders`` claims the subscription's ``trial_reminder_sent`` flag
with a compare-and-set, so overlapping runs or several workers send one mail)."""

from django_tasks import task

from .services import send_due_reminders


@task()
def send_trial_reminders() -> int:
    """Queue the trial-ending reminders that are due; returns how many."""
    return send_due_reminders()
