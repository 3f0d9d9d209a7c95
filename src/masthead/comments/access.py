"""What one request may do with one article's thread: see it, read it, post to it.

Both the thread page (``views``) and the API (``masthead.distribution.api.comments``) start
from ``thread_access``, so the rules cannot differ between them::

    access = thread_access(request, user, article_id)   # None: no such live article
    access.may_read          # the reader may read the whole article, so its comments
    access.refusal           # None, or the CommentRefused a post would get
"""

from dataclasses import dataclass

from masthead.access.readers import ReaderContext, reader_for_user
from masthead.newsroom.models import ArticlePage
from masthead.newsroom.snapshots import snapshot_for

from .rules import CommentRefused, check_may_comment
from .threads import ThreadState, thread_state
from .visibility import may_read_comments


@dataclass
class ThreadAccess:
    page: ArticlePage
    snapshot: object
    reader: ReaderContext
    user: object
    state: ThreadState
    may_read: bool
    refusal: CommentRefused | None

    @property
    def may_post(self) -> bool:
        return self.refusal is None


def live_article(article_id: int) -> ArticlePage | None:
    return ArticlePage.objects.live().public().filter(pk=article_id).first()


def thread_access(request, user, article_id: int) -> ThreadAccess | None:
    page = live_article(article_id)
    if page is None:
        return None
    snap = snapshot_for(page)
    reader = reader_for_user(user, getattr(request, "device", None))
    state = thread_state(page)
    may_read = state.shown and may_read_comments(reader, snap)
    # A signed-in reader with a free article left may post before opening the page.
    may_open = may_read or (
        state.shown
        and user is not None
        and user.is_authenticated
        and may_read_comments(reader, snap, room=True)
    )
    try:
        check_may_comment(user, reader.status, may_read=may_open, state=state)
        refusal = None
    except CommentRefused as exc:
        refusal = exc
    return ThreadAccess(page, snap, reader, user, state, may_read, refusal)
