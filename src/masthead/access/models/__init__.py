"""The paywall's data: meter views, the meter's editable settings, promotions, reader events."""

from .events import ReaderEvent
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
    "ReaderEvent",
]
