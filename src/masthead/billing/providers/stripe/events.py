"""What a Stripe event means for us: which subscription to re-read, and how to store it.

Events arrive duplicated, late and out of order, so an event's own copy of the object is only
a pointer: ``prepare`` re-reads the subscription (or Checkout Session) from Stripe, outside any
database transaction, and returns the write to do once the event id is stored, or None::

    write = prepare(api, {"type": "customer.subscription.updated",
                          "data": {"object": {"id": "sub_123", ...}}})
    if write is not None:
        write()   # upsert our copy to Stripe's state as read just now

A failed payment (``invoice.payment_failed``, or a subscription that Stripe reports
``past_due``/``unpaid`` with its ``latest_invoice``) also e-mails the reader, once per invoice
(``services.payment_failed_notify``), from the same write.

Raises ``StripeFailure`` when Stripe cannot be read, so the webhook answers 503 and Stripe
delivers the event again.
"""

from collections.abc import Callable

from .client import NotFound
from .sync import (
    is_paid,
    owing,
    record_checkout,
    store_failed_payment,
    store_subscription,
    user_for,
    version_now,
)

SUBSCRIPTION_EVENTS = ("invoice.paid", "invoice.payment_failed")


def subscription_id(event: dict) -> str:
    """The subscription an event is about, or "" (invoices moved it under ``parent``)."""
    obj = (event.get("data") or {}).get("object") or {}
    kind = event.get("type", "")
    if kind.startswith("customer.subscription."):
        return obj.get("id") or ""
    if kind in SUBSCRIPTION_EVENTS:
        details = (obj.get("parent") or {}).get("subscription_details") or {}
        ref = details.get("subscription") or obj.get("subscription") or ""
        return ref.get("id", "") if isinstance(ref, dict) else ref
    return ""


def failed_invoice(event: dict, obj: dict) -> str:
    """The unpaid invoice a reader should hear about, or "": the failed invoice itself, or the
    latest invoice of a subscription Stripe reports as owing (as re-read just now)."""
    if not owing(obj):
        return ""
    kind = event.get("type", "")
    if kind == "invoice.payment_failed":
        return str(((event.get("data") or {}).get("object") or {}).get("id") or "")
    if kind.startswith("customer.subscription."):
        ref = obj.get("latest_invoice") or ""
        return str(ref.get("id", "") if isinstance(ref, dict) else ref)
    return ""


def handles(event: dict) -> bool:
    kind = event.get("type", "")
    return (
        kind.startswith("customer.subscription.")
        or kind in SUBSCRIPTION_EVENTS
        or kind == "checkout.session.completed"
    )


def prepare(api, event: dict) -> Callable[[], object] | None:
    if event.get("type") == "checkout.session.completed":
        session = (event.get("data") or {}).get("object") or {}
        return _prepare_checkout(api, session.get("id") or "")
    sub_id = subscription_id(event)
    if not sub_id:
        return None
    version = version_now()
    try:
        obj = api.retrieve_subscription(sub_id)
    except NotFound:
        return None  # not ours (another account's test data, say): nothing to store
    user = user_for(obj)
    if user is None:
        return None  # a subscription of no reader of ours
    invoice_id = failed_invoice(event, obj)
    if invoice_id:
        return lambda: store_failed_payment(obj, version=version, user=user, invoice_id=invoice_id)
    return lambda: store_subscription(obj, version=version, user=user)


def _prepare_checkout(api, session_id: str):
    if not session_id:
        return None
    try:
        session = api.retrieve_checkout_session(session_id)
        if session.get("mode") != "subscription" or not session.get("subscription"):
            return None
        version = version_now()
        ref = session["subscription"]
        obj = api.retrieve_subscription(ref.get("id") if isinstance(ref, dict) else ref)
    except NotFound:
        return None
    user = user_for(obj, reference=session.get("client_reference_id") or "")
    if user is None:
        return None
    if is_paid(session):
        return lambda: record_checkout(session, obj, version=version, user=user)
    return lambda: store_subscription(obj, version=version, user=user)
