"""Many live Wagtail pages at once (the demo's ``--scale`` builder and the content import): the
rows that ``add_child`` + ``save_revision`` + publishing leave behind for each page, written
as a few multi-row inserts per batch instead of a dozen statements and signal handlers per
page.

For each batch of unsaved pages of one model (each with its parent, its publication time and
its in-memory child relations and ``ParentalManyToManyField`` values, as ``modelcluster``
keeps them before a save), ``insert_live`` writes:

- the page rows (``wagtailcore_page`` and the model's own table), with ids taken after the
  largest one there is, the tree columns ``path``/``depth``/``numchild`` that treebeard's
  ``add_child`` would give them (after the parent's last child), ``url_path``, ``draft_title``
  and the parent's locale; then each parent's ``numchild`` grows by its new children;
- one revision per page, the content being ``serializable_data()`` as ``save_revision`` takes
  it, as both its latest and live revision, created at the publication time;
- the child-relation rows (``ParentalKey`` children) and the many-to-many rows;
- the page history: a ``wagtail.create`` and a ``wagtail.publish`` log entry (with the
  revision), at the publication time, as creating then publishing the page would log;
- Wagtail's reference index rows (what ``update_reference_index_on_save`` writes) and the
  search index entries (what the search backends' ``add_bulk`` writes, as ``update_index``).

Foreign keys are deferred to the commit on SQLite and PostgreSQL alike (Django declares them
``DEFERRABLE INITIALLY DEFERRED``), so the rows go in whatever order is convenient inside the
caller's transaction. On PostgreSQL the page id sequence is moved past the ids used.
No signal is sent (``page_published`` included): callers clear what caches they keep.
"""

from collections import defaultdict
from contextlib import contextmanager
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection
from django.db.models import F, Max
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from modelsearch.backends import get_search_backends
from modelsearch.index import SearchField
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision


def insert_live(model, items: list[tuple[Page, Page, datetime]], user=None) -> list[Page]:
    """Write ``items`` — ``(parent, page, published_at)``, every page an unsaved ``model`` —
    as live pages; returns the pages, saved. Call inside ``transaction.atomic()``."""
    if not items:
        return []
    pages = [page for _, page, _ in items]
    for rel in get_all_child_relations(pages[0]):
        for page in pages:  # held in memory, so no lookup once the page has an id
            name = rel.get_accessor_name()
            setattr(page, name, list(getattr(page, name).all()))
    _place(model, items)
    _write_children(pages)
    page_ct = ContentType.objects.get_for_model(Page)
    model_ct = ContentType.objects.get_for_model(model)
    revisions = []
    for _parent, page, when in items:
        page.content_type = model_ct
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.last_published_at = when
        revisions.append(
            Revision(
                content_type=model_ct,
                base_content_type=page_ct,
                object_id=str(page.pk),
                user=user,
                created_at=when,
                content=page.serializable_data(),
                object_str=str(page),
            )
        )
    Revision.objects.bulk_create(revisions)
    for (_parent, page, when), revision in zip(items, revisions, strict=True):
        page.latest_revision_id = page.live_revision_id = revision.pk
        page.latest_revision_created_at = when
    for table_model in (Page, model):  # multi-table inheritance: one insert per table
        _insert_rows(table_model, pages)
    with connection.cursor() as cursor:  # PostgreSQL: the id sequence past the ids used
        for sql in connection.ops.sequence_reset_sql(no_style(), [Page]):
            cursor.execute(sql)
    for page in pages:
        page._state.adding, page._state.db = False, connection.alias
    PageLogEntry.objects.bulk_create(
        PageLogEntry(
            content_type=model_ct,
            page_id=page.pk,
            label=page.get_admin_display_title(),
            action=action,
            timestamp=when,
            content_changed=True,
            user=user,
            revision_id=revision_id,
            data={},
        )
        for _parent, page, when in items
        for action, revision_id in (
            ("wagtail.create", None),
            ("wagtail.publish", page.live_revision_id),
        )
    )
    _index(model, pages, model_ct, page_ct)
    return pages


