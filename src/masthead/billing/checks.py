"""A deployment check: the demo payment provider must not take real readers' subscriptions."""

from django.conf import settings
from django.core.checks import Warning, register


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
