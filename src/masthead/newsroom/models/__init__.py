"""Newsroom models: the publication's pages (home, section, article) and its snippets."""

from .pages import ArticleAuthor, ArticlePage, HomePage, SectionPage
from .settings import PublicationSettings
from .snippets import Author, Topic

__all__ = [
    "ArticleAuthor",
    "ArticlePage",
    "Author",
    "HomePage",
    "PublicationSettings",
    "SectionPage",
    "Topic",
]
