"""Every story kind by name, and the kinds each section draws from in turn."""

from . import kinds_business, kinds_markets, kinds_technology, kinds_world

KINDS = {
    **kinds_business.KINDS,
    **kinds_markets.KINDS,
    **kinds_technology.KINDS,
    **kinds_world.KINDS,
}

SECTION_KINDS = {
    "world": [
        "election",
        "trade_talks",
        "budget",
        "strike",
        "floods",
        "election",
        "trade_talks",
        "budget",
    ],
    "business": [
        "earnings",
        "acquisition",
        "expansion",
        "restructuring",
        "leadership",
        "earnings",
        "expansion",
        "acquisition",
    ],
    "markets": ["stocks", "currency", "commodity", "listing", "rates", "stocks", "commodity"],
    "technology": [
        "chipplant",
        "ai_rules",
        "funding",
        "outage",
        "chipplant",
        "funding",
        "ai_rules",
    ],
}
