"""Replay benchmark: how fast the meter engine replays recorded views (``masthead simulate``).

    .venv/bin/python benchmarks/simulate.py                  # 10,000,000 views
    .venv/bin/python benchmarks/simulate.py --events 2000000 --candidate-anonymous 5

It generates a base history with the demo's generative model (``synthetic.history``, decisions
asked of ``decide`` once per distinct input), then replays ``--events`` facts in one stream:
the base history again and again, each pass moved to a later meter month (a new tuple per fact,
so the figure includes that copying). Reported: generation time, replay wall and CPU time,
views per second, and the process's peak memory. Pure Python, no database: the engine alone.
See benchmarks/README.md ("Replay").
"""

import argparse
import itertools
import resource
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from masthead.metering import Candidate, Fact, replay  # noqa: E402
from masthead.synthetic.history import Model, facts, generate  # noqa: E402

END = datetime(2026, 12, 1, tzinfo=UTC)
ARTICLES = [(n, "metered", False) for n in range(1, 41)] + [
    (41, "free", False),
    (42, "free", False),
    (43, "subscribers", False),
    (44, "subscribers", False),
    (45, "metered", True),
]


def passes(base: list[Fact], total: int) -> Iterator[tuple[object, ...]]:
    """``total`` facts: ``base`` over and over, pass ``k`` in the months of year 3000 + k."""
    emitted = 0
    for k in itertools.count():
        prefix = str(3000 + k)
        for fact in base:
            if emitted == total:
                return
            yield fact[:2] + (prefix + fact[2][4:],) + fact[3:]  # type: ignore[misc]
            emitted += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--readers-per-day", type=int, default=3400, help="base history size")
    parser.add_argument("--candidate-anonymous", type=int, default=None)
    args = parser.parse_args()

    started = time.perf_counter()
    # No starting population: the history of the figures in benchmarks/README.md ("Replay").
    model = Model(readers_per_day=args.readers_per_day, memo=True, start_population=False)
    base = list(facts(generate(model, ARTICLES, END)))
    generated = time.perf_counter() - started
    print(f"base history: {len(base):,} facts in {generated:.1f} s")

    candidate = Candidate(anonymous=args.candidate_anonymous)
    wall, cpu = time.perf_counter(), time.process_time()
    result = replay(passes(base, args.events), candidate)  # type: ignore[arg-type]
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"replayed {args.events:,} facts ({result.events:,} views, {result.changed:,} changed) "
        f"in {wall:.1f} s wall, {cpu:.1f} s CPU: {result.events / wall:,.0f} views/s "
        f"(CPU: {result.events / cpu:,.0f}/s); peak RSS {peak:,.0f} MB"
    )
    print(
        f"target: 10,000,000 views in under 60 s -> {'ok' if wall < 60 else 'FAIL'}"
        if args.events == 10_000_000
        else ""
    )


if __name__ == "__main__":
    main()
