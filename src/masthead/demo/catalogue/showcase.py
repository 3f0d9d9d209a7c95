"""The demo's showcase articles: 35 original stories of the Meridian Ledger, one text file each.

The files live in ``articles/`` as ``NN-<slug>.txt``, ``NN`` being the publication order (01 is the
newest). Each opens with ``key: value`` header lines, then a line ``---``, then the body (see
``markup`` for the body's blocks)::

    slug: port-authority-widens-channel
    section: business
    kind: news
    access: metered
    headline: Port authority widens the channel
    standfirst: One sentence, the deck.
    dateline: SINGAPORE
    topics: shipping, trade
    authors: Amara Quell, Kenji Marlowe
    art: waves
    caption: ...
    ---
    First paragraph.

The lead image's alt text is not written here: it is read from the drawn picture
(``images.describe``), so its colour words are the picture's own. Optional keys:
``contributor_note``, ``figure: yes`` (an inline chart after paragraph 5) and
``callout: yes`` (the demo's reader callout goes under this article). Sections, topics and authors
are checked against ``world``; a bad file stops the load with an error naming the file and line.
The text is ours: written for the demo, not generated, so no two stories share their prose.
"""

from dataclasses import dataclass, field
from pathlib import Path

from ..world import AUTHORS, SECTIONS, TOPICS
from .markup import Block, MarkupError, parse_blocks

ARTICLES_DIR = Path(__file__).with_name("articles")
KINDS = ("news", "analysis", "feature", "interview", "column", "sponsored")
ACCESS = ("metered", "free", "subscribers")
ART = ("chart", "skyline", "map", "waves", "circuit")  # lead illustration compositions
CHOICES = {
    "section": tuple(s[0] for s in SECTIONS),
    "kind": KINDS,
    "access": ACCESS,
    "art": ART,
    "figure": ("yes", "no"),
    "callout": ("yes", "no"),
}
REQUIRED = ("slug", "section", "kind", "access", "headline", "standfirst", "dateline", "topics")
REQUIRED += ("art", "caption")  # the alt text is read from the drawn picture (images.describe)
OPTIONAL = ("authors", "contributor_note", "figure", "callout")  # no byline only when sponsored
TOPIC_SLUGS = tuple(t[0] for t in TOPICS)
AUTHOR_NAMES = tuple(a[0] for a in AUTHORS)


class ShowcaseError(ValueError):
    """A showcase file that cannot be loaded: the message starts with ``file:line:``."""


@dataclass(frozen=True)
class ShowcaseArticle:
    """One showcase article, ready for the demo builder to turn into an ``ArticlePage``."""

    number: int  # publication order, 1 = newest
    slug: str
    section: str
    kind: str
    access: str
    headline: str
    standfirst: str
    dateline: str
    topics: tuple[str, ...]  # topic slugs, the first is the primary topic
    authors: tuple[str, ...]  # author names from world.AUTHORS, in byline order
    art: str
    caption: str
    blocks: list[Block] = field(default_factory=list)
    contributor_note: str = ""
    figure: bool = False
    callout: bool = False

    @property
    def sponsored(self) -> bool:
        return self.kind == "sponsored"


def load_showcase(directory: Path = ARTICLES_DIR) -> list[ShowcaseArticle]:
    """Every ``NN-<slug>.txt`` of ``directory``, newest (01) first; numbered 1..N without gaps."""
    articles = [parse_file(path) for path in sorted(directory.glob("*.txt"))]
    for expected, article in enumerate(articles, start=1):
        if article.number != expected:
            raise ShowcaseError(f"{directory}: article number {expected:02d} is missing")
    return articles


def parse_file(path: Path) -> ShowcaseArticle:
    """The article in ``path``; a ``ShowcaseError`` naming the file and line if it is malformed."""
    number, _, slug = path.stem.partition("-")
    if not (number.isdigit() and slug):
        raise ShowcaseError(f"{path}:1: the file name must be NN-<slug>.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    if "---" not in lines:
        raise ShowcaseError(f"{path}:1: no '---' line between the header and the body")
    end = lines.index("---")
    header = _header(path, lines[:end])
    if header["slug"] != slug:
        raise ShowcaseError(f"{path}:1: slug {header['slug']!r} differs from the file name")
    try:
        blocks = parse_blocks(lines[end + 1 :], end + 2)
    except MarkupError as error:
        raise ShowcaseError(f"{path}:{error.line}: {error}") from None
    if not any(kind == "paragraph" for kind, _ in blocks):
        raise ShowcaseError(f"{path}:{end + 1}: the body has no paragraph")
    return ShowcaseArticle(
        number=int(number),
        slug=slug,
        section=header["section"],
        kind=header["kind"],
        access=header["access"],
        headline=header["headline"],
        standfirst=header["standfirst"],
        dateline=header["dateline"],
        topics=_names(header["topics"]),
        authors=_names(header.get("authors", "")),
        art=header["art"],
        caption=header["caption"],
        blocks=blocks,
        contributor_note=header.get("contributor_note", ""),
        figure=header.get("figure") == "yes",
        callout=header.get("callout") == "yes",
    )


def _header(path: Path, lines: list[str]) -> dict[str, str]:
    header: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        key, colon, value = (part.strip() for part in line.partition(":"))
        where = f"{path}:{number}"
        if not colon or key not in REQUIRED + OPTIONAL:
            keys = ", ".join(REQUIRED + OPTIONAL)
            raise ShowcaseError(f"{where}: expected 'key: value' with a key of: {keys}")
        if key in header:
            raise ShowcaseError(f"{where}: {key!r} given twice")
        if not value:
            raise ShowcaseError(f"{where}: {key!r} is empty")
        _check(where, key, value)
        header[key] = value
    wanted = REQUIRED if header.get("kind") == "sponsored" else (*REQUIRED, "authors")
    missing = [key for key in wanted if key not in header]
    if missing:
        raise ShowcaseError(f"{path}:1: missing header {', '.join(missing)}")
    return header


def _check(where: str, key: str, value: str) -> None:
    """Raise if ``value`` is not one ``key`` may take (sections, topics, authors from ``world``)."""
    allowed = {"topics": TOPIC_SLUGS, "authors": AUTHOR_NAMES}.get(key) or CHOICES.get(key)
    if allowed is None:
        return
    values = _names(value) if key in ("topics", "authors") else (value,)
    for item in values:
        if item not in allowed:
            raise ShowcaseError(f"{where}: unknown {key} {item!r} (one of: {', '.join(allowed)})")
    if len(set(values)) != len(values):
        raise ShowcaseError(f"{where}: {key} repeats a value")


def _names(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())
