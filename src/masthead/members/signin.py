"""One throttle for every way of signing in with a password.

``POST /api/v1/tokens/``, Wagtail's ``/admin/login/`` and allauth's ``/accounts/login/`` all
authenticate through :func:`signin_authenticate` (allauth's own form through the adapter), so
every failed guess counts in the same buckets, held by allauth's rate limiter in the shared
cache (Redis, or the database cache table without it: never one process's memory):

* an account from one client address (``ratelimits.PER_ACCOUNT_AT_ADDRESS`` per 5 minutes): one
  reader's typos never lock out the same account elsewhere;
* one client address, any accounts (``ratelimits.PER_ADDRESS`` a minute): password spraying;
* an account from all addresses (``ratelimits.ACCOUNT_PER_HOUR`` an hour): a botnet. This one can
  pause password sign-in for the owner too, which is why sign-in by e-mailed code is never
  throttled by failed passwords (it has its own limits, per address).

The client address is ``REMOTE_ADDR``; behind ``MASTHEAD_PROXY_COUNT`` = N trusted reverse
proxies it is the N-th address from the right of ``X-Forwarded-For`` (the one the outermost
trusted proxy saw). A header shorter than that, or not an address, means the request did not
come through the proxies: ``REMOTE_ADDR`` again.
"""

import ipaddress

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q

from masthead.ratelimits import ACCOUNT_PER_HOUR, PER_ACCOUNT_AT_ADDRESS, PER_ADDRESS

__all__ = [
    "ACCOUNT_PER_HOUR",
    "PER_ACCOUNT_AT_ADDRESS",
    "PER_ADDRESS",
    "SignInThrottled",
    "account_key",
    "client_address",
    "signin_authenticate",
]

THROTTLED = "too_many_login_attempts"  # allauth's error code


class SignInThrottled(Exception):
    """Too many failed guesses: the attempt was refused without checking the password."""


def _address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_address(request) -> str:
    peer = request.META.get("REMOTE_ADDR") or "0.0.0.0"  # noqa: S104 - a key, not a bind
    count = getattr(settings, "MASTHEAD_PROXY_COUNT", 0)
    if count > 0:
        hops = request.headers.get("X-Forwarded-For", "").split(",")
        if len(hops) >= count and (found := _address(hops[-count])):
            return found
    return _address(peer) or peer


def account_key(login: str) -> str:
    """The account a login names (by e-mail or username), or the login itself if none does."""
    login = (login or "").strip().lower()
    pk = (
        get_user_model()
        .objects.filter(Q(email__iexact=login) | Q(username__iexact=login))
        .values_list("pk", flat=True)
        .first()
    )
    return f"user:{pk}" if pk is not None else f"login:{login}"


def signin_authenticate(request, login: str, password: str, *, field: str = "email"):
    """The user for these credentials, or None; ``SignInThrottled`` when over the limits."""
    try:
        return get_adapter(request).authenticate(request, **{field: login, "password": password})
    except ValidationError as exc:
        if getattr(exc, "code", None) == THROTTLED:
            raise SignInThrottled(exc.messages[0]) from exc
        raise
