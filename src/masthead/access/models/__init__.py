"""The paywall's data: meter views, the meter's editable settings, promotions, gift links.

Reader events moved to ``masthead.events`` (a layer of their own, below billing)."""

from .experiments import Experiment, ExperimentStatus, ExperimentVariant
from .gifts import GiftLink, GiftRedemption
from .meter import MeterView
from .promotions import Promotion
from .settings import MeterSettings

__all__ = [
    "Experiment",
    "ExperimentStatus",
    "ExperimentVariant",
    "GiftLink",
    "GiftRedemption",
    "MeterSettings",
    "MeterView",
    "Promotion",
]
