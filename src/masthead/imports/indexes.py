"""What one import run reads once instead of once per item: the source keys it made before
(``ImportedItem``), the slugs under each section, the site-wide redirects and the ids of the
articles that exist. Each is a dict or set kept in step with what the run writes, so a
second run of 10,000 items asks the database a handful of questions, not 10,000 of each.

The run's own pending rows (batched articles not yet inserted) are in these indexes from
the moment they are planned: a second item with the same slug, old path or source key in
the same batch sees the first.
"""

from typing import NamedTuple

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from masthead.newsroom.models import ArticlePage

from .models import ImportedItem


class Key(NamedTuple):
    object_id: int | None  # None: planned in the current batch, not inserted yet
    content_hash: str


class Indexes:
    def __init__(self, source: str):
        self.source = source
        self._keys: dict[tuple[str, str], Key] | None = None
        self._slugs: dict[int, set[str]] = {}
        self._redirects: dict[str, int | None] | None = None  # old path -> redirect page id
        self._articles: set[int] | None = None

    def reset(self) -> None:
        """After a rollback: read everything again from the database when next asked."""
        self._keys, self._redirects, self._articles = None, None, None
        self._slugs.clear()

    # source keys
    @property
    def keys(self) -> dict[tuple[str, str], Key]:
        if self._keys is None:
            rows = ImportedItem.objects.filter(source=self.source).values_list(
                "kind", "source_id", "object_id", "content_hash"
            )
            self._keys = {(k, s): Key(o, h) for k, s, o, h in rows.iterator(chunk_size=5000)}
        return self._keys

    def key(self, kind: str, source_id: str) -> Key | None:
        return self.keys.get((kind, source_id))

    def remember(self, kind: str, source_id: str, pk: int | None, digest: str = "") -> None:
        self.keys[(kind, source_id)] = Key(pk, digest)

    # articles that exist
    def article_exists(self, pk: int | None) -> bool:
        if pk is None:
            return False
        if self._articles is None:
            self._articles = set(ArticlePage.objects.values_list("pk", flat=True))
        return pk in self._articles

    def article_added(self, pk: int) -> None:
        if self._articles is not None:
            self._articles.add(pk)

    # slugs under a section
    def slugs(self, parent: Page) -> set[str]:
        found = self._slugs.get(parent.pk)
        if found is None:
            found = set(Page.objects.child_of(parent).values_list("slug", flat=True))
            self._slugs[parent.pk] = found
        return found

    # site-wide redirects (site=None), by normalised old path
    @property
    def redirects(self) -> dict[str, int | None]:
        if self._redirects is None:
            rows = Redirect.objects.filter(site=None).values_list("old_path", "redirect_page_id")
            self._redirects = dict(rows.iterator(chunk_size=5000))
        return self._redirects


def redirect_rows(pending: list[tuple[str, int]]) -> list[Redirect]:
    return [
        Redirect(old_path=path, site=None, is_permanent=True, redirect_page_id=page_id)
        for path, page_id in pending
    ]
