"""Counters for ``/metrics`` (Prometheus), in one module every layer may import: it imports
only the standard library, Django's request objects and prometheus-client, none of our apps.

Count with the functions below (``emails_counted("account")``, ``gate_decision("walled")``...).
Under ``masthead serve`` the server runs several processes: ``PROMETHEUS_MULTIPROC_DIR`` (set
by ``masthead serve`` to ``<data dir>/metrics``, emptied at each start) makes prometheus-client
keep each process's values in files there, and ``/metrics`` (``masthead.metrics``) adds them
up. Without it (tests, ``manage`` commands) the values live in this process.

Requests are counted by route — the URL pattern's name (or the pattern itself), never the raw
path, so a scanner cannot create a label per URL — method and status, with a latency histogram,
by ``masthead.responserules.count_request`` (for Django's middleware and the reader path alike).
"""

import contextlib
import time
from collections.abc import Iterator

from prometheus_client import Counter, Histogram

REQUESTS = Counter("masthead_requests", "HTTP requests answered", ["route", "method", "status"])
LATENCY = Histogram(
    "masthead_request_seconds",
    "Time to answer a request",
    ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
GATE_DECISIONS = Counter("masthead_gate_decisions", "Gate decisions by outcome", ["outcome"])
METER_FAILURES = Counter("masthead_meter_store_failures", "Meter store unreachable")
CACHE_FAILURES = Counter("masthead_cache_failures", "Cache operations that failed", ["operation"])
EMAILS_SENT = Counter("masthead_emails_sent", "E-mails sent", ["kind"])
EMAILS_FAILED = Counter("masthead_emails_failed", "E-mails that could not be sent", ["kind"])
METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


def gate_decision(outcome: str) -> None:
    GATE_DECISIONS.labels(outcome=str(outcome)).inc()


_last_failure = [float("-inf")]  # when this process last failed to reach a store or cache


def note_failure() -> None:
    _last_failure[0] = time.monotonic()


def forget_failures() -> None:
    _last_failure[0] = float("-inf")


def meter_store_failed() -> None:
    METER_FAILURES.inc()
    note_failure()


def cache_failed(operation: str) -> None:
    CACHE_FAILURES.labels(operation=operation).inc()
    note_failure()


def failed_within(seconds: float) -> bool:
    """Whether the meter store or the cache failed in this process in the last ``seconds``
    (the reader path then leaves requests to Django's thread, off the event loop)."""
    return time.monotonic() - _last_failure[0] < seconds


def email_sent(kind: str) -> None:
    EMAILS_SENT.labels(kind=kind).inc()


def email_failed(kind: str) -> None:
    EMAILS_FAILED.labels(kind=kind).inc()


@contextlib.contextmanager
def emails_counted(kind: str, count: int = 1) -> Iterator[None]:
    """Count the ``count`` e-mails sent inside the block as sent, or as failed if it raises
    (the exception goes on). Kinds: ``account`` (allauth's codes and links), ``billing``,
    ``newsletter`` (issues), ``newsletter_optin`` (double opt-in links), ``newsletter_test``
    (an editor's test send)."""
    try:
        yield
    except Exception:
        EMAILS_FAILED.labels(kind=kind).inc(count)
        raise
    EMAILS_SENT.labels(kind=kind).inc(count)


def route_of(request) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "unmatched"
    return match.view_name if match.url_name else (match.route or "unmatched")
