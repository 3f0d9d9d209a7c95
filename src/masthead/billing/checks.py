"""Deployment checks: the demo payment provider must not take real readers' subscriptions,
and Stripe needs its webhook secret (without it no webhook verifies, so no payment, renewal
or cancellation ever reaches a reader's access)."""

from django.conf import settings
from django.core.checks import Error, Warning, register


@register("masthead", deploy=True)
def demo_provider_in_production(app_configs, **kwargs):
    # Production means a public https site; the demo on http://127.0.0.1 is not.
    if (
        settings.DEBUG
        or not settings.SITE_HTTPS
        or "demo" not in settings.PAYMENT_PROVIDER["BACKEND"]
    ):
        return []
    return [
        Warning(
            "The built-in demo payment provider is active: subscriptions cost nothing.",
            hint="Set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET for a real publication.",
            id="masthead.W001",
        )
    ]


@register("masthead", deploy=True)
def stripe_without_webhook_secret(app_configs, **kwargs):
    if not settings.STRIPE_SECRET_KEY or settings.STRIPE_WEBHOOK_SECRET:
        return []
    return [
        Error(
            "STRIPE_SECRET_KEY is set but STRIPE_WEBHOOK_SECRET is not: Stripe's webhooks "
            "cannot be verified, so subscriptions would never change readers' access.",
            hint="Set STRIPE_WEBHOOK_SECRET to the signing secret of the /webhooks/stripe/ "
            "endpoint (Stripe dashboard, Developers > Webhooks).",
            id="masthead.E002",
        )
    ]
