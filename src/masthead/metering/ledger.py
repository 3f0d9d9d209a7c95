"""An in-memory meter: counted views per reader and month, for simulation and tests.

The real stores (database, Redis) live in the Django app; this one lets analytics replay a
stream of views under a different policy, and lets tests drive the engine over many months.
Readers are told apart by a key the caller chooses (an account id, a device id).

Worked example, an anonymous reader under the default policy (3 a month)::

    >>> from datetime import datetime, UTC
    >>> ledger, policy, reader = Ledger(), Policy(), Reader(ReaderKind.ANONYMOUS)
    >>> november = datetime(2026, 11, 10, tzinfo=UTC)
    >>> [ledger.read("d1", reader, ArticleFacts(n), november, policy).remaining
    ...  for n in (1, 2, 3, 1)]
    [2, 1, 0, 0]
    >>> ledger.read("d1", reader, ArticleFacts(4), november, policy).outcome
    <Outcome.WALLED: 'walled'>
    >>> december = datetime(2026, 12, 1, tzinfo=UTC)
    >>> ledger.read("d1", reader, ArticleFacts(4), december, policy).remaining
    2
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from .decision import Decision
from .months import month_key
from .policy import ArticleFacts, Policy, Reader, Window
from .rules import decide


class Ledger:
    """Counted article ids per ``(reader key, month)``; mutated only by ``read``."""

    def __init__(self) -> None:
        self._counted: dict[tuple[str, str], set[int]] = {}

    def counted(self, reader_key: str, month: str) -> frozenset[int]:
        """The article ids counted for this reader in this ``"YYYY-MM"`` month."""
        return frozenset(self._counted.get((reader_key, month), ()))

    def used(self, reader_key: str, month: str) -> int:
        """How many articles this reader has used of the month's allowance."""
        return len(self._counted.get((reader_key, month), ()))

    def read(
        self,
        reader_key: str,
        reader: Reader,
        article: ArticleFacts,
        now: datetime,
        policy: Policy,
        promotions: Iterable[Window] = (),
    ) -> Decision:
        """Decide one view and record it when the decision counted it."""
        key = (reader_key, month_key(now, policy.time_zone))
        counted = self._counted.get(key, set())
        decision = decide(reader, article, now, policy, promotions, counted_ids=counted)
        if decision.counted:
            self._counted.setdefault(key, set()).add(article.id)
        return decision

    def merge(self, source_key: str, target_key: str, month: str) -> None:
        """Carry a device's views this month over to an account (on sign-up)."""
        moved = self._counted.pop((source_key, month), set())
        if moved:
            self._counted.setdefault((target_key, month), set()).update(moved)
