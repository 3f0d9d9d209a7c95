"""E-mails to readers, sent by background tasks (django-tasks; immediate in the demo)."""

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task


@task()
def send_subscription_confirmation(subscription_id: int) -> None:
    from .models import Subscription

    sub = Subscription.objects.select_related("user", "plan").filter(pk=subscription_id).first()
    if sub is None or not sub.user.email:
        return
    plan = sub.plan.name if sub.plan else "subscription"
    lines = [f"Thank you for subscribing to {settings.WAGTAIL_SITE_NAME} ({plan})."]
    if sub.trial_end:
        lines.append(f"Your free trial runs until {sub.trial_end:%B %d, %Y}.")
    lines.append(f"Manage your subscription at {settings.SITE_URL}/account/")
    send_mail(
        f"Welcome to {settings.WAGTAIL_SITE_NAME}",
        "\n\n".join(lines),
        settings.DEFAULT_FROM_EMAIL,
        [sub.user.email],
    )
