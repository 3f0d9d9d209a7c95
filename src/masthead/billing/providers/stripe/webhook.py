"""Stripe webhooks (``/webhooks/stripe/``): verified, stored once, applied from Stripe's state.

Stripe delivers events at least once, in any order, and retries on any non-2xx answer. So:

1. the ``Stripe-Signature`` header (``t=<unix time>,v1=<HMAC-SHA256 of "t.payload">``) must
   verify against the webhook secret and be under 300 s old, else 400 and nothing is written;
2. an event id already stored is a duplicate: 200, nothing more;
3. the subscription it points at is re-read from Stripe (not taken from the payload); if Stripe
   cannot be reached we answer 503 *without* storing the event id, so the retry does the work;
4. the event id and the upsert are written in one transaction; a concurrent duplicate blocks
   on the unique (provider, event_id) row and then finds it stored.

Example::

    POST /webhooks/stripe/  Stripe-Signature: t=1767225600,v1=5257a8...
    {"id": "evt_1", "type": "customer.subscription.updated", "data": {"object": {...}}}
    -> 200 {"received": true, "duplicate": false}
"""

import json
import logging

from django.db import transaction

from ...models import WebhookEvent
from ..base import WebhookResult, webhooks_not_configured
from . import events
from .client import BadSignature, StripeAPI, StripeFailure

log = logging.getLogger(__name__)
PROVIDER = "stripe"
BAD_SIGNATURE = WebhookResult(
    400, error="bad_signature", message="The webhook signature could not be verified."
)
INVALID_EVENT = WebhookResult(
    400, error="invalid_event", message="A webhook body must be a JSON object."
)
UNAVAILABLE = WebhookResult(
    503, error="provider_unavailable", message="Stripe could not be reached; retry later."
)


def _is_json_object(body: bytes) -> bool:
    try:
        return isinstance(json.loads(body), dict)
    except (ValueError, RecursionError):
        return False


def handle(api: StripeAPI, secret: str, body: bytes, signature: str | None) -> WebhookResult:
    if not secret:
        return webhooks_not_configured(PROVIDER)
    if not _is_json_object(body):
        return INVALID_EVENT
    try:
        event = api.construct_event(body, signature, secret)
        event_id, kind = str(event["id"])[:100], str(event["type"])[:100]
    except (BadSignature, KeyError, TypeError, json.JSONDecodeError):
        return BAD_SIGNATURE
    if WebhookEvent.objects.filter(provider=PROVIDER, event_id=event_id).exists():
        return WebhookResult(duplicate=True)
    try:
        write = events.prepare(api, event) if events.handles(event) else None
    except StripeFailure as exc:
        log.warning(
            "stripe webhook %s (%s): Stripe unavailable, asking for a retry: %s",
            event_id,
            kind,
            exc,
        )
        return UNAVAILABLE
    with transaction.atomic():
        _row, created = WebhookEvent.objects.get_or_create(
            provider=PROVIDER, event_id=event_id, defaults={"type": kind}
        )
        if created and write is not None:
            write()
    return WebhookResult(duplicate=not created)
