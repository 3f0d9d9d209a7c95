"""Writing a reader's answers: rate limits first, then one row per reader, enforced by the DB.

Two parallel submissions from one reader both pass any "already answered?" read, so the read is
only a shortcut: the unique constraint on (callout, respondent_key) decides, and the loser's
IntegrityError becomes ``DUPLICATE``::

    record_attempt("ip", "203.0.113.9")            # counts one; False after 10 in 10 minutes
    do_answer_callout(callout, "d:5b0f...", {...})  # STORED, then DUPLICATE on a second try
"""

import enum
import hashlib
import logging
import time

from django.core.cache import cache
from django.db import IntegrityError, transaction

from masthead.events.kinds import EventKind
from masthead.events.services import event_record
from masthead.metering.keys import is_reader_key

from ..models import Callout, CalloutResponse

logger = logging.getLogger(__name__)

# (attempts, seconds) per scope: answers are rare, so a burst is a bot or a script.
RATE_LIMITS = {"ip": (10, 600), "reader": (10, 600)}


class Outcome(enum.Enum):
    STORED = "stored"
    DUPLICATE = "duplicate"
    DISCARDED = "discarded"  # a honeypot hit: nothing stored

    @property
    def shown_as(self) -> str:
        """What the reader (or bot) is told: a discarded answer looks like success."""
        return "already_answered" if self is Outcome.DUPLICATE else "answered"


def record_attempt(scope: str, ident: str, now: float | None = None) -> bool:
    """Record one attempt for ``ident`` in a fixed window (a write: every call counts); False
    once the window's limit has passed.

    ``cache.add`` creates the counter only if absent and ``cache.incr`` is atomic in Redis and
    in the local-memory cache, so parallel requests cannot slip past the limit. A cache that
    cannot be reached fails open (logged): answers are worth more than a perfect limit.
    """
    limit, window = RATE_LIMITS[scope]
    bucket = int((now or time.time()) // window)
    digest = hashlib.sha256(ident.encode()).hexdigest()[:24]
    key = f"engagement:callout-rate:{scope}:{digest}:{bucket}"
    try:
        cache.add(key, 0, timeout=window + 60)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window + 60)
            count = 1
    except Exception:
        logger.warning("callout rate limit: cache unavailable, allowing", exc_info=True)
        return True
    return count <= limit


def do_answer_callout(callout: Callout, respondent_key: str, answers: dict, email: str = ""):
    """Store the answers unless this reader already answered; return the ``Outcome``."""
    existing = CalloutResponse.objects.filter(callout=callout, respondent_key=respondent_key)
    if existing.exists():
        return Outcome.DUPLICATE
    try:
        with transaction.atomic():
            CalloutResponse.objects.create(
                callout=callout, respondent_key=respondent_key, answers=answers, email=email
            )
            # The funnel's reader event; an "ip:" fallback key is never copied into events.
            reader = respondent_key if is_reader_key(respondent_key) else ""
            event_record(EventKind.CALLOUT_ANSWER, reader_key=reader, ref=f"callout:{callout.pk}")
    except IntegrityError:
        return Outcome.DUPLICATE
    logger.info("callout %s: response stored", callout.pk)
    return Outcome.STORED
