"""A simulation's walls, recorded vs candidate, as an accessible server-drawn SVG bar chart
(the numbers are also in the table beside it; no script).

    >>> chart = simulation_chart({"recorded": {"walls": {"registration": 10}},
    ...                           "candidate": {"walls": {"registration": 5}}})
    >>> chart["rows"][0]["label"], chart["rows"][0]["candidate_width"]
    ('registration', 50.0)
"""

WIDTH = 100.0  # the longest bar, in SVG user units (percent of the plot)


def simulation_chart(report: dict | None) -> dict:
    """Rows of (label, recorded, candidate, bar widths) for the template's SVG."""
    if not report:
        return {"rows": [], "height": 0}
    recorded = report["recorded"]["walls"]
    candidate = report["candidate"]["walls"]
    kinds = list(dict.fromkeys([*recorded, *candidate]))
    top = max([*recorded.values(), *candidate.values(), 1])
    rows = [
        {
            "label": kind,
            "recorded": recorded.get(kind, 0),
            "candidate": candidate.get(kind, 0),
            "recorded_width": round(WIDTH * recorded.get(kind, 0) / top, 1),
            "candidate_width": round(WIDTH * candidate.get(kind, 0) / top, 1),
            "y": index * 34,
        }
        for index, kind in enumerate(kinds)
    ]
    return {"rows": rows, "height": len(rows) * 34}
