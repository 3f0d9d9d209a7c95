"""E-mail-only sign-up, double opt-in: a signed, expiring link in a confirmation e-mail.

Asking sends the link and nothing else (the same answer whether or not the address has an
account, so the form reveals nothing). Following the link finds or creates a registered reader
without a password, marks the address verified and joins the newsletters; the view then signs
the reader in, which carries the device's meter views over like any sign-in.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from masthead import observability

from ..selectors import active_newsletters
from ..tokens import optin_token, read_optin_token
from .subscriptions import subscriptions_join


def optin_request(email: str, slugs: list[str], source: str) -> None:
    """Send the confirmation link for joining ``slugs`` (already validated) with ``email``."""
    names = [n.name for n in active_newsletters() if n.slug in slugs]
    url = f"{settings.SITE_URL}/newsletters/confirm/{optin_token(email, slugs, source)}/"
    context = {"url": url, "names": names, "site_name": settings.WAGTAIL_SITE_NAME}
    with observability.emails_counted("newsletter_optin"):
        send_mail(
            f"Confirm your newsletter sign-up at {settings.WAGTAIL_SITE_NAME}",
            render_to_string("newsletters/email/confirm.txt", context),
            settings.DEFAULT_FROM_EMAIL,
            [email],
        )


def reader_for_email(email: str):
    """The reader who owns ``email``, created (without a password, address verified) if none."""
    User = get_user_model()
    address = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
    if address is not None:
        if not address.verified:
            address.verified = True
            address.save(update_fields=["verified"])
        return address.user
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        try:
            with transaction.atomic():
                user = User(username=email[:150], email=email)
                user.set_unusable_password()
                user.save()
        except IntegrityError:  # two confirmations of the same address at once
            user = User.objects.get(email__iexact=email)
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def optin_confirm(token: str):
    """(reader, joined slugs, refused slugs) for a valid confirmation token, else None."""
    data = read_optin_token(token)
    if data is None:
        return None
    user = reader_for_email(data["e"])
    if not user.is_active:
        return None
    refused = subscriptions_join(user, data["n"], data.get("s") or "page")
    joined = [slug for slug in data["n"] if slug not in refused]
    return user, joined, refused
