"""Reading threads: one article's comments as a reader sees them, in a fixed number of queries
whatever the thread's size (all of its comments and their authors in one query, the reader's
likes in another).

    thread = thread_for(page.pk, viewer=request.user, sort="newest")
    thread.count, thread.comments[0].reply_list, thread.liked
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q

from .models import Comment, CommentLike, Status

SORTS = {"newest": "Newest", "oldest": "Oldest", "liked": "Most liked"}
DEFAULT_SORT = "newest"


@dataclass
class Thread:
    count: int
    comments: list
    liked: set[int] = field(default_factory=set)
    sort: str = DEFAULT_SORT


def published_count(article_id: int) -> int:
    """Published comments and replies of an article (what a walled reader is told)."""
    return Comment.objects.filter(
        article_id=article_id, status=Status.PUBLISHED, deleted=False
    ).count()


def counts_for(article_ids) -> dict[int, int]:
    """Published comment counts of many articles, in one query (for article lists)."""
    from django.db.models import Count

    rows = (
        Comment.objects.filter(article_id__in=list(article_ids), status=Status.PUBLISHED)
        .filter(deleted=False)
        .values("article_id")
        .annotate(n=Count("pk"))
    )
    return {row["article_id"]: row["n"] for row in rows}


def _sort_key(sort: str):
    if sort == "oldest":
        return lambda c: (not c.featured, c.created_at, c.pk)
    if sort == "liked":
        return lambda c: (not c.featured, -c.like_count, -c.created_at.timestamp(), -c.pk)
    return lambda c: (not c.featured, -c.created_at.timestamp(), -c.pk)


_FIELDS = (
    "pk",
    "parent_id",
    "body",
    "body_html",
    "status",
    "featured",
    "like_count",
    "deleted",
    "created_at",
    "edited_at",
    "author_id",
    "author__first_name",
    "author__last_name",
    "author__is_staff",
    "author__is_superuser",
)


@dataclass
class ThreadComment:
    """A comment as a thread shows it: plain values read in one query (no model instances, so a
    500-comment thread does not build 1,000 of them), with its replies in ``reply_list``."""

    pk: int
    parent_id: int | None
    body: str
    body_html: str  # rendered when the body was written (models.threads)
    status: str
    featured: bool
    like_count: int
    deleted: bool
    created_at: datetime
    edited_at: datetime | None
    author_id: int
    author_name: str
    staff: bool
    reply_list: list = field(default_factory=list)

    @classmethod
    def from_row(cls, row) -> "ThreadComment":
        *head, first, last, is_staff, is_superuser = row
        name = f"{first} {last}".strip() or f"Reader {head[-1]}"
        return cls(*head, author_name=name, staff=bool(is_staff or is_superuser))

    @classmethod
    def of(cls, comment: Comment) -> "ThreadComment":
        author = comment.author
        return cls.from_row(
            [getattr(comment, f) for f in _FIELDS[:-4]]
            + [author.first_name, author.last_name, author.is_staff, author.is_superuser]
        )


def thread_for(article_id: int, viewer=None, sort: str = DEFAULT_SORT) -> Thread:
    """Published comments (and the viewer's own ones still in moderation), top-level comments
    sorted by ``sort`` with featured ones first, replies oldest first under each."""
    sort = sort if sort in SORTS else DEFAULT_SORT
    viewer_id = viewer.pk if viewer is not None and viewer.is_authenticated else None
    shown = Q(status=Status.PUBLISHED)
    if viewer_id:
        shown |= Q(author_id=viewer_id, status__in=[Status.PENDING, Status.HELD])
    rows = [
        ThreadComment.from_row(row)
        for row in Comment.objects.filter(shown, article_id=article_id)
        .order_by()
        .values_list(*_FIELDS)
    ]
    by_id = {c.pk: c for c in rows}
    top: list[ThreadComment] = []
    for c in rows:
        if c.parent_id is None:
            top.append(c)
        elif c.parent_id in by_id:
            by_id[c.parent_id].reply_list.append(c)
    # A deleted comment stays only as the placeholder of its replies.
    top = [c for c in top if not c.deleted or c.reply_list]
    top.sort(key=_sort_key(sort))
    for c in top:
        c.reply_list.sort(key=lambda r: (r.created_at, r.pk))
    count = sum(1 for c in rows if c.status == Status.PUBLISHED and not c.deleted)
    liked: set[int] = set()
    if viewer_id and rows:
        liked = set(
            CommentLike.objects.filter(
                user_id=viewer_id, comment__article_id=article_id
            ).values_list("comment_id", flat=True)
        )
    return Thread(count=count, comments=top, liked=liked, sort=sort)
