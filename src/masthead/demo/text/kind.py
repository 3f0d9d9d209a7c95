"""The shape of a story kind: the headline, deck, lede and quote templates it supplies."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    section: str
    domain: str  # "biz" or "pol"
    headlines: tuple[str, ...]
    standfirsts: tuple[str, ...]
    ledes: tuple[str, ...]
    nuts: tuple[str, ...]
    quotes: tuple[str, ...]
    crossheads: tuple[str, ...]
    topics: tuple[str, ...]
    art: str
    caption: str
