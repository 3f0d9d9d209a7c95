"""Payment providers behind one interface, chosen by settings like Django's task backends::

    PAYMENT_PROVIDER = {"BACKEND": "masthead.billing.providers.stripe.StripeProvider",
                        "OPTIONS": {"secret_key": "sk_...", "webhook_secret": "whsec_..."}}

Without Stripe keys the built-in demo provider is used (a clearly labelled test checkout).
"""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from .base import CheckoutError, LinkRefused, PaymentProvider

__all__ = ["CheckoutError", "LinkRefused", "PaymentProvider", "get_provider", "reset_provider"]


@cache
def get_provider() -> PaymentProvider:
    config = settings.PAYMENT_PROVIDER
    return import_string(config["BACKEND"])(**config.get("OPTIONS", {}))


def reset_provider() -> None:
    get_provider.cache_clear()
