"""The report of one run: counts by kind, what was rejected or repaired, the missing media.

Its JSON shape is in CONTRACT.md ("Import"): ``{"source", "dry_run", "counts": {KIND:
{"created", "updated", "unchanged", "rejected"}}, "rejected": [{"where", "reason"}],
"missing_media": [url, ...]}``. The exit status follows from it: 0 when nothing is listed
as rejected, 1 otherwise (2 is an unusable input, which has no report of items).
"""

import json
from pathlib import Path

KINDS = ("articles", "pages", "sections", "topics", "authors", "images", "redirects")
OUTCOMES = ("created", "updated", "unchanged", "rejected")


class Report:
    def __init__(self, source: str, dry_run: bool):
        self.source = source
        self.dry_run = dry_run
        self.counts: dict[str, dict[str, int]] = {
            kind: dict.fromkeys(OUTCOMES, 0) for kind in KINDS
        }
        self.rejected: list[dict[str, str]] = []
        self.missing_media: list[str] = []
        self._seen: set[tuple[str, str]] = set()

    def count(self, kind: str, outcome: str, key: str | None = None) -> None:
        """Count one object; with ``key``, an object met again in the same run counts once."""
        if key is not None:
            if (kind, key) in self._seen:
                return
            self._seen.add((kind, key))
        self.counts.setdefault(kind, dict.fromkeys(OUTCOMES, 0))[outcome] += 1

    def reject(self, where: str, reason: str, kind: str | None = None) -> None:
        """List a rejected item (``kind`` given: it is counted as rejected) or a repair."""
        self.rejected.append({"where": where, "reason": reason})
        if kind:
            self.counts[kind]["rejected"] += 1

    def media_missing(self, url: str) -> None:
        if url not in self.missing_media:
            self.missing_media.append(url)

    @property
    def exit_code(self) -> int:
        return 1 if self.rejected else 0

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "dry_run": self.dry_run,
            "counts": self.counts,
            "rejected": self.rejected,
            "missing_media": self.missing_media,
        }

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(self.as_dict(), indent=2) + "\n", encoding="utf-8")

    def summary(self) -> str:
        lines = []
        for kind, c in self.counts.items():
            if any(c.values()):
                lines.append(
                    f"{kind}: {c['created']} created, {c['updated']} updated, "
                    f"{c['unchanged']} unchanged, {c['rejected']} rejected"
                )
        lines += [f"{r['where']}: {r['reason']}" for r in self.rejected]
        lines += [f"missing media: {url}" for url in self.missing_media]
        if self.dry_run:
            lines.append("dry run: nothing was written")
        return "\n".join(lines) or "nothing to import"
