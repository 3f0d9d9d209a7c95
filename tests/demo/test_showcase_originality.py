"""The showcase articles are original writing, each its own story, and the loader checks its files.

Originality (issue 10, item 9): no paragraph is shared between two articles, and under 5% of an
article's 8-word phrases (lower-cased words, punctuation stripped) appear in any other article.
Run with ``-s`` to see the figures. Pure and fast: no database.
"""

import re
from collections import Counter
from dataclasses import replace
from statistics import mean

import pytest

from masthead.demo import images
from masthead.demo.catalogue import showcase
from masthead.demo.catalogue.showcase import ShowcaseError, load_showcase, parse_file
from masthead.demo.world import AUTHORS

SHINGLE = 8
MAX_SHARED = 0.05
BEATS = {name: beat for name, _role, _bio, beat in AUTHORS}
ARTICLES = load_showcase()


def plain(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html).replace("&amp;", "&").replace("&lt;", "<")


def texts(article) -> list[str]:
    """Every run of words in the article: paragraphs, crossheads and quotations."""
    out = []
    for kind, value in article.blocks:
        if kind == "paragraph":
            out.append(plain(value))
        elif kind == "crosshead":
            out.append(value)
        elif kind == "quote":
            out.append(value["text"])
    return out


def words(text: str) -> list[str]:
    return re.sub(r"[^\w\s]", " ", text.lower().replace("'", "").replace("’", "")).split()


def shingles(article) -> set[tuple[str, ...]]:
    found = set()
    for text in texts(article):
        w = words(text)
        found.update(tuple(w[i : i + SHINGLE]) for i in range(len(w) - SHINGLE + 1))
    return found


def shared_shares(articles) -> dict[str, float]:
    """For each article, the share of its 8-word shingles found in at least one other article."""
    sets = {a.slug: shingles(a) for a in articles}
    counts = Counter(s for found in sets.values() for s in found)
    return {
        slug: sum(1 for s in found if counts[s] > 1) / max(len(found), 1)
        for slug, found in sets.items()
    }


def paragraphs(article) -> list[str]:
    return [plain(v) for k, v in article.blocks if k == "paragraph"]


def word_count(article) -> int:
    return sum(len(t.split()) for t in texts(article))


def test_under_five_percent_of_any_articles_phrases_appear_in_another():
    shares = shared_shares(ARTICLES)
    worst = max(shares, key=shares.get)
    print(
        f"\n{len(shares)} articles; shared 8-word phrases: max {shares[worst]:.2%} ({worst}), "
        f"mean {mean(shares.values()):.2%}; words {min(map(word_count, ARTICLES))}"
        f"-{max(map(word_count, ARTICLES))}, total {sum(map(word_count, ARTICLES))}"
    )
    assert shares[worst] < MAX_SHARED, f"worst: {worst} shares {shares[worst]:.2%}"


def test_no_paragraph_is_shared_between_two_articles():
    owners: dict[str, str] = {}
    for article in ARTICLES:
        for text in paragraphs(article):
            key = " ".join(words(text))
            assert owners.setdefault(key, article.slug) == article.slug, (
                f"{article.slug} repeats a paragraph of {owners[key]}: {text[:60]}..."
            )


def test_the_shingle_measure_catches_a_copied_paragraph():
    first, second = ARTICLES[0], ARTICLES[1]
    copy = replace(second, blocks=[*second.blocks, *first.blocks[:3]])
    assert shared_shares([first, copy])[first.slug] > 0


def count(predicate) -> int:
    return sum(1 for article in ARTICLES if predicate(article))


def has(article, kind: str) -> bool:
    return any(k == kind for k, _ in article.blocks)


def test_the_showcase_is_the_demo_editorial_set():
    """35 articles: the sections, access levels and features the demo shows (see CONTRACT.md)."""
    assert len(ARTICLES) == 35
    assert Counter(a.section for a in ARTICLES) == {
        "world": 8,
        "business": 9,  # eight newsroom stories and the sponsored feature
        "markets": 7,
        "technology": 7,
        "opinion": 4,
    }
    assert Counter(a.access for a in ARTICLES if not a.sponsored) == {
        "metered": 28,
        "free": 3,
        "subscribers": 3,
    }
    assert count(lambda a: a.sponsored) == 1
    assert count(lambda a: a.figure) == 4
    assert count(lambda a: has(a, "crosshead")) >= 8
    assert count(lambda a: has(a, "quote")) >= 5
    assert count(lambda a: bool(a.contributor_note)) >= 8
    assert count(lambda a: a.section == "opinion" and a.kind == "column") == 4
    assert not any(a.figure and a.sponsored for a in ARTICLES)


