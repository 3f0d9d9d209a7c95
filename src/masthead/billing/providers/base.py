"""The payment provider interface. Every provider turns a reader's choice of offer into a
subscription that billing stores with ``services.upsert_subscription``; the provider's own
object, re-read when needed, is the truth about its state.

Views talk to a provider only through this interface: a webhook view hands the request to
``handle_webhook`` and answers from the ``WebhookResult`` (how a provider verifies, stores and
applies its events stays inside the provider's package)."""

from abc import ABC, abstractmethod
from dataclasses import dataclass


class CheckoutError(Exception):
    """A checkout that cannot start or complete; the message is safe to show the reader."""


class LinkRefused(Exception):
    """An existing payment customer that cannot be linked to a reader; the message says why
    (it goes into a member import's report)."""


@dataclass(frozen=True)
class WebhookResult:
    """What a provider made of one webhook delivery: success (perhaps a duplicate), or an
    error code and message for the JSON error envelope."""

    status: int = 200
    duplicate: bool = False
    error: str = ""
    message: str = ""


def webhooks_not_configured(source: str) -> WebhookResult:
    return WebhookResult(
        400, error="not_configured", message=f"{source.title()} webhooks are not configured."
    )


class PaymentProvider(ABC):
    name: str = ""
    is_test: bool = False  # a provider where no money moves (the demo)
    # Capabilities, as Django's task backends declare theirs: a provider that serves its own
    # test checkout page at /subscribe/test-checkout/ (the demo) says so here.
    supports_test_checkout: bool = False

    def __init__(self, **options):
        self.options = options

    @abstractmethod
    def start_checkout(self, *, user, offer, success_url: str, cancel_url: str) -> str:
        """Start paying for ``offer``; return the URL to send the reader to."""

    @abstractmethod
    def complete_checkout(self, *, user, session_id: str):
        """The reader came back from checkout: return their Subscription, or raise
        ``CheckoutError``. Must not grant access for a session that is not the user's."""

    @abstractmethod
    def cancel(self, subscription) -> None:
        """Cancel at the end of the current period (access stays until then)."""

    @abstractmethod
    def resume(self, subscription) -> None:
        """Undo a pending cancellation."""

    def link_existing(self, *, user, reference: str, email: str, plans: dict, spelled: str = ""):
        """Store the live subscriptions a customer already has at the provider as ``user``'s
        (a member import); only the Stripe provider has customers to link."""
        raise LinkRefused(
            "Stripe is not configured (STRIPE_SECRET_KEY): the subscription was not linked"
        )

    def test_checkout_offer(self, *, user, session_id: str) -> str:
        """The slug of the offer that ``user`` is checking out in the test checkout
        ``session_id``, or ``CheckoutError`` (also for a provider without
        ``supports_test_checkout``)."""
        raise CheckoutError("This checkout link is not valid.")

    def manage_url(self, *, user, return_url: str) -> str | None:
        """Where the reader manages cards and invoices (Stripe's portal); None if nowhere."""
        return None

    def handle_webhook(self, request, *, source: str) -> WebhookResult:
        """Verify, store once and apply a webhook delivery sent by ``source`` (the URL says
        who: ``/webhooks/stripe/``). A provider that takes no such webhooks refuses them."""
        return webhooks_not_configured(source)
