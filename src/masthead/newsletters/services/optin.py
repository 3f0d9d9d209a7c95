"""E-mail-only sign-up, double opt-in: a signed, expiring link in a confirmation e-mail.

Asking sends the link and nothing else (the same answer whether or not the address has an
account, so the form reveals nothing). Following the link proves the address: it finds its
owner, or creates a reader without a password, or takes over an account that only claimed the
address (``masthead.members.proof``: its password, sessions and tokens go), and joins the
newsletters. A link confirms once. It signs the reader in only when the account has no
password, is not staff, the link is at most ``OPTIN_SIGNIN_MAX_AGE`` old and is confirmed in
the browser that asked for it; the sign-in carries the device's meter views over like any other.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string

from masthead import observability
from masthead.members.proof import is_spent, reader_for_proven_address, spend_once
from masthead.sitemail import send_site_mail

from ..selectors import active_newsletters
from ..tokens import optin_signs_in, optin_token, read_optin_token
from .subscriptions import subscriptions_join

SPENT = "newsletter-optin"


@dataclass(frozen=True)
class Confirmed:
    user: object
    joined: list[str]
    refused: list[str]
    sign_in: bool  # the view may sign ``user`` in
    taken_over: bool  # an unproven claim on the address was cleared


class LinkUsed(Exception):
    """The confirmation link was used before."""


def optin_request(email: str, slugs: list[str], source: str, nonce: str = "") -> None:
    """Send the confirmation link for joining ``slugs`` (already validated) with ``email``;
    ``nonce`` is the asking browser's (``tokens.optin_nonce``)."""
    names = [n.name for n in active_newsletters() if n.slug in slugs]
    token = optin_token(email, slugs, source, nonce)
    url = f"{settings.SITE_URL}/newsletters/confirm/{token}/"
    context = {"url": url, "names": names, "site_name": settings.WAGTAIL_SITE_NAME}
    with observability.emails_counted("newsletter_optin"):
        send_site_mail(  # the site's name as sender, a Message-ID of its domain
            f"Confirm your newsletter sign-up at {settings.WAGTAIL_SITE_NAME}",
            render_to_string("newsletters/email/confirm.txt", context),
            [email],
        )


def optin_used(token: str) -> bool:
    return is_spent(SPENT, token)


def optin_confirm(token: str, cookie: str | None = None) -> Confirmed | None:
    """Confirm a sign-up link once: ``Confirmed``, None for an invalid or expired link, or
    ``LinkUsed``. ``cookie`` is the confirming browser's opt-in nonce cookie."""
    data = read_optin_token(token)
    if data is None:
        return None
    with transaction.atomic():
        if not spend_once(SPENT, token):
            raise LinkUsed()
        user, taken_over = reader_for_proven_address(data["e"])
        if not user.is_active:
            transaction.set_rollback(True)
            return None
        refused = subscriptions_join(user, data["n"], data.get("s") or "page")
    joined = [slug for slug in data["n"] if slug not in refused]
    sign_in = (
        not (user.is_staff or user.is_superuser)
        and not user.has_usable_password()
        and optin_signs_in(token, data, cookie)
    )
    return Confirmed(user, joined, refused, sign_in, taken_over)
