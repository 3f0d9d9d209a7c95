"""Masthead's allauth account adapter: the sign-in throttle's keys and client address.

allauth's ``login_failed`` limit counts per client address and per key; the key here is the
account *at* the client address (allauth's default, the e-mail alone, let anybody lock the
owner out). A third limit, per account from all addresses, is consumed beside it. See
``masthead.members.signin`` for the figures and why.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal import ratelimit

from masthead import observability

from .rates import ACCOUNT_FAILED
from .signin import account_key, client_address


def _login(credentials: dict) -> str:
    return credentials.get("email") or credentials.get("username") or ""


class AccountAdapter(DefaultAccountAdapter):
    _account_usage = None

    def send_mail(self, template_prefix, email, context) -> None:
        """allauth's every mail (codes, verification, password reset), counted in /metrics."""
        with observability.emails_counted("account"):
            super().send_mail(template_prefix, email, context)

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
