"""Comment counts on article cards (home, section, topic, author and search lists, the API's
list). The comments app sits above the newsroom, so it answers through a Wagtail hook, not an
import: ``article_comment_counts`` takes a list's article ids and returns ``{id: count}`` in one
query, so a list costs one query for its counts however long it is.
"""

from wagtail import hooks

COUNTS_HOOK = "article_comment_counts"


def attach_comment_counts(articles):
    """Set ``comment_count`` on each article (0 without comments) from one call of each
    ``article_comment_counts`` hook (article ids in, ``{id: count}`` out): one query for a
    list, however long. A count is public, like the headline: a walled reader sees it too."""
    articles = list(articles)
    counts: dict[int, int] = {}
    if articles:
        for provider in hooks.get_hooks(COUNTS_HOOK):
            counts.update(provider([a.pk for a in articles]))
    for article in articles:
        article.comment_count = counts.get(article.pk, 0)
    return articles
