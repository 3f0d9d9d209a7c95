"""Who may comment, and what a comment may say. ``check_*`` functions raise ``CommentRefused``
with an HTTP status, a code and a message that the web page and the API show alike.

Who: a signed-in reader who may read the whole article (``visibility``), in an open thread,
not banned or suspended, a subscriber when the editors chose "subscribers only" (staff always
may). What: non-empty, at most 10,000 characters, no banned word (refused); a suspect word or
a link holds the comment for a moderator; a reader's first N comments wait for one
(pre-moderation); staff comments are published at once.
"""

import re

from django.utils import timezone

from masthead.metering import ReaderStatus

from .editorial import comment_settings, words
from .models import Comment, Commenter, Status, WhoMayComment
from .models.threads import MAX_LENGTH

LINK = re.compile(r"(https?://|www\.)\S+|\b[\w-]+\.(com|net|org|io|ly|co)\b", re.I)


class CommentRefused(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def is_staff(user) -> bool:
    return bool(user.is_staff or user.is_superuser)


def check_standing(user, now=None) -> None:
    now = now or timezone.now()
    commenter = Commenter.objects.filter(user=user).first()
    if commenter is None:
        return
    if commenter.banned_at:
        raise CommentRefused(403, "banned", "Your account may no longer comment.")
    if commenter.suspended_until and commenter.suspended_until > now:
        until = timezone.localtime(commenter.suspended_until)
        raise CommentRefused(
            403, "suspended", f"Your account may not comment until {until:%B %d, %Y %H:%M}."
        )


def check_may_comment(user, reader_status: ReaderStatus, *, may_read: bool, state) -> None:
    """Raise ``CommentRefused`` unless ``user`` may add a comment to this thread now."""
    if user is None or not user.is_authenticated:
        raise CommentRefused(401, "not_authenticated", "Sign in to comment.")
    if not state.shown:
        raise CommentRefused(403, "comments_off", "Comments are off for this article.")
    if not may_read:
        raise CommentRefused(
            403, "gated", "Only readers who can read the whole article may comment on it."
        )
    if not state.open:
        raise CommentRefused(403, "comments_closed", "Comments on this article are closed.")
    if is_staff(user):
        return
    settings = comment_settings()
    if settings.who_may_comment == WhoMayComment.SUBSCRIBERS and not reader_status.entitled:
        raise CommentRefused(403, "subscribers_only", "Only subscribers may comment.")
    check_standing(user)


def check_body(raw) -> str:
    """The comment's text, stripped; refused when empty, too long or holding a banned word."""
    body = raw.strip() if isinstance(raw, str) else ""
    if not body:
        raise CommentRefused(400, "empty", "Write something before you post.")
    if len(body) > MAX_LENGTH:
        raise CommentRefused(
            400,
            "too_long",
            f"A comment may be at most {MAX_LENGTH:,} characters; this one has {len(body):,}.",
        )
    if "\x00" in body:
        raise CommentRefused(400, "invalid_body", "Text may not contain NUL characters.")
    lowered = body.lower()
    if any(_contains(lowered, word) for word in words(comment_settings().banned_words)):
        raise CommentRefused(
            400, "banned_words", "Your comment contains words we do not publish. Please edit it."
        )
    return body


def _contains(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def initial_status(user, body: str) -> tuple[str, str]:
    """The status a new comment starts in, and why when it is not published."""
    if is_staff(user):
        return Status.PUBLISHED, ""
    settings = comment_settings()
    lowered = body.lower()
    suspect = [w for w in words(settings.suspect_words) if _contains(lowered, w)]
    if suspect:
        return Status.HELD, "Suspect words: " + ", ".join(suspect)[:280]
    if settings.hold_links and LINK.search(body):
        return Status.HELD, "Contains a link"
    if settings.premoderate_first:
        published = Comment.objects.filter(author=user, status=Status.PUBLISHED).count()
        if published < settings.premoderate_first:
            return Status.PENDING, f"One of the reader's first {settings.premoderate_first}"
    return Status.PUBLISHED, ""
