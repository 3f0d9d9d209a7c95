"""The paywall's data: meter views, the meter's editable settings, promotions, gift links.

Reader events moved to ``masthead.events`` (a layer of their own, below billing)."""

from .gifts import GiftLink, GiftRedemption
from .meter import MeterView
from .promotions import Promotion
from .settings import MeterSettings

__all__ = [
    "GiftLink",
    "GiftRedemption",
    "MeterSettings",
    "MeterView",
    "Promotion",
]
