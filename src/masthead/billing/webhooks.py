"""Stripe webhooks at ``/webhooks/stripe/``: verified, stored once, applied from Stripe's state.

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
    -> 200 {"received": true}
"""

import json
import logging

from django.db import transaction
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import WebhookEvent
from .providers import get_provider

log = logging.getLogger(__name__)
PROVIDER = "stripe"


def _error(status: int, code: str, message: str) -> JsonResponse:
    return JsonResponse({"error": {"code": code, "message": message}}, status=status)


def _is_json_object(body: bytes) -> bool:
    try:
        return isinstance(json.loads(body), dict)
    except (ValueError, RecursionError):
        return False


@csrf_exempt
@require_POST
def stripe_webhook(request):
    provider = get_provider()
    secret = getattr(provider, "webhook_secret", "") if provider.name == PROVIDER else ""
    if not secret:
        return _error(400, "not_configured", "Stripe webhooks are not configured.")
    from .providers.stripe.client import BadSignature, StripeFailure  # the SDK, only when used

    if not _is_json_object(request.body):
        return _error(400, "invalid_event", "A webhook body must be a JSON object.")
    try:
        event = provider.api.construct_event(
            request.body, request.headers.get("Stripe-Signature"), secret
        )
        event_id, kind = str(event["id"])[:100], str(event["type"])[:100]
    except (BadSignature, KeyError, TypeError, json.JSONDecodeError):
        return _error(400, "bad_signature", "The webhook signature could not be verified.")
    if WebhookEvent.objects.filter(provider=PROVIDER, event_id=event_id).exists():
        return JsonResponse({"received": True, "duplicate": True})
    try:
        write = provider.prepare_event(event)
    except StripeFailure as exc:
        log.warning(
            "stripe webhook %s (%s): Stripe unavailable, asking for a retry: %s",
            event_id,
            kind,
            exc,
        )
        return _error(503, "provider_unavailable", "Stripe could not be reached; retry later.")
    with transaction.atomic():
        _row, created = WebhookEvent.objects.get_or_create(
            provider=PROVIDER, event_id=event_id, defaults={"type": kind}
        )
        if created and write is not None:
            write()
    return JsonResponse({"received": True, "duplicate": not created})
