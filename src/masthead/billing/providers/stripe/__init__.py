"""The Stripe provider: Checkout for paying, the Customer Portal for cards and invoices.

Chosen by settings when ``STRIPE_SECRET_KEY`` is set::

    PAYMENT_PROVIDER = {"BACKEND": "masthead.billing.providers.stripe.StripeProvider",
                        "OPTIONS": {"secret_key": "sk_...", "webhook_secret": "whsec_...",
                                    "api_base": ""}}   # api_base: a local server in tests

A checkout's return grants access only after re-reading the Checkout Session from Stripe and
finding it complete, paid and started by this very reader (``client_reference_id`` and
``metadata.user_id``), so a forged or foreign ``session_id`` grants nothing. Webhooks
(``webhook.py``, reached through ``handle_webhook``) keep the subscription in step afterwards.
"""

import hashlib
import json
import time

from ...models import Subscription
from ...services import set_cancel_at_period_end
from ..base import CheckoutError, PaymentProvider, WebhookResult, webhooks_not_configured
from . import catalog, existing, webhook
from .client import NotFound, StripeAPI, StripeFailure
from .sync import is_paid, record_checkout, store_subscription, version_now

CHECKOUT_WINDOW = 600  # s: a double-submitted "Subscribe" reuses one session


class StripeProvider(PaymentProvider):
    name = "stripe"

    def __init__(
        self,
        *,
        secret_key: str,
        webhook_secret: str = "",
        api_base: str = "",
        max_network_retries: int = 2,
        **options,
    ):
        super().__init__(
            secret_key=secret_key, webhook_secret=webhook_secret, api_base=api_base, **options
        )
        self._webhook_secret = webhook_secret
        self._api = StripeAPI(
            secret_key=secret_key, api_base=api_base, max_network_retries=max_network_retries
        )

    def start_checkout(self, *, user, offer, success_url: str, cancel_url: str) -> str:
        meta = {"user_id": str(user.pk), "offer": offer.slug}
        params = {
            "mode": "subscription",
            "line_items": [{"price": None, "quantity": 1}],
            "success_url": success_url,
            "cancel_url": cancel_url,
            "client_reference_id": str(user.pk),
            "metadata": meta,
            "subscription_data": {"metadata": meta},
        }
        customer = _customer_id(user)
        if customer:
            params["customer"] = customer
        elif user.email:
            params["customer_email"] = user.email
        try:
            params["line_items"][0]["price"] = catalog.ensure_price(self._api, offer.plan)
            if offer.kind == "trial":
                params["subscription_data"]["trial_period_days"] = offer.trial_days
            elif coupon := catalog.ensure_coupon(self._api, offer):
                params["discounts"] = [{"coupon": coupon}]
            key = f"checkout:{user.pk}:{offer.slug}:{int(time.time()) // CHECKOUT_WINDOW}:"
            key += hashlib.sha256(json.dumps(params, sort_keys=True).encode()).hexdigest()[:16]
            return self._api.create_checkout_session(params, key=key)["url"]
        except StripeFailure:
            raise CheckoutError(
                "We could not reach our payment provider. Please try again."
            ) from None

    def complete_checkout(self, *, user, session_id: str):
        if not session_id.startswith("cs_"):
            raise CheckoutError("This checkout link is not valid.")
        try:
            session = self._api.retrieve_checkout_session(session_id)
            meta_user = (session.get("metadata") or {}).get("user_id")
            if session.get("client_reference_id") != str(user.pk) or meta_user != str(user.pk):
                raise CheckoutError("This checkout belongs to another account.")
            if not is_paid(session) or not session.get("subscription"):
                raise CheckoutError("This checkout is not complete yet.")
            version = version_now()
            ref = session["subscription"]
            obj = self._api.retrieve_subscription(ref.get("id") if isinstance(ref, dict) else ref)
        except NotFound:
            raise CheckoutError("This checkout link is not valid.") from None
        except StripeFailure:
            raise CheckoutError("We could not confirm your payment yet. Please reload.") from None
        return record_checkout(session, obj, version=version, user=user)

    def cancel(self, subscription) -> None:
        self._set_cancel(subscription, True)

    def resume(self, subscription) -> None:
        self._set_cancel(subscription, False)

    def _set_cancel(self, subscription, value: bool) -> None:
        if subscription.provider != self.name:  # made by the demo provider before Stripe
            set_cancel_at_period_end(subscription, value)
            return
        # The stored version is in the key: a double-submit replays one update, while a later
        # cancel-resume-cancel (each stored, each moving the version) sends a new one.
        key = (
            f"subscription:{subscription.provider_subscription_id}:"
            f"cancel_at_period_end={value}:{subscription.provider_updated}"
        )
        version = version_now()
        try:
            obj = self._api.update_subscription(
                subscription.provider_subscription_id, cancel_at_period_end=value, key=key
            )
        except StripeFailure:
            raise CheckoutError(
                "We could not reach our payment provider. Please try again."
            ) from None
        store_subscription(obj, version=version, user=subscription.user)

    def link_existing(self, *, user, reference: str, email: str, plans: dict, spelled: str = ""):
        return existing.link_existing(
            self._api, user=user, reference=reference, email=email, plans=plans, spelled=spelled
        )

    def manage_url(self, *, user, return_url: str) -> str | None:
        customer = _customer_id(user)
        if not customer:
            return None
        key = f"portal:{customer}:{int(time.time()) // 60}"
        try:
            params = {"customer": customer, "return_url": return_url}
            return self._api.create_portal_session(params, key=key)["url"]
        except StripeFailure:
            return None

    def handle_webhook(self, request, *, source: str) -> WebhookResult:
        if source != self.name:
            return webhooks_not_configured(source)
        return webhook.handle(
            self._api, self._webhook_secret, request.body, request.headers.get("Stripe-Signature")
        )


def _customer_id(user) -> str:
    sub = (
        Subscription.objects.filter(user=user, provider="stripe")
        .exclude(provider_customer_id="")
        .order_by("-created_at")
        .first()
    )
    return sub.provider_customer_id if sub else ""
