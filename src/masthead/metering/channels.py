"""Where a reader meets an article, and which of those places count against the meter.

A view counts only where the reader chose to open the article and the page can show the wall:
the web page, its print view, and the apps' API. Feeds, search results and listings, link
previews and structured data (Open Graph, JSON-LD) and e-mail never count: they carry the full
text only of an article that is open to the reader anyway (``Decision.full_text``), and the
always-public preview otherwise::

    >>> Channel.WEB.counts, Channel.PRINT.counts, Channel.EMAIL.counts
    (True, True, False)
    >>> sorted(str(c) for c in Channel if not c.counts)
    ['email', 'metadata', 'rss', 'search']

A channel's value is what reader events record (at most 10 characters).
"""

from __future__ import annotations

from enum import StrEnum


class Channel(StrEnum):
    """The channels of the gate; every one of them asks it before showing any body text."""

    WEB = "web"  # the article page
    PRINT = "print"  # the article's print view
    API = "api"  # GET /api/v1/articles/<id>/
    FEED = "rss"  # RSS feeds
    SEARCH = "search"  # search results and listings
    METADATA = "metadata"  # Open Graph and JSON-LD
    EMAIL = "email"  # newsletters and other e-mail

    @property
    def counts(self) -> bool:
        """Whether a view on this channel is counted (and may redeem a gift link)."""
        return self in _COUNTING


_COUNTING = frozenset({Channel.WEB, Channel.PRINT, Channel.API})
