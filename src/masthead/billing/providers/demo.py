"""The built-in demo provider: a clearly labelled test checkout where no money moves.

Used when no Stripe keys are set (``make demo``, offline use). The checkout link carries a
signed token naming the reader and the offer, valid for an hour, so that only the reader who
started a checkout can complete it::

    url = DemoProvider().start_checkout(user=u, offer=o, success_url=..., cancel_url=...)
    # -> /subscribe/test-checkout/?session=<signed token>
"""

import secrets
from datetime import timedelta

from django.core import signing
from django.urls import reverse
from django.utils import timezone

from ..models import Offer
from ..models.subscriptions import SubscriptionStatus
from ..services import set_cancel_at_period_end, start_subscription
from .base import CheckoutError, PaymentProvider

SALT = "masthead.billing.demo-checkout"
MAX_AGE = 3600


def read_session(*, user, session_id: str) -> dict:
    """The demo checkout token's content (reader, offer), or ``CheckoutError``."""
    try:
        data = signing.loads(session_id, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise CheckoutError("This test checkout has expired. Please start again.") from None
    except signing.BadSignature:
        raise CheckoutError("This checkout link is not valid.") from None
    if data.get("u") != user.pk:
        raise CheckoutError("This checkout belongs to another account.")
    return data


class DemoProvider(PaymentProvider):
    name = "demo"
    is_test = True
    supports_test_checkout = True

    def test_checkout_offer(self, *, user, session_id: str) -> str:
        return read_session(user=user, session_id=session_id)["o"]

    def start_checkout(self, *, user, offer, success_url: str, cancel_url: str) -> str:
        token = signing.dumps(
            {"u": user.pk, "o": offer.slug, "n": secrets.token_hex(8)}, salt=SALT, compress=True
        )
        return f"{reverse('billing:test-checkout')}?session={token}"

    def complete_checkout(self, *, user, session_id: str):
        data = read_session(user=user, session_id=session_id)
        offer = Offer.objects.select_related("plan").filter(slug=data["o"]).first()
        if offer is None:
            raise CheckoutError("That offer no longer exists.")
        now = timezone.now()
        if offer.kind == "trial":
            status, period_end = SubscriptionStatus.TRIALING, now + timedelta(days=offer.trial_days)
            trial_end = period_end
        else:
            days = (31 if offer.plan.interval == "month" else 366) * max(offer.intro_periods, 1)
            status, period_end, trial_end = (
                SubscriptionStatus.ACTIVE,
                now + timedelta(days=days),
                None,
            )
        return start_subscription(
            user=user,
            offer=offer,
            provider=self.name,
            provider_subscription_id=f"demo_{data['n']}",
            status=status,
            current_period_end=period_end,
            trial_end=trial_end,
        )

    def cancel(self, subscription) -> None:
        set_cancel_at_period_end(subscription, True)

    def resume(self, subscription) -> None:
        set_cancel_at_period_end(subscription, False)
