"""The comment throttle, held by allauth's rate limiter like the sign-in throttle
(``masthead.ratelimits``)."""

from allauth.core import ratelimit

from masthead.ratelimits import ACT, POST

from .rules import CommentRefused


def check_rate(request, user, *, posting: bool) -> None:
    """Count one comment (or like/report) of ``user``; ``CommentRefused`` (429) when over.
    Callers without a request (the demo builder, the shell) are not throttled."""
    if request is None:
        return
    action = POST if posting else ACT
    if not ratelimit.consume(request, action=action, user=user):
        raise CommentRefused(
            429, "rate_limited", "You are commenting too fast. Wait a little and try again."
        )
