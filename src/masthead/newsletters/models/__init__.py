from .catalog import Newsletter, Visibility
from .issues import Delivery, DeliveryState, Issue, IssueState, ReaderKind
from .subscriptions import Action, Source, Subscription, SubscriptionEvent
from .suppression import Suppression, SuppressionReason, WebhookEvent

__all__ = [
    "Action",
    "Delivery",
    "DeliveryState",
    "Issue",
    "IssueState",
    "Newsletter",
    "ReaderKind",
    "Source",
    "Subscription",
    "SubscriptionEvent",
    "Suppression",
    "SuppressionReason",
    "Visibility",
    "WebhookEvent",
]
