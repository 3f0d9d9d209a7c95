"""The payment provider interface. Every provider turns a reader's choice of offer into a
subscription that billing stores with ``services.upsert_subscription``; the provider's own
object, re-read when needed, is the truth about its state."""

from abc import ABC, abstractmethod


class CheckoutError(Exception):
    """A checkout that cannot start or complete; the message is safe to show the reader."""


class PaymentProvider(ABC):
    name: str = ""
    is_test: bool = False  # a provider where no money moves (the demo)

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

    def manage_url(self, *, user, return_url: str) -> str | None:
        """Where the reader manages cards and invoices (Stripe's portal); None if nowhere."""
        return None
