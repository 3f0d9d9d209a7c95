"""Newsroom models: the publication's pages (home, section, article) and its snippets.

Import order matters only in one direction: ``articles`` and ``sections`` need nothing from
``home``, and ``home`` asks ``newsroom.selectors`` (which reads articles and sections).
"""

from .articles import ArticleAuthor, ArticlePage
from .home import HomePage
from .sections import SectionPage
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
