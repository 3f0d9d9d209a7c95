"""A generated article: what the builder turns into an ``ArticlePage``."""

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
    caption: str  # the lead image's alt text is read from its pixels (images.describe)
    people: dict = field(default_factory=dict)
