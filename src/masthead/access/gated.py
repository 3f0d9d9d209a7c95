"""What a channel renders of one article: the gate's decision, the cut body and the copy.

``preview`` is always public; ``rest`` is the gated part, empty unless the decision allows the
full text. The meter message, the wall's copy and the meter's numbers are worked out from the
decision when a template first asks for them.
"""

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from masthead.metering import (
    ArticleFacts,
    Assessment,
    Channel,
    Decision,
    MeterReading,
    Policy,
    ReaderStatus,
    meter_reading,
    meter_variables,
    month_name,
)

from .wording import meter_message, wall_copy


@dataclass
class GatedArticle:
    decision: Decision
    preview: list
    withheld: list
    reader_status: ReaderStatus
    facts: ArticleFacts
    assessment: Assessment
    channel: Channel
    now: datetime
    policy: Policy
    meter_settings: object = field(repr=False)
    gift: str | None = None

    @property
    def rest(self) -> list:
        """The gated blocks: all of them when the decision allows the full text, else none."""
        return self.withheld if self.decision.full_text else []

    @property
    def full_text(self) -> bool:
        return self.decision.full_text

    @property
    def gated(self) -> bool:
        return not self.decision.full_text

    @cached_property
    def _variables(self) -> dict:
        variables = meter_variables(self.decision, month_name(self.now, self.policy.time_zone))
        variables["registered_limit"] = self.policy.registered_allowance
        return variables

    @cached_property
    def meter_message(self) -> str:
        """The meter message of a metered view ("2 free articles left"), else ""."""
        return meter_message(self.decision, self.meter_settings, self._variables)

    @cached_property
    def wall(self) -> dict | None:
        """The wall's kind and copy when the reader is walled behind one, else None."""
        return wall_copy(self.decision, self.meter_settings, self._variables)

    @cached_property
    def meter(self) -> MeterReading:
        """The meter's numbers after this view (``limit is None`` when no meter applied)."""
        d = self.decision
        return meter_reading(d.limit, d.used, self.now, self.policy.time_zone)
