"""One answer per question: which of the simulator's two predictions answers "what would
registrations and subscriptions be under this policy?", on what assumptions, and whether the
other one disagrees (``docs/simulation.md``, section 4).

* The **experiment** answers when one ran in the period, a variant gave the candidate's
  anonymous allowance, the candidate changes nothing else, and at least ``TOO_FEW`` readers
  were in that variant: randomisation makes its estimate causal (readers' changed behaviour
  included), for the experiment's population (new devices while it ran).
* Otherwise the **wall rates** answer: every reader of the period, assuming each converts at a
  wall as the recorded readers did.

The two are compared on the same readers, the experiment's: the wall rates' prediction, as a
ratio of what was recorded, applied to what those readers recorded. They disagree when the two
95% intervals do not overlap.

    >>> wall = {"estimate": 220.0, "low": 210.0, "high": 230.0, "n": 5000, "enough": True}
    >>> ipw = {"registrations": {"estimate": 100.0, "low": 80.0, "high": 120.0, "n": 900,
    ...                          "enough": True},
    ...        "subscriptions": None, "recorded": {"registrations": 150, "subscriptions": 9}}
    >>> both = compared("registrations", wall, 200, ipw)
    >>> both["wall_rates"], both["disagree"]
    ({'estimate': 165.0, 'low': 157.5, 'high': 172.5}, True)
"""

WALL_RATES = "wall rates"
EXPERIMENT = "inverse-propensity weighting"
ASSUMPTIONS = {
    WALL_RATES: [
        "a reader converts at a wall as the recorded readers who met it did, however many free "
        "articles they had before it",
        "conversions without a wall do not change",
        "no reader reads more or less, or leaves, because of the new policy",
    ],
    EXPERIMENT: [
        "readers were assigned the variants at random (sticky per device)",
        "the answer holds for the experiment's population: new devices while it ran",
        "only conversions within the period are seen",
    ],
}
OUTCOMES = ("registrations", "subscriptions")


def _interval(value: dict) -> dict:
    return {key: round(value[key], 2) for key in ("estimate", "low", "high")}


def compared(name: str, wall: dict, recorded_total: int, ipw: dict) -> dict | None:
    """The two predictions of ``name`` on the experiment's readers, or ``None`` when they
    cannot be compared (no estimate, or nothing recorded to scale the wall rates by)."""
    experiment = ipw.get(name)
    if not experiment or not recorded_total or experiment.get("high") is None:
        return None
    factor = ipw["recorded"][name] / recorded_total
    scaled = {key: wall[key] * factor for key in ("estimate", "low", "high")}
    disagree = scaled["high"] < experiment["low"] or experiment["high"] < scaled["low"]
    return {"wall_rates": _interval(scaled), "experiment": _interval(experiment),
            "disagree": disagree}  # fmt: skip


def simulation_answer(candidate: dict, recorded: dict[str, int], changes_more: bool) -> dict:
    """The ``answer`` object of the simulator's report (``candidate``: its candidate side,
    ``recorded``: the period's recorded registrations and subscriptions)."""
    ipw = candidate.get("experiment")
    usable = bool(
        ipw
        and ipw.get("registrations")
        and not changes_more
        and all((ipw.get(name) or {}).get("enough") for name in OUTCOMES)
    )
    method = EXPERIMENT if usable else WALL_RATES
    if usable:
        why = (
            f"a meter experiment randomised readers to {ipw['allowance']} free articles: its "
            "estimate is causal, for new readers"
        )
    elif not ipw:
        why = "no meter experiment ran in the period"
    elif changes_more:
        why = "the candidate changes more than the anonymous allowance the experiment varied"
    elif not ipw.get("registrations"):
        why = "no experiment variant gave this allowance"
    else:
        why = "too few of the experiment's readers had this allowance to tell"
    comparison = (
        {name: compared(name, candidate[name], recorded[name], ipw) for name in OUTCOMES}
        if ipw
        else {}
    )
    disagree = sorted(name for name, c in comparison.items() if c and c["disagree"])
    note = ""
    if disagree:
        other = WALL_RATES if method == EXPERIMENT else "the experiment"
        note = (
            f"the wall rates and the experiment disagree on {' and '.join(disagree)} "
            f"(95% intervals apart, on the experiment's readers); {method} answers, "
            f"{other} is shown for comparison"
        )
    return {
        "method": method,
        "why": why,
        "assumptions": ASSUMPTIONS[method],
        "comparison": {name: c for name, c in comparison.items() if c} or None,
        "disagree": disagree,
        "note": note,
    }