def test_exactly_one_free_newsroom_story_carries_the_reader_callout():
    (article,) = [a for a in ARTICLES if a.callout]
    assert article.access == "free" and not article.sponsored


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.slug)
def test_each_article_is_a_full_story_by_the_right_people(article):
    assert 7 <= len(paragraphs(article)) <= 12
    assert 380 <= word_count(article) <= 650, word_count(article)
    if article.sponsored:
        assert article.access == "free" and article.section == "business" and not article.authors
        return
    assert article.authors, "only the sponsored article has no newsroom byline"
    assert article.section in BEATS[article.authors[0]], "the lead author writes on this beat"
    if article.section == "opinion":
        assert article.kind == "column" and article.authors == ("Mei-Lin Okonkwo",)
    assert not any(p.startswith("In a move that") for p in paragraphs(article))


def test_lead_illustrations_are_ones_the_demo_can_draw():
    assert set(showcase.ART) <= set(images.COMPOSITIONS)


def test_slugs_and_headlines_are_unique():
    assert len({a.slug for a in ARTICLES}) == len({a.headline for a in ARTICLES}) == len(ARTICLES)


# --- the loader ---------------------------------------------------------------------------------

GOOD = """\
slug: sample-story
section: markets
kind: news
access: metered
headline: A sample story
standfirst: One sentence.
dateline: SINGAPORE
topics: currencies, trade
authors: Ingrid Salcedo, Amara Quell
art: chart
caption: A caption.
contributor_note: Reporting by the markets desk.
figure: yes
---
Rates *rose* & **fell** <sharply>.

## A crosshead

> Words of
> a speaker.
> — Anika Albrecht, trader

Last paragraph.
"""


def write(tmp_path, text, name="01-sample-story.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_becomes_blocks(tmp_path):
    article = parse_file(write(tmp_path, GOOD))
    assert (article.number, article.slug, article.figure, article.callout) == (
        1,
        "sample-story",
        True,
        False,
    )
    assert article.topics == ("currencies", "trade")
    assert article.authors == ("Ingrid Salcedo", "Amara Quell")
    assert article.blocks == [
        ("paragraph", "<p>Rates <em>rose</em> &amp; <strong>fell</strong> &lt;sharply&gt;.</p>"),
        ("crosshead", "A crosshead"),
        ("quote", {"text": "Words of a speaker.", "attribution": "Anika Albrecht, trader"}),
        ("paragraph", "<p>Last paragraph.</p>"),
    ]


@pytest.mark.parametrize(
    ("old", "new", "line", "says"),
    [
        ("section: markets", "section: sport", 2, "unknown section 'sport'"),
        ("access: metered", "access: premium", 4, "unknown access 'premium'"),
        ("topics: currencies, trade", "topics: currencies, crypto", 8, "unknown topics 'crypto'"),
        ("authors: Ingrid Salcedo,", "authors: Jane Doe,", 9, "unknown authors 'Jane Doe'"),
        ("art: chart", "art: photo", 10, "unknown art 'photo'"),
        ("kind: news", "kind: listicle", 3, "unknown kind 'listicle'"),
        ("figure: yes", "figure: maybe", 13, "unknown figure 'maybe'"),
        ("dateline: SINGAPORE", "byline: SINGAPORE", 7, "expected 'key: value'"),
        ("slug: sample-story", "slug: other", 1, "differs from the file name"),
        ("caption: A caption.\n", "", 1, "missing header caption"),
        # No hand-written alt text: it is read from the drawn picture (images.describe).
        ("figure: yes\n", "alt: Blue waves.\n", 13, "expected 'key: value'"),
        ("> — Anika Albrecht, trader\n", "", 19, "needs its words and a last line"),
        ("Rates *rose*", "Rates *rose", 15, "unmatched '*'"),
    ],
)
def test_a_bad_file_is_refused_naming_the_file_and_line(tmp_path, old, new, line, says):
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(ShowcaseError) as error:
        parse_file(path)
    assert str(error.value).startswith(f"{path}:{line}: ")
    assert says in str(error.value)


def test_a_missing_number_is_refused(tmp_path):
    write(tmp_path, GOOD)
    write(tmp_path, GOOD.replace("sample-story", "later-story"), "03-later-story.txt")
    with pytest.raises(ShowcaseError, match="article number 02 is missing"):
        load_showcase(tmp_path)
