"""A member import from start to end: options checked, rows streamed, one transaction each.

Everything that can make the whole file unusable (the file itself, an unknown ``--newsletter``
or ``--price`` plan) is checked before the first row is written, and raises ``Unusable``.
Then each row is one transaction: a crash loses at most the row in hand, and a re-run finds
every row already there (``unchanged``), so a killed run finishes by running it again.
``--dry-run`` is the same run with every row's transaction rolled back. Nobody is e-mailed
unless ``notify`` is set, and then only readers the run created, once it has committed them::

    report = MemberImport(Path("members.csv"), fmt="ghost").execute()
    report["counts"]["members"]    # {"created": 2, "updated": 0, "unchanged": 0, "rejected": 1}
    report["rejected"]             # [{"where": "line 3", "reason": "email ... is not ..."}]
"""

from collections.abc import Callable
from pathlib import Path

from django.db import transaction

from masthead.billing.entitlement_cache import forget_entitlements
from masthead.billing.models import Plan
from masthead.newsletters.models import Newsletter

from .accounts import AccountRefused
from .cleaning import RowError, member_clean
from .notify import notify_moved
from .source import BadRow, CsvSource, Unusable
from .writer import RowWriter, Tally

__all__ = ["MemberImport", "Unusable", "parse_prices"]


def parse_prices(items: list[str]) -> dict[str, Plan]:
    """``["price_123=monthly"]`` -> ``{"price_123": <Plan monthly>}``; raises ``Unusable``."""
    prices: dict[str, Plan] = {}
    for item in items:
        price, sep, slug = item.partition("=")
        price, slug = price.strip(), slug.strip()
        if not sep or not price or not slug:
            raise Unusable(f"--price {item!r}: give PRICE_ID=PLAN (a plan's slug)")
        plan = Plan.objects.filter(slug=slug).first()
        if plan is None:
            raise Unusable(f"--price {item!r}: there is no plan {slug!r}")
        prices[price] = plan
    return prices


def _newsletters(slugs: list[str]) -> list[Newsletter]:
    if not slugs:
        return list(Newsletter.objects.filter(active=True, default_on_signup=True))
    found = {n.slug: n for n in Newsletter.objects.filter(active=True, slug__in=slugs)}
    missing = [s for s in slugs if s not in found]
    if missing:
        raise Unusable(f"--newsletter {missing[0]}: there is no active newsletter {missing[0]!r}")
    return [found[s] for s in dict.fromkeys(slugs)]


class _DryRun(Exception):
    """Raised inside a row's transaction to roll it back (``--dry-run``)."""


class MemberImport:
    def __init__(
        self,
        path: Path,
        *,
        fmt: str | None = None,
        maps: dict[str, str] | None = None,
        newsletters: list[str] = (),  # type: ignore[assignment]
        prices: list[str] = (),  # type: ignore[assignment]
        notify: bool = False,
        dry_run: bool = False,
    ):
        self.source = CsvSource(path, fmt=fmt, maps=maps or {})
        try:
            self.newsletters = _newsletters(list(newsletters))
            self.prices = parse_prices(list(prices))
        except Unusable:
            self.source.close()
            raise
        self.path, self.notify, self.dry_run = path, notify, dry_run
        self.tally = Tally()
        self.rejected: list[dict] = []
        self.merged: list[dict] = []

    @property
    def size(self) -> int:
        return self.source.size

    def _reject(self, line: int, reason: str) -> None:
        self.rejected.append({"where": f"line {line}", "reason": reason})

    def execute(self, progress: Callable[[int], object] | None = None) -> dict:
        writer = RowWriter(
            source=self.source.fmt,
            label=self.path.name,
            newsletters=self.newsletters,
            prices=self.prices,
            tally=self.tally,
        )
        seen: dict[str, tuple[int, str]] = {}  # e-mail -> (first line, as written there)
        created = []
        try:
            for item in self.source.rows(progress):
                if isinstance(item, BadRow):
                    self.tally.add("members", "rejected")
                    self._reject(item.line, item.reason)
                    continue
                try:
                    member = member_clean(item.values, fmt=self.source.fmt)
                except RowError as exc:
                    self.tally.add("members", "rejected")
                    self._reject(item.line, str(exc))
                    continue
                written = item.values.get("email", "").strip()
                if member.email in seen:
                    first, as_written = seen[member.email]
                    how = "the same address" if as_written == written else "it differs in case"
                    self.merged.append(
                        {
                            "where": f"line {item.line}",
                            "reason": f"same reader as line {first} ({how}): merged",
                        }
                    )
                else:
                    seen[member.email] = (item.line, written)
                refused: list[str] = []
                try:
                    user, outcome = self._row(writer, member, refused)
                except AccountRefused as exc:
                    self.tally.add("members", "rejected")
                    self._reject(item.line, f"email {member.email}: {exc}")
                    continue
                self.tally.add("members", outcome)
                for reason in refused:
                    self._reject(item.line, reason)
                if outcome == "created" and not self.dry_run:
                    created.append(user.pk)
        finally:
            self.source.close()
        if self.notify and created:
            notify_moved(created)
        return self.report()

    def _row(self, writer: RowWriter, member, refused: list[str]):
        """One row in one transaction. A row rolled back (a dry run, a refusal, a crash) may
        have cached an entitlement for its reader id inside it — an id SQLite gives out again
        after a rollback — so that reader's cached entitlement is forgotten."""
        result, writer.user_id = None, None
        try:
            with transaction.atomic():
                result = writer.write(member, refused)
                if self.dry_run:
                    raise _DryRun
        except _DryRun:
            forget_entitlements([writer.user_id])
        except BaseException:
            if writer.user_id is not None:
                forget_entitlements([writer.user_id])
            raise
        return result

    def report(self) -> dict:
        return {
            "source": "members",
            "dry_run": self.dry_run,
            "format": self.source.fmt,
            "counts": self.tally.counts,
            "rejected": self.rejected,
            "merged": self.merged,
            "missing_media": [],
        }
