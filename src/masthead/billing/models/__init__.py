"""Billing data: plans, offers, subscriptions, complimentary grants and webhook events."""

from .catalog import Offer, Plan
from .subscriptions import AccessGrant, Subscription, SubscriptionStatus, WebhookEvent

__all__ = ["AccessGrant", "Offer", "Plan", "Subscription", "SubscriptionStatus", "WebhookEvent"]
