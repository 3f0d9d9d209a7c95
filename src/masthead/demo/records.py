"""The shape of one demo article as data, whatever its source: the showcase's text files
(``catalogue.showcase``) or the generator (``generated``, for ``--scale``). The steps read only
this.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


class ArticleLike(Protocol):
    """What the articles step reads of a record (any object with these attributes will do)."""

    @property
    def slug(self) -> str: ...
    @property
    def section(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def access(self) -> str: ...  # "metered", "free" or "subscribers"
    @property
    def sponsored(self) -> bool: ...
    @property
    def headline(self) -> str: ...
    @property
    def standfirst(self) -> str: ...
    @property
    def dateline(self) -> str: ...
    @property
    def topics(self) -> Sequence[str]: ...  # topic slugs, the first is the primary topic
    @property
    def authors(self) -> Sequence[str]: ...  # names from ``world.AUTHORS``
    @property
    def contributor_note(self) -> str: ...
    @property
    def art(self) -> str: ...  # the lead illustration's composition (``images.COMPOSITIONS``)
    @property
    def caption(self) -> str: ...
    @property
    def figure(self) -> bool: ...  # add an inline chart image
    @property
    def callout(self) -> bool: ...  # place the demo's reader callout at the end
    @property
    def blocks(self) -> Sequence: ...  # ("paragraph", html) / ("crosshead", text) / ("quote", {})


@dataclass(frozen=True)
class ArticleRecord:
    slug: str
    section: str
    kind: str
    access: str
    sponsored: bool
    headline: str
    standfirst: str
    dateline: str
    topics: list[str]
    authors: list[str]
    contributor_note: str
    art: str
    caption: str
    figure: bool
    callout: bool
    blocks: list
