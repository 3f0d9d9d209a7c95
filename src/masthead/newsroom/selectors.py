"""Reads of the newsroom: article lists for the front page, sections, topics and authors.

Every list prefetches what its cards show (section, authors, lead image), so a list costs a
fixed number of queries however long it is, comment counts included (``cardcounts``).
"""

from .cardcounts import attach_comment_counts
from .models.articles import ArticlePage
from .models.sections import SectionPage

RAIL_SIZE = 4


def live_articles():
    """Live, public articles, newest first, ready for cards (``ArticleQuerySet.for_cards``)."""
    return ArticlePage.objects.for_cards()


def attach_sections(articles):
    """Set ``section`` on each article from one query over their parents."""
    articles = list(articles)
    if not articles:
        return articles
    parent_paths = {a.path[: -ArticlePage.steplen] for a in articles}
    sections = {s.path: s for s in SectionPage.objects.filter(path__in=parent_paths)}
    for article in articles:
        article.__dict__["section"] = sections.get(article.path[: -ArticlePage.steplen])
    return articles


def sections_for_navigation(home=None):
    qs = SectionPage.objects.live().public().filter(show_in_navigation=True)
    if home is not None:
        qs = qs.child_of(home)
    return list(qs.order_by("navigation_order", "title"))


def front_page(home) -> dict:
    sections = sections_for_navigation(home)
    latest = attach_sections(live_articles()[:7])
    lead, top = (latest[0], latest[1:]) if latest else (None, [])
    shown = {a.pk for a in latest}
    rails = []
    for section in sections:
        items = attach_sections(live_articles().child_of(section).exclude(pk__in=shown)[:RAIL_SIZE])
        if items:
            rails.append({"section": section, "articles": items})
    attach_comment_counts(latest + [a for rail in rails for a in rail["articles"]])
    return {"lead": lead, "top_stories": top, "rails": rails}


def articles_in_section(section):
    return live_articles().child_of(section)


def articles_for_topic(topic):
    return live_articles().filter(topics=topic).distinct()


def articles_by_author(author):
    return live_articles().filter(article_authors__author=author).distinct()
