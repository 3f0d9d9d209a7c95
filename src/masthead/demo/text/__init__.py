"""An original, deterministic generator of plausible business and world news.

The demo needs dozens (and, for benchmarks, thousands) of articles that read like a serious
newspaper: a headline, a one-line deck, a dateline, a body of eight to fourteen paragraphs with
crossheads, quotes and figures. Every sentence here was written for Masthead; the people, firms
and countries are invented (see ``world``). Nothing is copied from a real publication.

How it works: each story has a *kind* (an earnings report, a rate decision, an election...). A
kind supplies the headline, deck, opening paragraphs, quotes and crossheads; the rest of the body
is assembled from pools of sentences by role (context, analysis, figures, background, risks,
reaction, outlook) for the story's domain (business or politics). Slots such as ``{co}`` or
``{pct}`` are filled from a context of invented names and numbers. Opinion columns follow a fixed
order of argumentative moves instead.

Everything is driven by ``random.Random`` seeded with the article's index, so the same index
always yields the same story: the demo is reproducible, and re-running it finds the same slugs.
"""

from .columns import SPONSOR
from .kinds import KINDS, SECTION_KINDS
from .story import Story
from .writer import Writer, short_slug

__all__ = ["KINDS", "SECTION_KINDS", "SPONSOR", "Story", "Writer", "short_slug"]
