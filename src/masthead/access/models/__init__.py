"""The paywall's data: meter views, the meter's editable settings, promotions, reader events."""

from .events import ReaderEvent
from .meter import MeterView
from .promotions import Promotion
from .settings import MeterSettings

__all__ = ["MeterSettings", "MeterView", "Promotion", "ReaderEvent"]
