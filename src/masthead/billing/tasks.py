"""E-mails to readers, sent by background tasks (django-tasks; immediate in the demo)."""

from django.conf import settings
from django_tasks import task

from masthead import observability
from masthead.sitemail import send_site_mail

from .models import Subscription

KIND = "billing"  # the /metrics label of these mails


def _account_url() -> str:
    return f"{settings.SITE_URL}{settings.READER_ACCOUNT_URL}"


def _send(subject: str, body: str, to: str) -> None:
    """Send one lifecycle mail, counted in /metrics; a failure is counted and re-raised (the
    task runner records and retries it)."""
    with observability.emails_counted(KIND):
        send_site_mail(subject, body, [to])


@task()
def send_subscription_confirmation(subscription_id: int) -> None:
    sub = Subscription.objects.select_related("user", "plan").filter(pk=subscription_id).first()
    if sub is None or not sub.user.email:
        return
    plan = sub.plan.name if sub.plan else "subscription"
    lines = [f"Thank you for subscribing to {settings.WAGTAIL_SITE_NAME} ({plan})."]
    if sub.trial_end:
        lines.append(f"Your free trial runs until {sub.trial_end:%B %d, %Y}.")
    lines.append(f"Manage your subscription at {_account_url()}")
    _send(f"Welcome to {settings.WAGTAIL_SITE_NAME}", "\n\n".join(lines), sub.user.email)


def _mail(user, subject: str, lines: list[str]) -> None:
    if user.email:
        lines = [*lines, f"Your account: {_account_url()}"]
        _send(subject, "\n\n".join(lines), user.email)


@task()
def send_trial_ending(subscription_id: int) -> None:
    sub = Subscription.objects.select_related("user").filter(pk=subscription_id).first()
    if sub is None or sub.status != Subscription.Status.TRIALING or sub.trial_end is None:
        return
    _mail(
        sub.user,
        "Your free trial ends in 3 days",
        [
            f"Your trial of {settings.WAGTAIL_SITE_NAME} ends on {sub.trial_end:%B %d, %Y}.",
            "Stay with us to keep reading every story.",
        ],
    )


@task()
def send_payment_failed(subscription_id: int) -> None:
    sub = Subscription.objects.select_related("user").filter(pk=subscription_id).first()
    if sub is None:
        return
    _mail(
        sub.user,
        "We could not take your payment",
        [
            "Your latest payment did not go through. Please update your card so your "
            "access continues."
        ],
    )


@task()
def send_cancellation(subscription_id: int) -> None:
    sub = Subscription.objects.select_related("user").filter(pk=subscription_id).first()
    if sub is None:
        return
    end = f" on {sub.current_period_end:%B %d, %Y}" if sub.current_period_end else ""
    _mail(
        sub.user,
        "Your subscription has been cancelled",
        [
            f"Your subscription ends{end}. You keep full access until then.",
            "Changed your mind? You can resume it from your account page.",
        ],
    )