def _place(model, items) -> None:
    """Ids, tree positions and paths, as ``parent.add_child(instance=page)`` would set them."""
    first_id = (Page.objects.aggregate(top=Max("id"))["top"] or 0) + 1
    by_parent: dict[int, list[Page]] = defaultdict(list)
    parents = {}
    for k, (parent, page, _when) in enumerate(items):
        page.id = page.page_ptr_id = first_id + k
        by_parent[parent.pk].append(page)
        parents[parent.pk] = parent
    for parent_pk, children in by_parent.items():
        parent = parents[parent_pk]
        last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).aggregate(
            last=Max("path")
        )["last"]
        start = Page._str2int(last[-Page.steplen :]) if last else 0
        for k, page in enumerate(children, start=start + 1):
            page.depth = parent.depth + 1
            page.path = Page._get_path(parent.path, page.depth, k)
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.draft_title = page.title
            page.locale_id = parent.locale_id
        Page.objects.filter(pk=parent_pk).update(numchild=F("numchild") + len(children))
        parent.numchild += len(children)


def _write_children(pages: list[Page]) -> None:
    """The ``ParentalKey`` children and ``ParentalManyToManyField`` rows held in memory."""
    relations = get_all_child_relations(pages[0])
    for rel in relations:
        children = []
        for page in pages:
            for child in getattr(page, rel.get_accessor_name()).all():
                setattr(child, rel.field.attname, page.pk)
                children.append(child)
        if children:
            rel.related_model.objects.bulk_create(children)
    for field in get_all_child_m2m_relations(pages[0]):
        through = field.remote_field.through
        source = field.m2m_field_name()
        target = field.m2m_reverse_field_name()
        rows = [
            through(**{f"{source}_id": page.pk, f"{target}_id": obj.pk})
            for page in pages
            for obj in getattr(page, field.name).all()
        ]
        through.objects.bulk_create(rows)


def _insert_rows(table_model, pages: list[Page]) -> None:
    """One table's columns of ``pages``: a multi-row INSERT per batch that the database takes."""
    fields = list(table_model._meta.local_concrete_fields)
    size = connection.ops.bulk_batch_size(fields, pages) or len(pages)
    manager = table_model._base_manager
    for start in range(0, len(pages), size):
        manager._insert(pages[start : start + size], fields=fields, using=connection.alias)


def _index(model, pages: list[Page], model_ct, page_ct) -> None:
    """Reference index and search index rows, as the ``post_save`` handlers write them."""
    if ReferenceIndex.is_indexed(model):
        ReferenceIndex.objects.bulk_create(
            [
                ReferenceIndex(
                    content_type=model_ct,
                    base_content_type=page_ct,
                    object_id=page.pk,
                    to_content_type_id=to_ct,
                    to_object_id=to_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
                for page in pages
                for to_ct, to_id, model_path, content_path in set(
                    ReferenceIndex._extract_references_from_object(page)
                )
            ]
        )
    with _computed_once(model, pages):
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, pages)


@contextmanager
def _computed_once(model, pages: list[Page]):
    """The model's search fields that are methods (an article's ``search_preview_text``), called
    once per page while the backends index: PostgreSQL's indexer reads every field once per
    vector it builds (title, body, autocomplete and two plain texts), so five times."""
    names = {
        field.field_name
        for field in model.get_search_fields()
        if isinstance(field, SearchField) and callable(getattr(model, field.field_name, None))
    }
    for page in pages:
        for name in names:
            value = getattr(page, name)()
            setattr(page, name, lambda value=value: value)  # shadows the method on this page
    try:
        yield
    finally:
        for page in pages:
            for name in names:
                delattr(page, name)


@contextmanager
def title_norms_once():
    """PostgreSQL's search index refreshes its title norms after every batch it adds: an average
    over the whole index and an update of the new entries, each a scan of every entry, so a
    build of N pages in batches cost O(N²). Inside this block the refresh waits, and runs once
    at the end (the new entries keep the norm of 1.0 the backend gives them until then)."""
    try:
        from modelsearch.backends.database.postgres.postgres import PostgresIndex
    except ImportError:  # psycopg missing: no PostgreSQL backend to defer
        yield
        return
    refresh = PostgresIndex._refresh_title_norms
    PostgresIndex._refresh_title_norms = lambda self, full=False: None  # type: ignore[method-assign]
    try:
        yield
    finally:
        PostgresIndex._refresh_title_norms = refresh  # type: ignore[method-assign]
    for backend in get_search_backends(with_auto_update=True):
        index = backend.get_index_for_model(Page)
        if isinstance(index, PostgresIndex):
            refresh(index)
