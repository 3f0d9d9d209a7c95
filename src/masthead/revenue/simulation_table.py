"""The terminal's view of a simulation: recorded and candidate side by side.

>>> print(simulation_table(EXAMPLE).splitlines()[0])
Replayed 120 views by 40 readers, 2026-10-01 to 2026-11-30
"""

from masthead.metering.estimate import TOO_FEW

WALL_LABELS = (
    ("registration", "  registration wall"),
    ("subscription", "  subscription wall"),
    ("trial-expired", "  trial-expired wall"),
    ("access-expired", "  access-expired wall"),
    ("subscribers-only", "  subscribers-only wall"),
)


def _policy(outcome: dict) -> str:
    policy = outcome["policy"]
    return f"{policy['anonymous']} / {policy['registered']} / {policy['preview']}"


def _interval(value: dict, n: str = "readers walled") -> str:
    """A predicted count with its interval and n, or "too few to tell" below ``TOO_FEW``."""
    if "n" in value and not value.get("enough", True):
        return f"too few to tell (n = {value['n']:,} {n}, fewer than {TOO_FEW})"
    figure = f"{value['estimate']:,.1f}  ({value['low']:,.1f} to {value['high']:,.1f})"
    return f"{figure}; n = {value['n']:,} {n}" if "n" in value else figure


def _stop(side: dict) -> str:
    stop = side.get("stop")
    if stop is not None and not stop["enough"]:
        return "too few to tell"
    return f"{side['stop_rate']:.2%}"


def simulation_table(report: dict) -> str:
    """A readable table of ``report`` (the object ``simulation_run`` returns)."""
    recorded, candidate = report["recorded"], report["candidate"]
    rows = [
        ("free articles: anonymous / registered / preview", _policy(recorded), _policy(candidate)),
        ("views", f"{recorded['views']:,}", f"{candidate['views']:,}"),
        ("counted views", f"{recorded['counted']:,}", f"{candidate['counted']:,}"),
        (
            "walls shown",
            f"{sum(recorded['walls'].values()):,}",
            f"{sum(candidate['walls'].values()):,}",
        ),
    ]
    rows += [
        (label, f"{recorded['walls'][kind]:,}", f"{candidate['walls'][kind]:,}")
        for kind, label in WALL_LABELS
    ]
    rows += [
        ("readers walled", f"{recorded['readers_walled']:,}", f"{candidate['readers_walled']:,}"),
        ("stop rate", _stop(recorded), _stop(candidate)),
        ("  of readers (n)", f"{report['readers']:,}", f"{report['readers']:,}"),
    ]
    width = max(len(row[0]) for row in rows) + 2
    lines = [
        f"Replayed {report['events']:,} views by {report['readers']:,} readers, "
        f"{report['since']} to {report['until']}",
        "",
        f"{'':<{width}}{'recorded':>14}{'candidate':>14}",
        *(f"{name:<{width}}{left:>14}{right:>14}" for name, left, right in rows),
        "",
        "Predicted under the candidate (95% intervals, from conversions observed at each wall):",
        f"  registrations   {_interval(candidate['registrations'])}",
        f"  subscriptions   {_interval(candidate['subscriptions'])}",
        *_experiment_lines(candidate.get("experiment")),
        *_answer_lines(candidate.get("answer")),
    ]
    return "\n".join(lines)


def _rate(value: dict) -> str:
    if not value.get("enough", True):
        return "too few to tell per reader"
    high = "unbounded" if value["high"] is None else f"{value['high']:.2%}"
    return f"{value['estimate']:.2%} per reader ({value['low']:.2%} to {high})"


def _experiment_lines(ipw: dict | None) -> list[str]:
    """The inverse-propensity-weighted prediction, when a meter experiment ran in the period."""
    if not ipw:
        return ["", "No meter experiment's randomised readers in this period: no IPW estimate."]
    variants = ", ".join(
        f"{name} ({'?' if allowance is None else allowance})"
        for name, allowance in ipw["variants"].items()
    )
    lines = [
        "",
        f"From the meter experiment's {ipw['readers']:,} randomised readers "
        f"({ipw['method']}, 95% intervals; variants: {variants}):",
    ]
    if ipw["registration_rate"] is None:
        lines.append(f"  no estimate: {ipw['note']}")
        return lines
    recorded = ipw["recorded"]
    for name in ("registration", "subscription"):
        lines.append(
            f"  {name}s   {_interval(ipw[name + 's'], 'readers in the variant')}   "
            f"{_rate(ipw[name + '_rate'])}; "
            f"recorded {recorded[name + 's']:,}"
        )
    if ipw["note"]:
        lines.append(f"  note: {ipw['note']}")
    return lines


def _answer_lines(answer: dict | None) -> list[str]:
    """Which prediction answers the question, on what assumptions; a disagreement, flagged."""
    if not answer:
        return []
    lines = ["", f"Answer: {answer['method']} ({answer['why']}). Assuming:"]
    lines += [f"  - {assumption}" for assumption in answer["assumptions"]]
    for name, both in (answer.get("comparison") or {}).items():
        wall, ipw = both["wall_rates"], both["experiment"]
        flag = "DISAGREE" if both["disagree"] else "agree"
        lines.append(
            f"  {name} on the experiment's readers: wall rates {_interval(wall)}, "
            f"experiment {_interval(ipw)}: {flag}"
        )
    if answer["note"]:
        lines.append(f"  note: {answer['note']}")
    return lines


def _example() -> dict:
    walls = dict.fromkeys((kind for kind, _ in WALL_LABELS), 0)
    side = {
        "policy": {"anonymous": 3, "registered": 10, "preview": 2},
        "views": 120,
        "counted": 80,
        "walls": walls,
        "readers_walled": 5,
        "stop_rate": 0.125,
    }
    interval = {"estimate": 3.0, "low": 1.0, "high": 6.0}
    return {
        "events": 120,
        "readers": 40,
        "since": "2026-10-01",
        "until": "2026-11-30",
        "recorded": side,
        "candidate": {**side, "registrations": interval, "subscriptions": interval},
    }


EXAMPLE = _example()
