"""Comments' tables: the comments themselves (``threads``), moderation (``moderation``) and the
editorial settings (``settings``)."""

from .moderation import Commenter, ModerationAction, ModerationLog
from .settings import CommentSettings, ThreadMode, ThreadPolicy, WhoMayComment
from .threads import Comment, CommentLike, CommentReport, ReplyNotice, ReportReason, Status

__all__ = [
    "Comment",
    "CommentLike",
    "CommentReport",
    "CommentSettings",
    "Commenter",
    "ModerationAction",
    "ModerationLog",
    "ReplyNotice",
    "ReportReason",
    "Status",
    "ThreadMode",
    "ThreadPolicy",
    "WhoMayComment",
]
