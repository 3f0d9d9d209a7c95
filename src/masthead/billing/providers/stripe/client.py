"""The one module that imports the ``stripe`` SDK: a thin client that speaks plain dicts.

Everything else in Masthead sees dicts shaped as Stripe's API reference documents them, and
three exceptions: ``StripeFailure`` (Stripe unreachable or refusing; retry later), ``NotFound``
(no such object) and ``BadSignature`` (a webhook we must not trust)::

    api = StripeAPI(secret_key="sk_test_...", api_base="http://127.0.0.1:12111")
    session = api.create_checkout_session(params, key="checkout:42:intro:2962011:9f2c...")
    api.retrieve_subscription(session["subscription"])["status"]  # -> "trialing"

Every POST carries an idempotency key that names what it creates, chosen by the caller from
the thing itself (plan and terms for a Price; user, offer, a 10-minute window and a hash of
the parameters for a Checkout Session), so a retried or double-submitted request creates
nothing twice. The SDK also retries network failures itself (``max_network_retries``) with
that same key.
"""

from contextlib import contextmanager

import stripe

WEBHOOK_TOLERANCE = 300  # seconds; an older signature is refused (replay protection)


class StripeFailure(Exception):
    """Stripe could not be reached or refused the request."""


class NotFound(StripeFailure):
    """Stripe has no object with that id (a forged or foreign id, for instance)."""


class BadSignature(Exception):
    """A webhook whose Stripe-Signature header is missing, wrong or too old."""


@contextmanager
def _translated():
    try:
        yield
    except stripe.InvalidRequestError as exc:
        if exc.http_status == 404:
            raise NotFound(str(exc.user_message or exc)) from exc
        raise StripeFailure(str(exc.user_message or exc)) from exc
    except stripe.StripeError as exc:
        raise StripeFailure(str(exc.user_message or exc)) from exc


def _plain(obj) -> dict:
    return obj.to_dict() if hasattr(obj, "to_dict") else dict(obj)


class StripeAPI:
    """Stripe's v1 API as Masthead uses it; ``api_base`` points it at a local server in tests."""

    def __init__(
        self,
        *,
        secret_key: str,
        api_base: str = "",
        max_network_retries: int = 2,
        timeout: float = 30,
    ):
        self.client = stripe.StripeClient(
            secret_key,
            base_addresses={"api": api_base} if api_base else None,
            max_network_retries=max_network_retries,
            http_client=stripe.new_default_http_client(timeout=timeout),
        )
        self.v1 = self.client.v1

    @staticmethod
    def _post(method, params: dict, key: str, *args) -> dict:
        with _translated():
            return _plain(method(*args, params=params, options={"idempotency_key": key}))

    def create_price(self, params: dict, *, key: str) -> dict:
        return self._post(self.v1.prices.create, params, key)

    def create_coupon(self, params: dict, *, key: str) -> dict:
        return self._post(self.v1.coupons.create, params, key)

    def create_checkout_session(self, params: dict, *, key: str) -> dict:
        return self._post(self.v1.checkout.sessions.create, params, key)

    def create_portal_session(self, params: dict, *, key: str) -> dict:
        return self._post(self.v1.billing_portal.sessions.create, params, key)

    def update_subscription(
        self, subscription_id: str, *, cancel_at_period_end: bool, key: str
    ) -> dict:
        params = {"cancel_at_period_end": cancel_at_period_end}
        return self._post(self.v1.subscriptions.update, params, key, subscription_id)

    def retrieve_checkout_session(self, session_id: str) -> dict:
        with _translated():
            return _plain(self.v1.checkout.sessions.retrieve(session_id))

    def retrieve_subscription(self, subscription_id: str) -> dict:
        with _translated():
            return _plain(self.v1.subscriptions.retrieve(subscription_id))

    def retrieve_customer(self, customer_id: str) -> dict:
        with _translated():
            return _plain(self.v1.customers.retrieve(customer_id))

    def customers_with_email(self, email: str, *, limit: int = 10) -> list[dict]:
        """Customers whose e-mail is exactly ``email`` (Stripe compares it case-sensitively)."""
        with _translated():
            page = self.v1.customers.list(params={"email": email, "limit": limit})
            return [_plain(c) for c in page.data]

    def customer_subscriptions(self, customer_id: str) -> list[dict]:
        """Every subscription of a customer, whatever its status (a GET: nothing changes)."""
        params = {"customer": customer_id, "status": "all", "limit": 100}
        with _translated():
            page = self.v1.subscriptions.list(params=params)
            return [_plain(s) for s in page.auto_paging_iter()]

    def construct_event(self, payload: bytes, signature: str | None, secret: str) -> dict:
        """Verify ``Stripe-Signature`` (HMAC-SHA256 of "t.payload", 300 s tolerance) and parse."""
        if not secret or not signature:
            raise BadSignature("missing signature or webhook secret")
        try:
            event = self.client.construct_event(payload, signature, secret, WEBHOOK_TOLERANCE)
        except (stripe.SignatureVerificationError, ValueError) as exc:
            raise BadSignature(str(exc)) from exc
        return _plain(event)
