from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.newsletters.models import Newsletter, Visibility


@pytest.fixture
def daily(db):
    return Newsletter.objects.create(
        name="Morning Briefing",
        slug="briefing",
        description="The day's essential stories.",
        default_on_signup=True,
        sort_order=1,
    )


@pytest.fixture
def weekly(db):
    return Newsletter.objects.create(
        name="Subscribers' Weekly",
        slug="weekly",
        visibility=Visibility.SUBSCRIBERS,
        sort_order=2,
    )


@pytest.fixture
def sink(settings):
    """Django's mail goes to a real SMTP server for the test."""
    from .smtp_sink import smtp_sink

    with smtp_sink() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        yield server


def make_readers(newsletter, count, prefix="r", entitled=False):
    """``count`` verified readers subscribed to ``newsletter`` (bulk: fast for thousands)."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from masthead.newsletters.models import Subscription

    User = get_user_model()
    names = [f"{prefix}{i}@example.org" for i in range(count)]
    User.objects.bulk_create([User(username=n, email=n) for n in names], batch_size=500)
    users = list(User.objects.filter(username__in=names))
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
        batch_size=500,
    )
    Subscription.objects.bulk_create(
        [Subscription(user=u, newsletter=newsletter, source="import") for u in users],
        batch_size=500,
    )
    if entitled:
        from masthead.billing.models import AccessGrant

        now = timezone.now()
        AccessGrant.objects.bulk_create(
            [AccessGrant(user=u, starts_at=now, ends_at=now + timedelta(days=30)) for u in users]
        )
    return users
