"""The in-memory meter: counted views per reader and month, for simulation, tests and the
in-process meter store (``masthead.access.stores.memory`` wraps one ``Ledger``).

Readers are told apart by a key the caller chooses (``u:<id>``, ``d:<device>``). ``record`` is
the same check-and-count as every meter store (``meter.tally``); ``read`` decides a whole view.

``merge`` carries a device's month over to an account as a *union that keeps the source*, as
the database and Redis stores do: an article read on both counts once, and the device keeps its
own count, so signing in and out again can never hand a device a fresh allowance.

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
    >>> ledger.merge("d1", "u7", "2026-11"), ledger.used("d1", "2026-11")
    (3, 3)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from .decision import Decision
from .meter import Tally, tally
from .months import month_key
from .policy import ArticleFacts, Policy, Reader, Window
from .rules import decide


class Ledger:
    """Counted article ids per ``(reader key, month)``, changed only by ``record``, ``read``,
    ``merge``, ``clear`` and ``prune``. Not thread-safe: share one across threads under a lock."""

    def __init__(self) -> None:
        self._counted: dict[tuple[str, str], set[int]] = {}

    def counted(self, reader_key: str, month: str) -> frozenset[int]:
        """The article ids counted for this reader in this ``"YYYY-MM"`` month."""
        return frozenset(self._counted.get((reader_key, month), ()))

    def used(self, reader_key: str, month: str) -> int:
        """How many articles this reader has used of the month's allowance."""
        return len(self._counted.get((reader_key, month), ()))

    def record(self, reader_key: str, month: str, article_id: int, limit: int) -> Tally:
        """Check-and-count one view: count ``article_id`` if it is new and under ``limit``."""
        answer = tally(self._counted.get((reader_key, month), ()), article_id, limit)
        if answer.newly_counted:
            self._counted.setdefault((reader_key, month), set()).add(article_id)
        return answer

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

    def merge(self, source_key: str, target_key: str, month: str) -> int:
        """Add the source's counted views this month to the target's (a union; the source
        keeps its own). Returns the target's count afterwards."""
        source = self._counted.get((source_key, month), set())
        target = self._counted.setdefault((target_key, month), set())
        target |= source
        return len(target)

    def clear(self, reader_key: str, month: str) -> None:
        """Forget a reader's month."""
        self._counted.pop((reader_key, month), None)

    def prune(self, before_month: str) -> int:
        """Forget every reader's months before ``before_month``; returns how many went."""
        closed = [key for key in self._counted if key[1] < before_month]
        for key in closed:
            del self._counted[key]
        return len(closed)
