"""The one e-mail a member import sends, only with ``--notify``: "your account has moved".

Sent after the run, to readers the run created (not to existing accounts it added to), and
never to an address on the suppression list::

    notify_moved([user.pk for user in created])   # one message each; returns how many
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from masthead import observability
from masthead.billing.models import Subscription
from masthead.newsletters.selectors import suppressed_among

CHUNK = 500


def notify_moved(user_ids: list[int]) -> int:
    User = get_user_model()
    url = settings.SITE_URL + reverse("account_request_login_code")
    sent = 0
    for start in range(0, len(user_ids), CHUNK):
        chunk = list(User.objects.filter(pk__in=user_ids[start : start + CHUNK]))
        suppressed = suppressed_among([u.email for u in chunk])
        paying = set(Subscription.objects.filter(user__in=chunk).values_list("user_id", flat=True))
        for user in chunk:
            if not user.email or user.email.lower() in suppressed:
                continue
            context = {
                "name": user.first_name,
                "url": url,
                "site_name": settings.WAGTAIL_SITE_NAME,
                "paying": user.pk in paying,
            }
            with observability.emails_counted("member_import"):
                send_mail(
                    f"Your {settings.WAGTAIL_SITE_NAME} account has moved",
                    render_to_string("memberimport/moved.txt", context),
                    settings.DEFAULT_FROM_EMAIL,
                    [user.email],
                )
            sent += 1
    return sent
