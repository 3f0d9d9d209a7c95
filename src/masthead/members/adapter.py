"""Masthead's allauth account adapter: the sign-in throttle's keys and client address, and
account mails in the publication's name.

Every allauth mail (sign-up confirmation, sign-in code, password reset...) says who sends it:
"[The Meridian Ledger] Please Confirm Your Email Address" from "The Meridian Ledger
<newsroom@...>", with a Message-ID of the site's domain (``masthead.sitemail``). Without this
allauth named the request's host ("[127.0.0.1:8123] ...", "Hello from 127.0.0.1:8123!"):
there is no ``django.contrib.sites`` row to name the site.

allauth's ``login_failed`` limit counts per client address and per key; the key here is the
account *at* the client address (allauth's default, the e-mail alone, let anybody lock the
owner out). A third limit, per account from all addresses, is consumed beside it. See
``masthead.members.signin`` for the figures and why.
"""

from dataclasses import dataclass

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal import ratelimit
from django.conf import settings

from masthead import observability
from masthead.ratelimits import ACCOUNT_FAILED
from masthead.sitemail import site_domain, site_headers, site_sender

from .signin import account_key, client_address


def _login(credentials: dict) -> str:
    return credentials.get("email") or credentials.get("username") or ""


@dataclass(frozen=True)
class SiteIdentity:
    """What allauth's mail templates read as ``current_site``."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    _account_usage = None

    def send_mail(self, template_prefix, email, context) -> None:
        """allauth's every mail (codes, verification, password reset), counted in /metrics."""
        with observability.emails_counted("account"):
            super().send_mail(template_prefix, email, context)

    def format_email_subject(self, subject: str) -> str:
        """``ACCOUNT_EMAIL_SUBJECT_PREFIX`` when set, else the site's name in brackets."""
        prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", None)
        return (f"[{settings.WAGTAIL_SITE_NAME}] " if prefix is None else prefix) + subject

    def get_from_email(self) -> str:
        return site_sender()

    def render_mail(self, template_prefix, email, context, headers=None):
        site = SiteIdentity(settings.WAGTAIL_SITE_NAME, site_domain())
        context = {**context, "current_site": site}
        return super().render_mail(template_prefix, email, context, headers=site_headers(headers))

    def get_client_ip(self, request) -> str:
        return client_address(request)

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        return f"{account_key(_login(credentials))}@{client_address(request)}"

    def pre_authenticate(self, request, **credentials) -> None:
        super().pre_authenticate(request, **credentials)
        self._account_usage = ratelimit.consume(
            request,
            app="allauth.account",
            action=ACCOUNT_FAILED,
            key=account_key(_login(credentials)),
        )
        if not self._account_usage:
            raise self.validation_error("too_many_login_attempts")

    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        if user is not None and self._account_usage:
            self._account_usage.rollback()  # a success takes its own attempt back
        return user
