"""What distribution shows on lower layers' pages (``masthead/parts.py``): the article's
structured data (JSON-LD), which only this app knows how to build."""

from wagtail import hooks


@hooks.register("masthead_part:article-meta")
def article_structured_data():
    return "distribution/parts/article_meta.html"
