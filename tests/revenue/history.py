"""A generated reader history for the dashboard and rollup tests: the one generator
(``synthetic.history``, each view decided by the site's rules) through the bulk writer the demo
uses (``events.bulk``)."""

from django.utils import timezone

from masthead.events.bulk import write_events
from masthead.synthetic.history import Model, generate


def write_history(days: int, readers_per_day: int, articles: list[int], seed: int = 7) -> int:
    """``days`` of history up to now over ``articles`` (metered, most popular first), from an
    empty site (no starting population: its past would span a year of rollups)."""
    model = Model(
        days=days, readers_per_day=readers_per_day, seed=seed, memo=True, start_population=False
    )
    pages = [(pk, "metered", False) for pk in articles]
    return write_events(generate(model, pages, timezone.now()))
