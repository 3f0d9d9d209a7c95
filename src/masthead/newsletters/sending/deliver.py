"""Sending one claimed batch: who is still due (checked now, not when the issue was queued),
which cut each recipient gets, and what a mail server's answer means.

Skipped at send time: suppressed addresses, readers who left the newsletter, and — for a
subscribers-only newsletter — readers whose subscription lapsed. A subscriber (entitled now)
gets the whole article, anyone else the preview. 4xx answers and lost connections are
temporary (retried with backoff); 5xx answers are permanent (recorded as failed).
"""

import contextlib
import logging
import smtplib
import time

from anymail.exceptions import AnymailAPIError, AnymailRecipientsRefused

from masthead import observability

from ..mail.message import build_message, message_id
from ..mail.render import personalize
from ..models import ReaderKind, Subscription
from ..selectors import entitled_user_ids, suppressed_among
from . import claim

logger = logging.getLogger(__name__)


class Pacer:
    """At most ``rate`` messages per second (0: no limit)."""

    def __init__(self, rate: float):
        self.interval = 1.0 / rate if rate else 0.0
        self.next_at = time.monotonic()

    def wait(self) -> None:
        if not self.interval:
            return
        now = time.monotonic()
        if self.next_at > now:
            time.sleep(self.next_at - now)
        self.next_at = max(self.next_at, now) + self.interval


def classify(exc: Exception) -> tuple[bool, str]:
    """(permanent?, description) of a sending error."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(exc.recipients.values()))
        return code >= 500, f"{code} {text.decode(errors='replace')[:200]}"
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code >= 500, f"{exc.smtp_code} {exc.smtp_error!s:.200}"
    if isinstance(exc, AnymailRecipientsRefused):
        return True, str(exc)[:200]
    if isinstance(exc, AnymailAPIError):
        status = getattr(exc, "status_code", None) or 0
        return 400 <= status < 500 and status != 429, str(exc)[:200]
    return False, f"{type(exc).__name__}: {exc!s:.200}"


def _due(issue, batch) -> tuple[list, list[tuple[int, str]], set[int]]:
    user_ids = [d.user_id for d in batch if d.user_id]
    entitled = entitled_user_ids(user_ids)
    still = set(
        Subscription.objects.filter(
            newsletter_id=issue.newsletter_id, user_id__in=user_ids, active=True
        ).values_list("user_id", flat=True)
    )
    suppressed = suppressed_among([d.email for d in batch])
    due, skipped = [], []
    for d in batch:
        if d.email.lower() in suppressed:
            skipped.append((d.pk, "suppressed"))
        elif d.user_id not in still:
            skipped.append((d.pk, "unsubscribed"))
        elif issue.newsletter.subscribers_only and d.user_id not in entitled:
            skipped.append((d.pk, "no longer a subscriber"))
        else:
            due.append(d)
    return due, skipped, entitled


def batch_send(issue, batch, mail, pacer: Pacer, deadline: float) -> int:
    """Send a claimed batch over the open connection ``mail``; returns messages accepted."""
    due, skipped, entitled = _due(issue, batch)
    claim.deliveries_skipped(skipped)
    sent = 0
    for index, d in enumerate(due):
        if time.monotonic() > deadline:
            claim.deliveries_release(due[index:])
            break
        kind = ReaderKind.SUBSCRIBER if d.user_id in entitled else ReaderKind.REGISTERED
        html, text, unsub = personalize(issue, kind, d.pk, d.user_id)
        msg_id = message_id(issue.pk, d.pk, issue.newsletter.from_email)
        message = build_message(issue, d.email, html, text, unsub, msg_id)
        pacer.wait()
        try:
            mail.send_messages([message])
        except Exception as exc:  # noqa: BLE001 - every failure is classified and recorded
            permanent, error = classify(exc)
            logger.info("newsletter %s to %s: %s", issue.pk, d.email, error)
            if permanent:
                claim.delivery_failed(d, error)
                observability.email_failed("newsletter")  # once per message, when given up
            else:
                if not claim.delivery_retry(d, error):
                    observability.email_failed("newsletter")
                _reopen(mail)
            continue
        observability.email_sent("newsletter")
        claim.delivery_sent(d, kind)
        sent += 1
    return sent


def _reopen(mail) -> None:
    with contextlib.suppress(Exception):  # a broken connection may fail to close
        mail.close()
    try:
        mail.open()
    except Exception as exc:  # noqa: BLE001 - the next send fails and is retried
        logger.warning("mail server unreachable: %s", exc)
