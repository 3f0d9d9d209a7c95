"""A generated article: what the builder turns into an ``ArticlePage``."""

import re
from dataclasses import dataclass, field


@dataclass
class Story:
    """One generated article, ready for the builder to turn into an ``ArticlePage``."""

    kind: str
    section: str
    headline: str
    standfirst: str
    dateline: str
    slug: str
    topics: list[str]  # topic slugs, the first is the primary topic
    blocks: list[tuple[str, object]]  # ("paragraph", html) / ("crosshead", text) / ("quote", {})
    art: str  # the illustration's composition: chart, skyline, map, waves, circuit
    caption: str
    alt: str
    people: dict = field(default_factory=dict)

    @property
    def word_count(self) -> int:
        words = 0
        for kind, value in self.blocks:
            if kind == "paragraph":
                words += len(re.sub(r"<[^>]+>", " ", value).split())
            elif kind == "crosshead":
                words += len(str(value).split())
            elif kind == "quote":
                words += len(value["text"].split())
        return words
