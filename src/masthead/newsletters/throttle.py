"""The e-mail sign-up's throttle, held by allauth's rate limiter like the sign-in throttle.

``/newsletters/signup/`` takes anonymous posts without a CSRF token (the box sits on cached
pages), so each one could send a confirmation mail to any address. Two limits
(``masthead.ratelimits``): sign-ups from one client address (``client_address``, which
honours ``MASTHEAD_PROXY_COUNT``, through the account adapter), and confirmation mails to one
inbox — keyed on the normalised mailbox (``masthead.members.proof.normalised_mailbox``), so
``ann+1@``, ``ann+2@`` and ``"ann"@`` share one limit. Over the second the view answers as if
it had sent the mail, so the form never tells whether an address exists or was asked for
before.
"""

from allauth.core import ratelimit

from masthead.members.proof import normalised_mailbox
from masthead.ratelimits import CONFIRM_MAIL, SIGNUP_AT_ADDRESS


def signup_address_allowed(request) -> bool:
    """Count one sign-up from the request's client address; False when over the limit."""
    return bool(ratelimit.consume(request, action=SIGNUP_AT_ADDRESS))


def confirm_mail_allowed(request, email: str) -> bool:
    """Count one confirmation mail to ``email``'s inbox; False when over the limit."""
    key = f"email:{normalised_mailbox(email)}"
    return bool(ratelimit.consume(request, action=CONFIRM_MAIL, key=key))
