"""Charts drawn on the server as accessible SVG: no script, nothing from another site.

Each chart is an ``<svg role="img">`` labelled by its ``<title>`` and ``<desc>`` (the desc
states the numbers in words); the page shows the same numbers as a table beside it. Bars use
``currentColor`` so they follow the admin's theme (light, dark, high contrast).

    bar_chart("views", "Views per day", [("Nov 1", 120), ("Nov 2", 80)])
    funnel_chart("funnel", "Funnel", [("Readers", 900), ("Registrations", 12)])
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT, PAD = 720, 220, 32


def _frame(key: str, title: str, desc: str, width: int, height: int, body: str) -> SafeString:
    return mark_safe(  # noqa: S308 - every piece of text is escaped above
        f'<svg class="revenue-chart" role="img" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{key}-title {key}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{key}-title">{escape(title)}</title>'
        f'<desc id="{key}-desc">{escape(desc)}</desc>{body}</svg>'
    )


def _number(value) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def bar_chart(key: str, title: str, points: list[tuple[str, int]]) -> SafeString:
    """Vertical bars, one per point (a day); the highest value and the axis are labelled."""
    top = max((v for _, v in points), default=0) or 1
    inner_w, inner_h = WIDTH - 2 * PAD, HEIGHT - 2 * PAD
    step = inner_w / max(len(points), 1)
    bars = []
    for i, (label, value) in enumerate(points):
        h = inner_h * value / top
        x = PAD + i * step + step * 0.1
        bars.append(
            f'<rect x="{x:.1f}" y="{PAD + inner_h - h:.1f}" width="{step * 0.8:.1f}" '
            f'height="{h:.1f}" fill="currentColor"><title>{escape(label)}: '
            f"{_number(value)}</title></rect>"
        )
    axis = (
        f'<line x1="{PAD}" y1="{PAD + inner_h}" x2="{WIDTH - PAD}" y2="{PAD + inner_h}" '
        'stroke="currentColor" stroke-width="1"/>'
        f'<text x="{PAD}" y="{PAD - 8}" font-size="12" fill="currentColor">'
        f"max {_number(top)}</text>"
    )
    if points:
        axis += (
            f'<text x="{PAD}" y="{HEIGHT - 8}" font-size="12" fill="currentColor">'
            f"{escape(points[0][0])}</text>"
            f'<text x="{WIDTH - PAD}" y="{HEIGHT - 8}" font-size="12" text-anchor="end" '
            f'fill="currentColor">{escape(points[-1][0])}</text>'
        )
    total = sum(v for _, v in points)
    desc = f"{len(points)} days, {_number(total)} in all, at most {_number(top)} in a day."
    return _frame(key, title, desc, WIDTH, HEIGHT, axis + "".join(bars))


def funnel_chart(key: str, title: str, steps: list[tuple[str, int]]) -> SafeString:
    """Horizontal bars, widest first, each labelled with its step and number."""
    top = max((v for _, v in steps), default=0) or 1
    row, label_w = 34, 190
    height = row * len(steps) + 10
    bars = []
    for i, (label, value) in enumerate(steps):
        y = 5 + i * row
        w = max((WIDTH - label_w - 90) * value / top, 1 if value else 0)
        bars.append(
            f'<text x="0" y="{y + 20}" font-size="13" fill="currentColor">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{w:.1f}" height="22" fill="currentColor"/>'
            f'<text x="{label_w + w + 8:.1f}" y="{y + 20}" font-size="13" '
            f'fill="currentColor">{_number(value)}</text>'
        )
    desc = "; ".join(f"{label}: {_number(value)}" for label, value in steps)
    return _frame(key, title, desc, WIDTH, height, "".join(bars))
